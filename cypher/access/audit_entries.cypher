// name: access/audit_entries
// description: Audit entries in order, optionally from a sequence number, a date, a user or about
// description: a subject (target or shown person key).
// params: fromSeq, since, user, subject, limit
MATCH (e:AuditEntry)
WHERE e.seq >= $fromSeq
  AND ($since IS NULL OR e.at >= $since)
  AND ($user IS NULL OR e.user = $user)
  AND ($subject IS NULL OR e.target = $subject OR $subject IN coalesce(e.subjects, []))
RETURN e.seq AS seq, e.at AS at, e.user AS user, e.role AS role, e.purpose AS purpose,
  e.action AS action, e.target AS target, e.subjects AS subjects, e.payload AS payload,
  e.prev AS prev, e.hash AS hash
ORDER BY e.seq
LIMIT $limit
