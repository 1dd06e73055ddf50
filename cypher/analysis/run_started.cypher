// name: analysis/run_started
// description: Record the start of an analysis run.
// params: runId, asOf, startedAt
CREATE (r:AnalysisRun {runId: $runId, asOf: $asOf, startedAt: $startedAt})
RETURN r.runId AS runId
