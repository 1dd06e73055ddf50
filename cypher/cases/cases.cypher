// name: cases/cases
// description: Cases a user may open: their own and their team's (operator: every one), optionally
// description: one by id or those holding one entity (by key), latest change first.
// params: user, team, all, caseFileId, key, limit
MATCH (c:CaseFile)
WHERE ($all OR c.owner = $user OR (c.team IS NOT NULL AND c.team = $team))
  AND ($caseFileId IS NULL OR c.caseFileId = $caseFileId)
  AND ($key IS NULL OR EXISTS { (c)-[:INVOLVES]->({key: $key}) })
CALL (c) {
  OPTIONAL MATCH (c)-[r:INVOLVES]->(n)
  RETURN collect(CASE WHEN n IS NOT NULL THEN {key: n.key, networkId: n.networkId,
    labels: labels(n), label: coalesce(n.label, n.name, n.fullName, n.key), source: n.source,
    loadId: n.loadId, since: r.since, by: r.by} END) AS entities
}
OPTIONAL MATCH (c)-[:FROM_ALERT]->(a:Alert)
RETURN c.caseFileId AS id, c.title AS title, c.owner AS owner, c.team AS team,
  c.status AS status, c.createdAt AS createdAt, c.updatedAt AS updatedAt, c.closedAt AS closedAt,
  c.assessmentPurpose AS assessmentPurpose, c.legalGround AS legalGround,
  c.proportionality AS proportionality, c.assessedBy AS assessedBy, c.assessedAt AS assessedAt,
  c.intervention AS intervention, c.interventionBy AS interventionBy,
  c.interventionAt AS interventionAt, a.alertId AS alertId, a.title AS alertTitle,
  a.evidence AS alertEvidence, entities
ORDER BY c.updatedAt DESC, c.caseFileId
LIMIT $limit
