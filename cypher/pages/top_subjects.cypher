// name: pages/top_subjects
// description: The overview's ranking: the highest-scoring addresses, companies and (when the page
// description: may show persons) persons, score above zero, each with the reasons of its three
// description: largest flags from the run that scored it, each with the files its evidence quotes
// description: (masking withholds a reason whose source the user may not see).
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
WITH n, collect(CASE WHEN f.reason IS NOT NULL THEN {reason: f.reason, sources: coalesce(f.sources, [])} END) AS reasons
RETURN labels(n) AS labels, properties(n) AS props, reasons
ORDER BY n.score DESC, n.key
