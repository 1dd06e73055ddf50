// name: cases/alerts
// description: Alerts for a user: their own and their team's (operator: every one), optionally of
// description: one status or one id, newest first, with the entities of each hit.
// params: user, team, all, status, alertId, limit
MATCH (a:Alert)
WHERE ($all OR a.owner = $user OR (a.team IS NOT NULL AND a.team = $team))
  AND ($status IS NULL OR a.status = $status) AND ($alertId IS NULL OR a.alertId = $alertId)
CALL (a) {
  OPTIONAL MATCH (a)-[:HIT]->(n)
  RETURN collect(CASE WHEN n IS NOT NULL THEN {key: n.key, labels: labels(n),
    label: coalesce(n.label, n.name, n.fullName, n.key), source: n.source, loadId: n.loadId} END)
    AS entities
}
RETURN a.alertId AS id, a.scheduleId AS scheduleId, a.title AS title, a.owner AS owner,
  a.team AS team, a.status AS status, a.evidence AS evidence, a.createdAt AS createdAt,
  a.decidedBy AS decidedBy, a.decidedAt AS decidedAt, a.reason AS reason,
  a.caseFileId AS caseFileId, entities
ORDER BY a.createdAt DESC, a.alertId
LIMIT $limit
