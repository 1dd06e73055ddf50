// name: collab/list_delete
// description: Delete a watch list (its watches go with it; the entities stay).
// params: listId
MATCH (l:WatchList {listId: $listId})
DETACH DELETE l
RETURN count(*) AS deleted
