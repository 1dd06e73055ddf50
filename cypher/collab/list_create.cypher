// name: collab/list_create
// description: Create a watch list for a user (team null) or for a team.
// params: listId, listName, owner, team, at
CREATE (l:WatchList {listId: $listId, name: $listName, owner: $owner, team: $team, createdAt: $at})
RETURN l.listId AS id, l.name AS name, l.owner AS owner, l.team AS team, l.createdAt AS createdAt
