// name: access/test_truncate
// description: Test fixture: delete the last audit entry behind the application's back and move
// description: the head back to the entry before it, so the database alone looks whole; the anchor
// description: file outside it must show the loss.
MATCH (e:AuditEntry)
WITH e ORDER BY e.seq DESC
LIMIT 1
WITH e, e.seq - 1 AS seq, e.prev AS prev
DETACH DELETE e
WITH seq, prev
MATCH (h:AuditHead {key: 'audit'})
SET h.seq = seq, h.hash = prev
RETURN seq
