// name: matching/canonical_write
// description: Set each person's canonical key and (record persons) how it was resolved.
// params: rows ({key, canonical, judgement, score, candidate})
UNWIND $rows AS row
MATCH (p:Person {key: row.key})
SET p.canonicalKey = row.canonical, p.matchJudgement = row.judgement, p.matchScore = row.score,
  p.matchCandidate = row.candidate
RETURN count(p) AS written
