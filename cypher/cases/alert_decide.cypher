// name: cases/alert_decide
// description: Triage a new alert: dismissed (with the reason) or opened as a case; an alert
// description: decided before is not decided again.
// params: alertId, status, by, at, reason, caseFileId
MATCH (a:Alert {alertId: $alertId}) WHERE a.status = 'new'
SET a.status = $status, a.decidedBy = $by, a.decidedAt = $at, a.reason = $reason,
  a.caseFileId = $caseFileId
RETURN a.alertId AS id
