// name: scoring/examples
// description: Every address, person or company a case closed by the reference date judged
// description: (overtreding or geen overtreding; onbekend teaches nothing), with its flags in the run.
// params: runId, asOf
MATCH (z:Case)-[:CONCERNS]->(n)
WHERE z.status = 'gesloten' AND z.result IN ['overtreding', 'geen overtreding']
  AND coalesce(z.end, z.start) <= $asOf
WITH n, max(CASE WHEN z.result = 'overtreding' THEN 1 ELSE 0 END) AS violation
CALL (n) {
  OPTIONAL MATCH (f:Flag {runId: $runId})-[:FLAGS]->(n)
  RETURN collect(CASE WHEN f IS NOT NULL THEN {name: f.name, strength: f.strength} END) AS flags
}
RETURN n.key AS key, violation = 1 AS violation, flags
ORDER BY key
