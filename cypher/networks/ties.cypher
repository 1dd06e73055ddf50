// name: networks/ties
// description: The typed ties (ROLE, ESTABLISHED, OWNS) of a projected cooperation graph, by key.
// params: graph
CALL gds.graph.relationships.stream($graph) YIELD sourceNodeId, targetNodeId, relationshipType
RETURN gds.util.asNode(sourceNodeId).key AS source, gds.util.asNode(targetNodeId).key AS target,
  relationshipType AS kind
