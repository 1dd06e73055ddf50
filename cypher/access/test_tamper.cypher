// name: access/test_tamper
// description: Test fixture: change one audit entry behind the application's back, to prove the
// description: hash chain shows it (the application itself has no statement that does this).
MATCH (e:AuditEntry {seq: 1})
SET e.payload = replace(e.payload, '"action": ', '"action":  ')
RETURN e.seq AS seq
