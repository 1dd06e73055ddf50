// name: collab/case_check
// description: A case by id and whether it concerns the entity an outcome is recorded for.
// params: caseId, key
MATCH (z:Case {caseId: $caseId})
RETURN z.caseId AS caseId, EXISTS { (z)-[:CONCERNS]->({key: $key}) } AS concerns
