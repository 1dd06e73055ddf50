// name: collab/outcome_add
// description: Record an inspection outcome for an entity, and for the case it belongs to when
// description: given (RECORDS): the case's loaded result stays as zaken.csv says; both are dated.
// params: key, caseId, outcomeId, result, date, text, author, team, at
CALL () { MATCH (n:Address {key: $key}) RETURN n UNION MATCH (n:Person {key: $key}) RETURN n UNION MATCH (n:Company {key: $key}) RETURN n UNION MATCH (n:Network {key: $key}) RETURN n }
CREATE (o:Outcome {outcomeId: $outcomeId, result: $result, date: $date, text: $text,
  author: $author, team: $team, recordedAt: $at})-[:OUTCOME_FOR]->(n)
WITH o
CALL (o) {
  MATCH (z:Case {caseId: $caseId})
  CREATE (o)-[:RECORDS]->(z)
}
RETURN o.outcomeId AS id
