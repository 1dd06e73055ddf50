// name: matching/state
// description: Every load in the graph and the latest match run with the loads it covered:
// description: matching is due when a load is not among them.
CALL () {
  MATCH (l:Load) RETURN collect(DISTINCT l.loadId) AS loads
}
CALL () {
  OPTIONAL MATCH (r:MatchRun)
  WITH r ORDER BY r.startedAt DESC LIMIT 1
  RETURN r.key AS lastRun, r.loadIds AS covered, r.finishedAt AS finishedAt
}
RETURN loads, lastRun, coalesce(covered, []) AS covered, finishedAt
