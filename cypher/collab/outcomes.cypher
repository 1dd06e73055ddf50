// name: collab/outcomes
// description: Outcomes recorded in the app for an entity, newest inspection first, each beside
// description: what zaken.csv says about its case (result, status, date and source), if it names one.
// params: key, limit
MATCH (o:Outcome)-[:OUTCOME_FOR]->(n {key: $key})
OPTIONAL MATCH (o)-[:RECORDS]->(z:Case)
RETURN o.outcomeId AS id, o.result AS result, o.date AS date, o.text AS text, o.author AS author,
  o.team AS team, o.recordedAt AS recordedAt, z.caseId AS caseId, z.caseType AS caseType,
  z.status AS caseStatus, z.result AS caseResult, coalesce(z.end, z.start) AS caseDate,
  z.source AS caseSource, z.loadId AS caseLoadId
ORDER BY o.date DESC, o.recordedAt DESC
LIMIT $limit
