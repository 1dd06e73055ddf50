// name: cases/schedule_delete
// description: Stop a schedule of this owner; its alerts stay (they are part of the record).
// params: scheduleId, owner
MATCH (s:Schedule {scheduleId: $scheduleId}) WHERE s.owner = $owner
DETACH DELETE s
RETURN count(*) AS deleted
