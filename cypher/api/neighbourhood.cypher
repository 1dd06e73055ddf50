// name: api/neighbourhood
// description: The neighbourhood of an entity breadth-first up to $depth hops, one page of nodes
// description: (nearest first) each with the relationship it was reached by. CBS neighbourhoods
// description: and their figures are left out: every address of a buurt is not a lead; so is what
// description: users added in the app (notes, watch lists, notifications, outcomes).
// params: key, pandId, buurtcode, permitId, signalId, caseId, networkId, depth, limit, offset
CALL () {
  MATCH (n:Address {key: $key}) RETURN n
  UNION MATCH (n:Person {key: $key}) RETURN n
  UNION MATCH (n:Company {key: $key}) RETURN n
  UNION MATCH (n:Building {pandId: $pandId}) RETURN n
  UNION MATCH (n:Neighbourhood {buurtcode: $buurtcode}) RETURN n
  UNION MATCH (n:Permit {permitId: $permitId}) RETURN n
  UNION MATCH (n:Signal {signalId: $signalId}) RETURN n
  UNION MATCH (n:Case {caseId: $caseId}) RETURN n
  // A network id is per analysis run: the latest run's network of that id.
  UNION MATCH (n:Network) WHERE $networkId IS NOT NULL
    AND (n.networkId = $networkId OR n.key = $networkId)
  WITH n ORDER BY n.runId DESC LIMIT 1
  RETURN n
}
WITH n LIMIT 1
CALL apoc.path.spanningTree(n, {maxLevel: $depth, bfs: true,
  labelFilter: '-Neighbourhood|-NeighbourhoodFigure|-Flag|-Load|-AnalysisRun|-MatchRun|-Note|-WatchList|-Notification|-Outcome|-CaseFile|-Alert'})
YIELD path
WITH path SKIP $offset LIMIT $limit
WITH path, last(nodes(path)) AS m, last(relationships(path)) AS r,
  CASE WHEN length(path) > 0 THEN nodes(path)[-2] END AS p
RETURN length(path) AS distance, labels(m) AS labels, properties(m) AS props,
  CASE WHEN r IS NULL THEN null ELSE {type: type(r), forward: startNode(r) = p, props: properties(r),
    fromLabels: labels(p),
    // Only what names the node it came from: that node is a row of its own (nearer, so earlier).
    fromProps: p {.key, .pandId, .buurtcode, .permitId, .signalId, .caseId, .networkId}} END AS rel
