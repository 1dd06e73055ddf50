// name: scoring/monitor_outcomes
// description: Every address, person and company a case concerns, with its current score and the
// description: outcome of its latest case (open, overtreding, geen overtreding or onbekend): for a
// description: zaken.csv case the newer of its result and the latest outcome recorded for it in the
// description: app; for a case file of the app its status (confirmed: overtreding, dismissed: geen
// description: overtreding, else open). The latest case by its start counts.
CALL () {
  MATCH (z:Case)-[:CONCERNS]->(n)
  WHERE n:Address OR n:Person OR n:Company
  WITH n, z ORDER BY z.start DESC
  WITH n, collect(z)[0] AS latest
  CALL (latest) {
    OPTIONAL MATCH (o:Outcome)-[:RECORDS]->(latest)
    WITH o ORDER BY o.date DESC, o.recordedAt DESC LIMIT 1
    RETURN o
  }
  RETURN n, latest.start AS started,
    CASE WHEN o IS NOT NULL AND (coalesce(latest.status, '') <> 'gesloten' OR latest.result IS NULL
        OR o.date >= coalesce(latest.end, latest.start)) THEN o.result
      WHEN latest.status = 'open' THEN 'open' ELSE coalesce(latest.result, 'onbekend') END AS outcome
  UNION ALL
  MATCH (c:CaseFile)-[:INVOLVES]->(n)
  WHERE n:Address OR n:Person OR n:Company
  RETURN n, date(c.createdAt) AS started,
    CASE c.status WHEN 'confirmed' THEN 'overtreding' WHEN 'dismissed' THEN 'geen overtreding'
      ELSE 'open' END AS outcome
}
WITH n, started, outcome ORDER BY started DESC
WITH n, collect(outcome)[0] AS outcome
RETURN labels(n)[0] AS label, coalesce(n.score, 0.0) AS score, outcome
