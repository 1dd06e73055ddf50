// name: api/saved_delete
// description: Delete a saved investigation of its owner.
// params: investigation, owner
MATCH (s:SavedInvestigation {name: $investigation, owner: $owner})
DELETE s
RETURN count(*) AS deleted
