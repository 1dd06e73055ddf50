// name: cases/case_unlink
// description: Untie an entity from a case (the history keeps that it was tied).
// params: caseFileId, key
MATCH (c:CaseFile {caseFileId: $caseFileId})-[r:INVOLVES]->(n {key: $key})
DELETE r
RETURN count(*) AS removed
