// name: scoring/subject_flags
// description: The reasons behind one address, person or company's score: the flags of the run that
// description: scored it, largest contribution first, with weight, reason and evidence (JSON).
// params: key
CALL () {
  MATCH (n:Address {key: $key}) RETURN n
  UNION
  MATCH (n:Person {key: $key}) RETURN n
  UNION
  MATCH (n:Company {key: $key}) RETURN n
}
MATCH (f:Flag {runId: n.scoreRunId})-[:FLAGS]->(n)
RETURN f.name AS name, f.title AS title, f.strength AS strength, f.weight AS weight,
  f.contribution AS contribution, f.reason AS reason, f.evidence AS evidence, f.runId AS runId,
  n.score AS score
ORDER BY f.contribution DESC, f.name
