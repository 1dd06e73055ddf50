// name: collab/notification_write
// description: Write notifications (to a user or a team) about an entity; a notification id seen
// description: before is left as it is, so news told once is not told again.
// params: rows ({id, toUser, toTeam, kind, message, key, factKey, factSource, factLoadId}), at
UNWIND $rows AS row
CALL (row) { MATCH (n:Address {key: row.key}) RETURN n UNION MATCH (n:Person {key: row.key}) RETURN n UNION MATCH (n:Company {key: row.key}) RETURN n UNION MATCH (n:Network {key: row.key}) RETURN n }
MERGE (m:Notification {notificationId: row.id})
ON CREATE SET m.toUser = row.toUser, m.toTeam = row.toTeam, m.kind = row.kind,
  m.message = row.message, m.createdAt = $at, m.readBy = [], m.factKey = row.factKey,
  m.factSource = row.factSource, m.factLoadId = row.factLoadId
MERGE (m)-[:ABOUT]->(n)
RETURN count(*) AS written
