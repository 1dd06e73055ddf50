// name: scoring/prune_flags
// description: Delete the flags of all but the `keep` most recent analysis runs (scores always come
// description: from the latest run; a few earlier runs stay for comparison).
// params: keep
CALL () {
  MATCH (r:AnalysisRun)
  WITH r ORDER BY r.startedAt DESC LIMIT $keep
  RETURN collect(r.runId) AS runs
}
MATCH (f:Flag)
WHERE NOT f.runId IN runs
CALL (f) { DETACH DELETE f } IN TRANSACTIONS OF 5000 ROWS
RETURN count(*) AS deleted
