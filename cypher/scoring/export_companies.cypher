// name: scoring/export_companies
// description: The `companies` export: every company with its score, flags and network.
// Its network in the latest networks run: the same membership as the `networks` export.
CALL () {
  OPTIONAL MATCH (n:Network)
  RETURN max(n.runId) AS networkRun
}
MATCH (c:Company)
OPTIONAL CALL (c, networkRun) {
  MATCH (net:Network {runId: networkRun})-[:HAS_MEMBER]->(c)
  RETURN net.networkId AS network ORDER BY net.score DESC, network LIMIT 1
}
RETURN c.key AS key, coalesce(c.score, 0.0) AS score, coalesce(c.flags, []) AS flags,
  network AS network_id, coalesce(c.confirmed, false) AS confirmed,
  coalesce(c.openCase, false) AS open_case
