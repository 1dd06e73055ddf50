// name: collab/watch_remove
// description: Take an entity off a watch list.
// params: listId, key
MATCH (:WatchList {listId: $listId})-[w:WATCHES]->(n {key: $key})
DELETE w
RETURN count(*) AS removed
