// name: networks/baseline_components
// description: Benchmark baseline: weakly connected components of the raw person-company-address
// description: graph (registrations, roles, establishments, ownership and SAME_AS judgements).
// params: graph
MATCH (s)-[:REGISTERED_AT|OFFICER_OF|ESTABLISHED_AT|OWNS|SAME_AS]->(t)
WITH gds.graph.project($graph, s, t, {}, {undirectedRelationshipTypes: ['*']}) AS g
WITH g.graphName AS name
CALL gds.wcc.stream(name, {concurrency: 2}) YIELD nodeId, componentId
WITH gds.util.asNode(nodeId) AS n, componentId WHERE n:Person
RETURN n.key AS key, componentId AS component
