// name: scoring/export_addresses
// description: The `addresses` export: every address with its score, the names of the flags behind
// description: it (largest contribution first) and its network (in the latest networks run, if
// description: any); then whether a case already confirmed a violation there, or one
// description: is open.
// Its network in the latest networks run: the same membership as the `networks` export.
CALL () {
  OPTIONAL MATCH (n:Network)
  RETURN max(n.runId) AS networkRun
}
MATCH (a:Address)
OPTIONAL CALL (a, networkRun) {
  MATCH (net:Network {runId: networkRun})-[:HAS_MEMBER]->(a)
  RETURN net.networkId AS network ORDER BY net.score DESC, network LIMIT 1
}
RETURN a.key AS key, coalesce(a.score, 0.0) AS score, coalesce(a.flags, []) AS flags,
  network AS network_id, coalesce(a.confirmed, false) AS confirmed,
  coalesce(a.openCase, false) AS open_case
