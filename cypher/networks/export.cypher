// name: networks/export
// description: The `networks` export: the latest run's networks with their member keys, best first.
MATCH (n:Network)
WITH max(n.runId) AS runId
MATCH (n:Network {runId: runId})-[:HAS_MEMBER]->(x)
WITH n, x ORDER BY x.key
RETURN n.networkId AS network_id, n.score AS score, n.size AS size, collect(x.key) AS members,
  n.persons AS persons, n.companies AS companies, n.addresses AS addresses,
  n.keyFigures AS key_figures, n.reason AS reason
ORDER BY score DESC, network_id
