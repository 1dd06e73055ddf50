// name: access/user_logout
// description: End every page session of a user (their session cookies carry the old epoch).
// params: userName
MATCH (u:User {name: $userName})
SET u.sessionEpoch = coalesce(u.sessionEpoch, 0) + 1
RETURN u.sessionEpoch AS sessionEpoch
