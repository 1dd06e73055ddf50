// name: networks/centrality
// description: Betweenness and PageRank of every node of a projection of networks (each network
// description: its own component, so both are computed within the network).
// params: graph, concurrency
CALL gds.betweenness.stream($graph, {concurrency: $concurrency}) YIELD nodeId, score
WITH collect([toString(nodeId), score]) AS pairs
WITH apoc.map.fromPairs(pairs) AS betweenness
CALL gds.pageRank.stream($graph, {concurrency: $concurrency, relationshipWeightProperty: 'weight'})
YIELD nodeId, score
WITH gds.util.asNode(nodeId) AS n, score, betweenness[toString(nodeId)] AS b
RETURN n.key AS key, b AS betweenness, score AS pageRank
