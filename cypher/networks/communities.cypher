// name: networks/communities
// description: Leiden communities and weakly connected components of a projected cooperation graph.
// params: graph, leiden (config map), wcc (config map)
CALL gds.wcc.stream($graph, $wcc) YIELD nodeId, componentId
WITH collect([nodeId, componentId]) AS pairs
WITH apoc.map.fromPairs([p IN pairs | [toString(p[0]), p[1]]]) AS component
CALL gds.leiden.stream($graph, $leiden) YIELD nodeId, communityId
WITH gds.util.asNode(nodeId) AS n, communityId, component[toString(nodeId)] AS componentId
RETURN n.key AS key,
  CASE WHEN n:Person THEN 'person' WHEN n:Company THEN 'company' ELSE 'address' END AS kind,
  communityId AS community, componentId AS component
