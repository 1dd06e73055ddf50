// name: api/network_graph
// description: The real subgraph of a network (the latest run's network of that id): its member
// description: persons, companies and addresses, each with its membership (kind, key figure,
// description: betweenness, PageRank), and the OFFICER_OF, ESTABLISHED_AT, REGISTERED_AT and OWNS
// description: relationships between members with their dates. A member person's facts stated by
// description: its records (a KvK officer matched to the BRP person) are drawn from the member.
// params: networkId
MATCH (n:Network) WHERE n.networkId = $networkId OR n.key = $networkId
WITH n ORDER BY n.runId DESC LIMIT 1
MATCH (n)-[m:HAS_MEMBER]->(x)
WITH n, collect(x) AS xs,
  collect({labels: labels(x), props: properties(x),
           member: m {.kind, .keyFigure, .betweenness, .pageRank}}) AS members
WITH n, xs, members, [x IN xs | x.key] AS keys
CALL (xs, keys) {
  UNWIND xs AS x
  CALL (x) {
    RETURN x AS r
    UNION
    MATCH (r:Person {canonicalKey: x.key}) WHERE x:Person AND r <> x
    RETURN r
  }
  MATCH (r)-[rel:OFFICER_OF|ESTABLISHED_AT|REGISTERED_AT|OWNS]->(y)
  WHERE y.key IN keys
  RETURN collect(DISTINCT {type: type(rel), start: x.key, end: y.key, props: properties(rel)}) AS rels
}
RETURN n.networkId AS networkId, n.runId AS runId, members, rels
