// name: cases/schedule_write
// description: Schedule a saved investigation or an indicator for its owner (after every load or
// description: daily); scheduling it again changes its frequency and parameters, not its alerts.
// params: scheduleId, kind, target, params, frequency, owner, team, at
MERGE (s:Schedule {scheduleId: $scheduleId})
ON CREATE SET s.createdAt = $at
SET s.kind = $kind, s.target = $target, s.params = $params, s.frequency = $frequency,
  s.owner = $owner, s.team = $team
RETURN s.scheduleId AS id, s.kind AS kind, s.target AS target, s.params AS params,
  s.frequency AS frequency, s.owner AS owner, s.team AS team, s.createdAt AS createdAt,
  s.lastRunAt AS lastRunAt, s.lastHits AS lastHits, s.lastNew AS lastNew, s.lastError AS lastError
