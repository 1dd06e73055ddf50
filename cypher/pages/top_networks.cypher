// name: pages/top_networks
// description: The overview's networks: those of the latest networks run, highest score first.
// params: limit
CALL () {
  OPTIONAL MATCH (n:Network)
  RETURN max(n.runId) AS run
}
MATCH (n:Network {runId: run})
RETURN n.networkId AS networkId, n.score AS score, n.size AS size, n.reason AS reason
ORDER BY n.score DESC, n.networkId
LIMIT $limit
