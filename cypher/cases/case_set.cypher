// name: cases/case_set
// description: Change a case's status or owner (null leaves a value as it is); closing it (confirmed
// description: or dismissed) dates its outcome, reopening clears that date.
// params: caseFileId, status, owner, at
MATCH (c:CaseFile {caseFileId: $caseFileId})
SET c.status = coalesce($status, c.status), c.owner = coalesce($owner, c.owner),
  c.updatedAt = $at,
  c.closedAt = CASE WHEN $status IS NULL THEN c.closedAt
    WHEN $status IN ['confirmed', 'dismissed'] THEN $at END
RETURN c.caseFileId AS id
