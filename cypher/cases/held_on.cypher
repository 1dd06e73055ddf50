// name: cases/held_on
// description: The case files and alerts tied to any of these person keys, for an access request
// description: (everything held on a person): which record, its team, status and when.
// params: keys
MATCH (n:Person) WHERE n.key IN $keys
MATCH (r)-[:INVOLVES|HIT]->(n) WHERE r:CaseFile OR r:Alert
RETURN DISTINCT CASE WHEN r:CaseFile THEN 'caseFiles' ELSE 'alerts' END AS section,
  coalesce(r.caseFileId, r.alertId) AS id, r.title AS title, r.status AS status,
  r.team AS team, r.owner AS owner, r.createdAt AS createdAt, n.key AS person
ORDER BY section, createdAt, id
