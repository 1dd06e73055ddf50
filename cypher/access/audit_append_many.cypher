// name: access/audit_append_many
// description: Append several entries to the audit log in one transaction (group commit). The
// description: application numbers and HMACs them from the head it read; the head is locked and
// description: they are written only if it still ends there (else no rows: read it again, retry),
// description: so concurrent writers, in any process, get one order and one chain.
// params: entries ([{seq, prev, hash, at, user, role, purpose, action, target, subjects, payload}]), fromSeq, fromHash, toSeq, toHash
MERGE (h:AuditHead {key: 'audit'})
ON CREATE SET h.seq = 0, h.hash = ''
// Setting a property takes the head's write lock until commit; the marker itself is not kept.
SET h._lock = true
REMOVE h._lock
WITH h
WHERE h.seq = $fromSeq AND h.hash = $fromHash
UNWIND $entries AS entry
CREATE (e:AuditEntry {seq: entry.seq, at: entry.at, user: entry.user, role: entry.role,
  purpose: entry.purpose, action: entry.action, target: entry.target, subjects: entry.subjects,
  payload: entry.payload, prev: entry.prev, hash: entry.hash})
WITH h, collect(e.seq) AS seqs
SET h.seq = $toSeq, h.hash = $toHash
RETURN seqs
