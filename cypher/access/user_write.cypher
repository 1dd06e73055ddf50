// name: access/user_write
// description: Create or update a user with role, team and partner (and the team itself); the
// description: password hash is replaced only when a new one is given, and then every earlier
// description: page session ends (the session epoch goes up) and the user's API tokens are deleted.
// params: userName, role, team, partner, passwordHash, at
MERGE (u:User {name: $userName})
ON CREATE SET u.createdAt = $at, u.sessionEpoch = 0, u.active = true
SET u.role = $role, u.team = $team, u.partner = $partner,
  u.passwordHash = coalesce($passwordHash, u.passwordHash),
  u.sessionEpoch = coalesce(u.sessionEpoch, 0) + CASE WHEN $passwordHash IS NULL THEN 0 ELSE 1 END
WITH u
OPTIONAL MATCH (u)-[old:IN_TEAM]->(:Team)
DELETE old
WITH DISTINCT u
CALL (u) {
  WITH u WHERE $passwordHash IS NOT NULL
  MATCH (token:ApiToken {user: u.name})
  DELETE token
}
CALL (u) {
  WITH u WHERE $team IS NOT NULL
  MERGE (t:Team {name: $team})
  ON CREATE SET t.partner = $partner
  MERGE (u)-[:IN_TEAM]->(t)
}
RETURN u.name AS name, u.role AS role, u.team AS team, u.partner AS partner,
  u.sessionEpoch AS sessionEpoch
