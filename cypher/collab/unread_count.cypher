// name: collab/unread_count
// description: How many notifications to a user and their team this user has not read, per source of
// description: the fact they tell of (none for deconfliction and score news): the caller counts only
// description: the sources the user may see, as the inbox withholds the others.
// params: user, team
MATCH (m:Notification)
WHERE (m.toUser = $user OR (m.toTeam IS NOT NULL AND m.toTeam = $team))
  AND NOT $user IN coalesce(m.readBy, [])
RETURN m.factSource AS file, m.factLoadId AS loadId, count(*) AS count
