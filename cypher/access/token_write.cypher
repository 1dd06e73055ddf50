// name: access/token_write
// description: Store a new API token's hash for a user (the token itself is never stored).
// params: userName, tokenHash, at
MATCH (u:User {name: $userName})
CREATE (t:ApiToken {tokenHash: $tokenHash, user: u.name, createdAt: $at})
RETURN t.user AS user
