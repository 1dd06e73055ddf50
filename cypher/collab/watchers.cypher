// name: collab/watchers
// description: Every watch list on an entity with the team behind it (a team list's team, or the
// description: owner's team for a personal list), for deconfliction and the entity panel.
// params: key
MATCH (l:WatchList)-[w:WATCHES]->(n {key: $key})
OPTIONAL MATCH (u:User {name: l.owner})
RETURN l.listId AS listId, l.name AS name, l.owner AS owner, l.team AS listTeam,
  coalesce(l.team, u.team) AS team, w.since AS since
ORDER BY since
