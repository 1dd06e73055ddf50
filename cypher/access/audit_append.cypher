// name: access/audit_append
// description: Append one entry to the audit log, chained to the one before by hash. The head is
// description: locked first (SET before reading), so concurrent appends get one order and chain.
// params: at, user, role, purpose, action, target, subjects, payload
MERGE (h:AuditHead {key: 'audit'})
ON CREATE SET h.seq = 0, h.hash = ''
SET h._lock = true
WITH h, h.seq + 1 AS seq, h.hash AS prev
CREATE (e:AuditEntry {seq: seq, at: $at, user: $user, role: $role, purpose: $purpose,
  action: $action, target: $target, subjects: $subjects, payload: $payload, prev: prev,
  hash: apoc.util.sha256([prev, toString(seq), $payload])})
SET h.seq = seq, h.hash = e.hash
REMOVE h._lock
RETURN e.seq AS seq, e.hash AS hash
