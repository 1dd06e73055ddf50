// name: cases/case_assess
// description: Record the privacy-protocol assessment of a case: purpose, legal ground,
// description: proportionality, by whom and when.
// params: caseFileId, purpose, legalGround, proportionality, by, at
MATCH (c:CaseFile {caseFileId: $caseFileId})
SET c.assessmentPurpose = $purpose, c.legalGround = $legalGround,
  c.proportionality = $proportionality, c.assessedBy = $by, c.assessedAt = $at, c.updatedAt = $at
RETURN c.caseFileId AS id
