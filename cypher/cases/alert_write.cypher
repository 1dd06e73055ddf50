// name: cases/alert_write
// description: Write new alerts of one schedule, each tied to the entities of its hit; an alert id
// description: seen before is left as it is.
// params: scheduleId, rows [{id, title, owner, team, evidence, keys}], at
MATCH (s:Schedule {scheduleId: $scheduleId})
UNWIND $rows AS row
MERGE (a:Alert {alertId: row.id})
ON CREATE SET a.scheduleId = $scheduleId, a.title = row.title, a.owner = row.owner,
  a.team = row.team, a.status = 'new', a.evidence = row.evidence, a.createdAt = $at
MERGE (a)-[:ALERT_OF]->(s)
WITH a, row
CALL (a, row) {
  UNWIND row.keys AS key
  CALL (key) { MATCH (n:Address {key: key}) RETURN n UNION MATCH (n:Person {key: key}) RETURN n UNION MATCH (n:Company {key: key}) RETURN n }
  MERGE (a)-[:HIT]->(n)
  RETURN count(n) AS tied
}
RETURN count(a) AS written
