// name: collab/notifications
// description: A user's notifications and their team's, newest first, with the entity each is about
// description: and whether this user has read it; optionally unread ones only.
// params: user, team, unread, limit
MATCH (m:Notification)
WHERE (m.toUser = $user OR (m.toTeam IS NOT NULL AND m.toTeam = $team))
  AND (NOT $unread OR NOT $user IN coalesce(m.readBy, []))
OPTIONAL MATCH (m)-[:ABOUT]->(n)
RETURN m.notificationId AS id, m.kind AS kind, m.message AS message, m.toUser AS toUser,
  m.toTeam AS toTeam, m.createdAt AS createdAt, m.readAt AS readAt,
  $user IN coalesce(m.readBy, []) AS read, m.factKey AS factKey, m.factSource AS factSource,
  m.factLoadId AS factLoadId, n.key AS key, n.networkId AS networkId, labels(n) AS labels,
  coalesce(n.label, n.name, n.fullName, n.key) AS label
ORDER BY m.createdAt DESC, m.notificationId
LIMIT $limit
