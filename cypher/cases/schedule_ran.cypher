// name: cases/schedule_ran
// description: Record a schedule's last run: when, how many hits, how many were new, and the error
// description: that stopped it (null when it ran).
// params: scheduleId, at, hits, new, error
MATCH (s:Schedule {scheduleId: $scheduleId})
SET s.lastRunAt = $at, s.lastHits = $hits, s.lastNew = $new, s.lastError = $error
RETURN s.scheduleId AS id
