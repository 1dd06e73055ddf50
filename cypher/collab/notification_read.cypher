// name: collab/notification_read
// description: Mark a notification read by this user (only one addressed to them or their team).
// params: id, user, team, at
MATCH (m:Notification {notificationId: $id})
WHERE m.toUser = $user OR (m.toTeam IS NOT NULL AND m.toTeam = $team)
SET m.readBy = CASE WHEN $user IN coalesce(m.readBy, []) THEN m.readBy
    ELSE coalesce(m.readBy, []) + $user END,
  m.readAt = coalesce(m.readAt, $at)
RETURN m.notificationId AS id
