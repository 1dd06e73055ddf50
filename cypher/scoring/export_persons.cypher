// name: scoring/export_persons
// description: The `persons` export: every canonical person (a BRP person, or a record person no
// description: registry knows that heads its own cluster) with score, flags and network.
// Its network in the latest networks run: the same membership as the `networks` export.
CALL () {
  OPTIONAL MATCH (n:Network)
  RETURN max(n.runId) AS networkRun
}
MATCH (p:Person)
WHERE coalesce(p.canonicalKey, p.key) = p.key
OPTIONAL CALL (p, networkRun) {
  MATCH (net:Network {runId: networkRun})-[:HAS_MEMBER]->(p)
  RETURN net.networkId AS network ORDER BY net.score DESC, network LIMIT 1
}
RETURN p.key AS key, coalesce(p.score, 0.0) AS score, coalesce(p.flags, []) AS flags,
  network AS network_id, coalesce(p.confirmed, false) AS confirmed,
  coalesce(p.openCase, false) AS open_case
