// name: access/user_get
// description: One user by name, with the password hash (for logging in) and session epoch.
// params: userName
MATCH (u:User {name: $userName})
RETURN u.name AS name, u.role AS role, u.team AS team, u.partner AS partner,
  u.passwordHash AS passwordHash, coalesce(u.sessionEpoch, 0) AS sessionEpoch,
  coalesce(u.active, true) AS active
