// name: networks/clean
// description: Remove networks and the given flags of earlier analysis runs: a run replaces them.
// params: runId, flagNames
CALL () {
  MATCH (n:Network) WHERE n.runId <> $runId
  DETACH DELETE n
  RETURN count(*) AS networks
}
CALL () {
  MATCH (f:Flag) WHERE f.name IN $flagNames AND f.runId <> $runId
  DETACH DELETE f
  RETURN count(*) AS flags
}
RETURN networks, flags
