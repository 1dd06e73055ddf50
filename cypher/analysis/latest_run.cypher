// name: analysis/latest_run
// description: The most recent finished analysis run.
MATCH (r:AnalysisRun) WHERE r.finishedAt IS NOT NULL
RETURN r.runId AS runId, r.asOf AS asOf, r.startedAt AS startedAt, r.finishedAt AS finishedAt,
  r.steps AS steps
ORDER BY r.finishedAt DESC LIMIT 1
