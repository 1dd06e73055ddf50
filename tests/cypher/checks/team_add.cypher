// name: checks/team_add
// description: Add a team (a node any test may write and count).
// params: team
MERGE (:Team {name: $team})
