// name: scoring/monitor_neighbourhoods
// description: Per CBS neighbourhood: addresses, how many scored above zero and at least `high`, the
// description: mean address score, and the cases about its addresses started since `since` with how
// description: many found a violation (aggregates only; the caller suppresses small counts).
// params: high, since
MATCH (a:Address)-[:IN_NEIGHBOURHOOD]->(n:Neighbourhood)
CALL (a) {
  OPTIONAL MATCH (z:Case)-[:CONCERNS]->(a)
  WHERE z.start >= $since
  // A case's result: the newer of zaken.csv's and the latest outcome recorded in the app.
  OPTIONAL CALL (z) {
    MATCH (o:Outcome)-[:RECORDS]->(z)
    WHERE coalesce(z.status, '') <> 'gesloten' OR z.result IS NULL OR o.date >= coalesce(z.end, z.start)
    WITH o ORDER BY o.date DESC, o.recordedAt DESC LIMIT 1
    RETURN o.result AS appResult
  }
  RETURN count(z) AS cases,
    count(CASE WHEN coalesce(appResult, z.result) = 'overtreding' THEN 1 END) AS violations
}
RETURN n.buurtcode AS buurtcode, n.name AS name, n.wijkcode AS wijkcode, count(a) AS addresses,
  count(CASE WHEN a.score > 0 THEN 1 END) AS flagged,
  count(CASE WHEN a.score >= $high THEN 1 END) AS high,
  avg(coalesce(a.score, 0.0)) AS meanScore, sum(cases) AS cases, sum(violations) AS violations
ORDER BY buurtcode
