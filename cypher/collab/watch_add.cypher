// name: collab/watch_add
// description: Put an entity on a watch list (once); news about it counts from now: the facts linked
// description: now are known, and its score now is the one later changes are told against.
// description: `added` is false when it was on already.
// params: listId, key, by, at
MATCH (l:WatchList {listId: $listId})
CALL () { MATCH (n:Address {key: $key}) RETURN n UNION MATCH (n:Person {key: $key}) RETURN n UNION MATCH (n:Company {key: $key}) RETURN n UNION MATCH (n:Network {key: $key}) RETURN n }
OPTIONAL MATCH (l)-[old:WATCHES]->(n)
WITH l, n, old IS NULL AS added
CALL (n) {
  OPTIONAL MATCH (f)-[:ABOUT|CONCERNS|FOR_ADDRESS|HELD_BY]->(n)
  WHERE f:Signal OR f:Case OR f:Permit
  RETURN collect(CASE WHEN f:Signal THEN 'signal:' + f.signalId WHEN f:Case THEN 'case:' + f.caseId
    WHEN f:Permit THEN 'permit:' + f.permitId END) AS known
}
MERGE (l)-[w:WATCHES]->(n)
ON CREATE SET w.since = $at, w.by = $by, w.checkedAt = $at, w.lastScore = n.score, w.known = known
RETURN added, w.since AS since
