// name: pages/recent_signals
// description: The most recent signals (meldingen), with the address or subject they are about.
// params: limit
MATCH (s:Signal)
WITH s ORDER BY s.date DESC, s.signalId LIMIT $limit
OPTIONAL CALL (s) {
  MATCH (s)-[:ABOUT]->(a)
  RETURN a ORDER BY a.key LIMIT 3
}
WITH s, collect(CASE WHEN a IS NULL THEN null ELSE {labels: labels(a), props: properties(a)} END) AS subjects
RETURN labels(s) AS labels, properties(s) AS props, subjects
ORDER BY s.date DESC, s.signalId
