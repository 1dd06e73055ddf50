// name: networks/drop
// description: Drop one GDS projection if it exists.
// params: graph
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN graphName
