// name: scoring/case_addresses
// description: Addresses a case concerns (opened by the reference date), with the latest case's
// description: status and result (the newer of zaken.csv's and an app outcome's): the addresses that
// description: are not new leads (benchmarks, monitor).
// params: asOf
MATCH (z:Case)-[:CONCERNS]->(a:Address)
WHERE z.start <= $asOf
WITH a, z ORDER BY z.start DESC
WITH a, collect(z)[0] AS latest
CALL (latest) {
  OPTIONAL MATCH (o:Outcome)-[:RECORDS]->(latest) WHERE o.date <= $asOf
  WITH o ORDER BY o.date DESC, o.recordedAt DESC LIMIT 1
  RETURN o
}
RETURN a.key AS key, latest.status AS status,
  CASE WHEN o IS NOT NULL AND (coalesce(latest.status, '') <> 'gesloten' OR latest.result IS NULL
      OR o.date >= coalesce(latest.end, latest.start)) THEN o.result ELSE latest.result END AS result
ORDER BY key
