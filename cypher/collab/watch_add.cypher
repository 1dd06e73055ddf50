// name: collab/watch_add
// description: Put an entity on a watch list (once); news about it counts from now, and its score
// description: now is the one later changes are told against. `added` is false when it was on already.
// params: listId, key, by, at
MATCH (l:WatchList {listId: $listId})
CALL () { MATCH (n:Address {key: $key}) RETURN n UNION MATCH (n:Person {key: $key}) RETURN n UNION MATCH (n:Company {key: $key}) RETURN n UNION MATCH (n:Network {key: $key}) RETURN n }
OPTIONAL MATCH (l)-[old:WATCHES]->(n)
WITH l, n, old IS NULL AS added
MERGE (l)-[w:WATCHES]->(n)
ON CREATE SET w.since = $at, w.by = $by, w.checkedAt = $at, w.lastScore = n.score
RETURN added, w.since AS since
