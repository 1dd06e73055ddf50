// name: links/clean
// description: Remove predicted links of one kind and the given flags from earlier runs: a run replaces them.
// params: runId, kind, flagNames
CALL () {
  MATCH ()-[l:PREDICTED_LINK {kind: $kind}]->() WHERE l.runId <> $runId
  DELETE l
  RETURN count(*) AS links
}
CALL () {
  MATCH (f:Flag) WHERE f.name IN $flagNames AND f.runId <> $runId
  DETACH DELETE f
  RETURN count(*) AS flags
}
RETURN links, flags
