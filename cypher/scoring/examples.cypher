// name: scoring/examples
// description: Every address, person or company judged by the reference date (overtreding or geen
// description: overtreding; onbekend teaches nothing), with its flags in the run. A case's judgement is
// description: the newer of its zaken.csv result and the latest outcome recorded for it in the app;
// description: app outcomes without a case judge their subject by the latest of them; a case file
// description: closed in the app judges the entities tied to it (confirmed: overtreding, dismissed:
// description: geen overtreding).
// params: runId, asOf
CALL () {
  MATCH (z:Case)-[:CONCERNS]->(n)
  CALL (z) {
    OPTIONAL MATCH (o:Outcome)-[:RECORDS]->(z) WHERE o.date <= $asOf
    WITH o ORDER BY o.date DESC, o.recordedAt DESC LIMIT 1
    RETURN CASE WHEN o IS NOT NULL AND (coalesce(z.status, '') <> 'gesloten' OR z.result IS NULL
        OR coalesce(z.end, z.start) > $asOf OR o.date >= coalesce(z.end, z.start))
      THEN o.result WHEN z.status = 'gesloten' AND coalesce(z.end, z.start) <= $asOf
      THEN z.result END AS result
  }
  RETURN n, result
  UNION ALL
  MATCH (o:Outcome)-[:OUTCOME_FOR]->(n)
  WHERE NOT EXISTS { (o)-[:RECORDS]->(:Case) } AND o.date <= $asOf
  WITH n, o ORDER BY o.date DESC, o.recordedAt DESC
  RETURN n, collect(o.result)[0] AS result
  UNION ALL
  MATCH (c:CaseFile)-[:INVOLVES]->(n)
  WHERE c.status IN ['confirmed', 'dismissed'] AND date(c.closedAt) <= $asOf
  RETURN n, CASE c.status WHEN 'confirmed' THEN 'overtreding' ELSE 'geen overtreding' END AS result
}
WITH n, result WHERE result IN ['overtreding', 'geen overtreding']
WITH n, max(CASE WHEN result = 'overtreding' THEN 1 ELSE 0 END) AS violation
CALL (n) {
  OPTIONAL MATCH (f:Flag {runId: $runId})-[:FLAGS]->(n)
  RETURN collect(CASE WHEN f IS NOT NULL THEN {name: f.name, strength: f.strength} END) AS flags
}
RETURN n.key AS key, violation = 1 AS violation, flags
ORDER BY key
