// name: access/users
// description: Every user with role, team and partner (never the password hash).
MATCH (u:User)
RETURN u.name AS name, u.role AS role, u.team AS team, u.partner AS partner,
  coalesce(u.active, true) AS active, u.createdAt AS createdAt
ORDER BY u.name
