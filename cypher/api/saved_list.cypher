// name: api/saved_list
// description: Saved investigations (all of them, or the one called $investigation).
// params: investigation
MATCH (s:SavedInvestigation)
WHERE $investigation IS NULL OR s.name = $investigation
RETURN s.name AS name, s.title AS title, s.description AS description, s.query AS query,
  s.params AS params, s.roles AS roles, s.owner AS owner, s.team AS team,
  s.visibility AS visibility, s.createdAt AS createdAt, s.updatedAt AS updatedAt
ORDER BY s.name
