// name: scoring/flag_names
// description: The flag names written in one analysis run, with how many flags each.
// params: runId
MATCH (f:Flag {runId: $runId})
RETURN f.name AS name, count(*) AS flags
ORDER BY name
