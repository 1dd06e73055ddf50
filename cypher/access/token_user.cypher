// name: access/token_user
// description: The user a bearer token (by its hash) belongs to.
// params: tokenHash
MATCH (t:ApiToken {tokenHash: $tokenHash})
MATCH (u:User {name: t.user})
RETURN u.name AS name, u.role AS role, u.team AS team, u.partner AS partner,
  coalesce(u.sessionEpoch, 0) AS sessionEpoch, coalesce(u.active, true) AS active
