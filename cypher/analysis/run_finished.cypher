// name: analysis/run_finished
// description: Record the end of an analysis run with each step's figures (JSON).
// params: runId, finishedAt, steps
MATCH (r:AnalysisRun {runId: $runId})
SET r.finishedAt = $finishedAt, r.steps = $steps
RETURN r.runId AS runId
