// name: networks/communities_ids
// description: Leiden communities of a projection made from integer ids (benchmarks): id, community.
// params: graph, leiden (config map)
CALL gds.leiden.stream($graph, $leiden) YIELD nodeId, communityId
RETURN nodeId AS id, communityId AS community
