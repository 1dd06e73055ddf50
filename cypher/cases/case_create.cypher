// name: cases/case_create
// description: Open a case for a team, optionally from an alert, tied to the entities given by key.
// params: caseFileId, title, owner, team, partner, at, alertId, keys
CREATE (c:CaseFile {caseFileId: $caseFileId, title: $title, owner: $owner, team: $team,
  partner: $partner, status: 'open', createdAt: $at, updatedAt: $at})
WITH c
CALL (c) {
  MATCH (a:Alert {alertId: $alertId})
  MERGE (c)-[:FROM_ALERT]->(a)
  RETURN count(a) AS alerts
}
CALL (c) {
  UNWIND $keys AS key
  CALL (key) { MATCH (n:Address {key: key}) RETURN n UNION MATCH (n:Person {key: key}) RETURN n UNION MATCH (n:Company {key: key}) RETURN n UNION MATCH (n:Network {key: key}) RETURN n }
  MERGE (c)-[:INVOLVES {since: $at, by: $owner}]->(n)
  RETURN count(n) AS linked
}
RETURN c.caseFileId AS id, linked
