// name: collab/lists
// description: The watch lists a user sees (their own and their team's, or one by id) with every
// description: entry: its key, kind, label and when and by whom it was added.
// params: user, team, listId
MATCH (l:WatchList)
WHERE ((l.team IS NULL AND l.owner = $user) OR (l.team IS NOT NULL AND l.team = $team))
  AND ($listId IS NULL OR l.listId = $listId)
CALL (l) {
  OPTIONAL MATCH (l)-[w:WATCHES]->(n)
  WITH w, n ORDER BY w.since DESC
  RETURN collect(CASE WHEN n IS NOT NULL THEN {key: n.key, networkId: n.networkId,
    labels: labels(n), label: coalesce(n.label, n.name, n.fullName, n.key), since: w.since, by: w.by} END)
    AS entries
}
RETURN l.listId AS id, l.name AS name, l.owner AS owner, l.team AS team, l.createdAt AS createdAt,
  entries
ORDER BY l.team IS NULL DESC, l.name, l.listId
