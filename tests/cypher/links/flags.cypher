// name: links/flags
// description: The flags of one analysis run with the given names, with their subject's key.
// params: runId, names
MATCH (f:Flag {runId: $runId})-[:FLAGS]->(x)
WHERE f.name IN $names
RETURN f.key AS key, f.name AS name, f.strength AS strength, f.reason AS reason,
  f.evidence AS evidence, f.sources AS sources, x.key AS subject
ORDER BY key
