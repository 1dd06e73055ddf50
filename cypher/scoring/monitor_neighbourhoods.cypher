// name: scoring/monitor_neighbourhoods
// description: Per CBS neighbourhood: addresses, how many scored above zero and at least `high`, the
// description: mean address score, and the cases about its addresses started since `since` with how
// description: many found a violation (aggregates only; the caller suppresses small counts).
// params: high, since
MATCH (a:Address)-[:IN_NEIGHBOURHOOD]->(n:Neighbourhood)
CALL (a) {
  OPTIONAL MATCH (z:Case)-[:CONCERNS]->(a)
  WHERE z.start >= $since
  RETURN count(z) AS cases, count(CASE WHEN z.result = 'overtreding' THEN 1 END) AS violations
}
RETURN n.buurtcode AS buurtcode, n.name AS name, n.wijkcode AS wijkcode, count(a) AS addresses,
  count(CASE WHEN a.score > 0 THEN 1 END) AS flagged,
  count(CASE WHEN a.score >= $high THEN 1 END) AS high,
  avg(coalesce(a.score, 0.0)) AS meanScore, sum(cases) AS cases, sum(violations) AS violations
ORDER BY buurtcode
