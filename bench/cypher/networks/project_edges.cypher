// name: networks/project_edges
// description: Project a plain edge list of integer node ids into GDS (benchmarks on LFR graphs).
// params: graph, edges ([[source, target], ...])
UNWIND $edges AS e
WITH gds.graph.project($graph, e[0], e[1], {}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
