// name: access/audit_head
// description: The end of the audit chain: the last sequence number and hash.
OPTIONAL MATCH (h:AuditHead {key: 'audit'})
RETURN coalesce(h.seq, 0) AS seq, coalesce(h.hash, '') AS hash
