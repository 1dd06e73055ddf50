// name: pages/top_subjects
// description: The overview's ranking: the highest-scoring addresses, companies and (when the page
// description: may show persons) persons, score above zero, each with the reasons of its three
// description: largest flags from the run that scored it.
// params: limit, persons
CALL () {
  MATCH (n:Address) WHERE n.score > 0 RETURN n ORDER BY n.score DESC, n.key LIMIT $limit
  UNION
  MATCH (n:Company) WHERE n.score > 0 RETURN n ORDER BY n.score DESC, n.key LIMIT $limit
  UNION
  MATCH (n:Person) WHERE $persons AND n.score > 0 RETURN n ORDER BY n.score DESC, n.key LIMIT $limit
}
OPTIONAL CALL (n) {
  MATCH (f:Flag {runId: n.scoreRunId})-[:FLAGS]->(n)
  RETURN f ORDER BY f.contribution DESC, f.name LIMIT 3
}
WITH n, collect(f.reason) AS reasons
RETURN labels(n) AS labels, properties(n) AS props, reasons
ORDER BY n.score DESC, n.key
