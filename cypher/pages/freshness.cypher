// name: pages/freshness
// description: What changes the overview's figures: the latest analysis run and the latest load.
// description: The overview keeps its aggregates until one of these changes (or briefly, at most).
OPTIONAL MATCH (r:AnalysisRun)
WITH max(r.finishedAt) AS run
OPTIONAL MATCH (l:Load)
RETURN toString(run) AS run, toString(max(l.finishedAt)) AS load
