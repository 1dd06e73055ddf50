// name: api/path
// description: The shortest path (at most 8 hops) between two entities, each given as a lookup
// description: map ({key, pandId, buurtcode, permitId, signalId, caseId, networkId}, one set),
// description: not through CBS neighbourhoods (a shared buurt is not a connection).
// params: a, b
CALL () {
  MATCH (n:Address {key: $a.key}) RETURN n
  UNION MATCH (n:Person {key: $a.key}) RETURN n
  UNION MATCH (n:Company {key: $a.key}) RETURN n
  UNION MATCH (n:Building {pandId: $a.pandId}) RETURN n
  UNION MATCH (n:Permit {permitId: $a.permitId}) RETURN n
  UNION MATCH (n:Signal {signalId: $a.signalId}) RETURN n
  UNION MATCH (n:Case {caseId: $a.caseId}) RETURN n
}
WITH n AS a LIMIT 1
CALL () {
  MATCH (n:Address {key: $b.key}) RETURN n
  UNION MATCH (n:Person {key: $b.key}) RETURN n
  UNION MATCH (n:Company {key: $b.key}) RETURN n
  UNION MATCH (n:Building {pandId: $b.pandId}) RETURN n
  UNION MATCH (n:Permit {permitId: $b.permitId}) RETURN n
  UNION MATCH (n:Signal {signalId: $b.signalId}) RETURN n
  UNION MATCH (n:Case {caseId: $b.caseId}) RETURN n
}
WITH a, n AS b LIMIT 1
OPTIONAL MATCH p = SHORTEST 1 (a)(()--(:!Neighbourhood&!NeighbourhoodFigure&!Flag&!Note&!WatchList&!Notification&!Outcome&!CaseFile&!Alert)){1,8}(b)
WHERE a <> b
RETURN true AS found, CASE WHEN p IS NULL THEN [] ELSE
  [x IN nodes(p) | {labels: labels(x), props: properties(x)}] END AS nodes,
  CASE WHEN p IS NULL THEN [] ELSE
  [r IN relationships(p) | {type: type(r), start: elementId(startNode(r)), props: properties(r)}] END AS rels,
  CASE WHEN p IS NULL THEN [] ELSE [x IN nodes(p) | elementId(x)] END AS eids
