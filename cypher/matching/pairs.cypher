// name: matching/pairs
// description: Judged person pairs for review, best first: both records, score, judgement, who
// description: judged and why; optionally only one judgement or pairs involving one key.
// params: judgement (or null), key (or null), limit
MATCH (a:Person)-[r:SAME_AS]->(b:Person)
WHERE ($judgement IS NULL OR r.judgement = $judgement) AND ($key IS NULL OR $key IN [a.key, b.key])
RETURN a.key AS left, a.fullName AS leftName, a.birthDate AS leftBirth, b.key AS right,
  b.fullName AS rightName, b.birthDate AS rightBirth, r.score AS score, r.judgement AS judgement,
  r.by AS by, r.at AS at, r.reasons AS reasons
ORDER BY r.score DESC, left, right
LIMIT $limit
