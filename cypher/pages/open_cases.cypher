// name: pages/open_cases
// description: Open cases, newest first, with up to five of the subjects they concern.
// params: limit
MATCH (c:Case {status: 'open'})
WITH c ORDER BY c.start DESC, c.caseId LIMIT $limit
OPTIONAL CALL (c) {
  MATCH (c)-[:CONCERNS]->(s)
  RETURN s ORDER BY s.key LIMIT 5
}
WITH c, collect(CASE WHEN s IS NULL THEN null ELSE {labels: labels(s), props: properties(s)} END) AS subjects
RETURN labels(c) AS labels, properties(c) AS props, subjects
ORDER BY c.start DESC, c.caseId
