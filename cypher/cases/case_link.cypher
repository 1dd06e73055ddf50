// name: cases/case_link
// description: Tie an entity to a case; returns whether it was new and the other teams whose open
// description: or running cases already hold it (for deconfliction; nothing else of those cases).
// params: caseFileId, key, by, at
MATCH (c:CaseFile {caseFileId: $caseFileId})
CALL () { MATCH (n:Address {key: $key}) RETURN n UNION MATCH (n:Person {key: $key}) RETURN n UNION MATCH (n:Company {key: $key}) RETURN n UNION MATCH (n:Network {key: $key}) RETURN n }
OPTIONAL MATCH (c)-[old:INVOLVES]->(n)
WITH c, n, old IS NULL AS added
MERGE (c)-[r:INVOLVES]->(n)
ON CREATE SET r.since = $at, r.by = $by
WITH c, n, added
OPTIONAL MATCH (other:CaseFile)-[:INVOLVES]->(n)
WHERE other.status IN ['open', 'in_progress'] AND other.team IS NOT NULL
  AND other.team <> coalesce(c.team, '')
RETURN added, [t IN collect(DISTINCT other.team) WHERE t IS NOT NULL] AS otherTeams
