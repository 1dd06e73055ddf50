// name: scoring/monitor_outcomes
// description: Every address, person and company a case concerns, with its current score and the
// description: outcome of its latest case (open, overtreding, geen overtreding or onbekend): the newer
// description: of its zaken.csv result and the latest outcome recorded for it in the app.
MATCH (z:Case)-[:CONCERNS]->(n)
WHERE n:Address OR n:Person OR n:Company
WITH n, z ORDER BY z.start DESC
WITH n, collect(z)[0] AS latest
CALL (latest) {
  OPTIONAL MATCH (o:Outcome)-[:RECORDS]->(latest)
  WITH o ORDER BY o.date DESC, o.recordedAt DESC LIMIT 1
  RETURN o
}
RETURN labels(n)[0] AS label, coalesce(n.score, 0.0) AS score,
  CASE WHEN o IS NOT NULL AND (coalesce(latest.status, '') <> 'gesloten' OR latest.result IS NULL
      OR o.date >= coalesce(latest.end, latest.start)) THEN o.result
    WHEN latest.status = 'open' THEN 'open' ELSE coalesce(latest.result, 'onbekend') END AS outcome
