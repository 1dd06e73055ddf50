// name: cases/event_write
// description: Append events to a case's history: who changed what, from which value to which, when.
// params: caseFileId, rows [{id, by, what, oldValue, newValue, text}], at
MATCH (c:CaseFile {caseFileId: $caseFileId})
UNWIND $rows AS row
CREATE (e:CaseEvent {eventId: row.id, caseFileId: $caseFileId, at: $at, by: row.by,
  what: row.what, oldValue: row.oldValue, newValue: row.newValue, text: row.text})
CREATE (e)-[:EVENT_OF]->(c)
RETURN count(e) AS written
