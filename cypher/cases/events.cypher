// name: cases/events
// description: A case's history, oldest first.
// params: caseFileId
MATCH (e:CaseEvent {caseFileId: $caseFileId})
RETURN e.eventId AS id, e.at AS at, e.by AS by, e.what AS what, e.oldValue AS oldValue,
  e.newValue AS newValue, e.text AS text
ORDER BY e.at, e.eventId
