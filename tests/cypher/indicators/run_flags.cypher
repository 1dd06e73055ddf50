// name: indicators/run_flags
// description: Every flag of one analysis run with its subject (any step's flags, not only
// description: indicators'), for checks and for reading a run back.
// params: runId
MATCH (f:Flag {runId: $runId})-[:FLAGS]->(s)
RETURN f.key AS key, f.name AS name, labels(s)[0] AS label, s.key AS subject,
  f.strength AS strength, f.reason AS reason, f.evidence AS evidence, f.sources AS sources
ORDER BY name, subject
