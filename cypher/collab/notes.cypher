// name: collab/notes
// description: Notes on an entity that a user may read (their own and their team's; all for the
// description: operator), newest first.
// params: key, user, team, all, limit
MATCH (m:Note)-[:ON]->(n {key: $key})
WHERE $all OR m.author = $user OR (m.team IS NOT NULL AND m.team = $team)
RETURN m.noteId AS id, m.text AS text, m.author AS author, m.team AS team, m.createdAt AS createdAt
ORDER BY m.createdAt DESC
LIMIT $limit
