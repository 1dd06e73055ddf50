// name: api/saved_write
// description: Create or replace a saved investigation; only its owner may replace it (a row is
// description: returned only when the name is new or the owner matches).
// params: investigation, title, description, query, params, roles, owner, team, visibility, at
MERGE (s:SavedInvestigation {name: $investigation})
ON CREATE SET s.owner = $owner, s.createdAt = $at
WITH s WHERE s.owner = $owner
SET s.title = $title, s.description = $description, s.query = $query, s.params = $params,
  s.roles = $roles, s.team = $team, s.visibility = $visibility, s.updatedAt = $at
RETURN s.name AS name
