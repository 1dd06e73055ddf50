// name: cases/case_intervention
// description: Record the intervention planned for a case (only after its assessment: checked by
// description: the caller and again here).
// params: caseFileId, plan, by, at
MATCH (c:CaseFile {caseFileId: $caseFileId}) WHERE c.assessedAt IS NOT NULL
SET c.intervention = $plan, c.interventionBy = $by, c.interventionAt = $at, c.updatedAt = $at
RETURN c.caseFileId AS id
