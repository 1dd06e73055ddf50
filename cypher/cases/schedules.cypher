// name: cases/schedules
// description: Schedules: those of one frequency (null: every one), optionally only those a user
// description: owns or their team shares, optionally one by id.
// params: frequency, user, team, scheduleId
MATCH (s:Schedule)
WHERE ($frequency IS NULL OR s.frequency = $frequency)
  AND ($scheduleId IS NULL OR s.scheduleId = $scheduleId)
  AND ($user IS NULL OR s.owner = $user OR (s.team IS NOT NULL AND s.team = $team))
RETURN s.scheduleId AS id, s.kind AS kind, s.target AS target, s.params AS params,
  s.frequency AS frequency, s.owner AS owner, s.team AS team, s.createdAt AS createdAt,
  s.lastRunAt AS lastRunAt, s.lastHits AS lastHits, s.lastNew AS lastNew, s.lastError AS lastError
ORDER BY s.kind, s.target, s.owner
