// name: networks/projections
// description: Names of the GDS projections held in memory (a step must leave none of its own behind).
CALL gds.graph.list() YIELD graphName
RETURN graphName AS graph ORDER BY graph
