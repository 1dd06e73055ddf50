// name: access/audit_append_many
// description: Append several entries to the audit log in one transaction (group commit), in the
// description: given order, each chained to the one before by hash exactly as audit_append does.
// description: The head is locked first, so concurrent appends still get one order and chain.
// params: entries ([{at, user, role, purpose, action, target, subjects, payload}])
MERGE (h:AuditHead {key: 'audit'})
ON CREATE SET h.seq = 0, h.hash = ''
SET h._lock = true
WITH h, reduce(chain = {seq: h.seq, hash: h.hash, links: []}, entry IN $entries |
  {seq: chain.seq + 1,
   hash: apoc.util.sha256([chain.hash, toString(chain.seq + 1), entry.payload]),
   links: chain.links + [{seq: chain.seq + 1, prev: chain.hash,
                          hash: apoc.util.sha256([chain.hash, toString(chain.seq + 1), entry.payload]),
                          entry: entry}]}) AS chain
UNWIND chain.links AS link
CREATE (e:AuditEntry {seq: link.seq, at: link.entry.at, user: link.entry.user,
  role: link.entry.role, purpose: link.entry.purpose, action: link.entry.action,
  target: link.entry.target, subjects: link.entry.subjects, payload: link.entry.payload,
  prev: link.prev, hash: link.hash})
WITH h, chain, collect(e.seq) AS seqs
SET h.seq = chain.seq, h.hash = chain.hash
REMOVE h._lock
RETURN seqs
