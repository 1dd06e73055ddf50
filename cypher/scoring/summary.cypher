// name: scoring/summary
// description: Per label, how many subjects the run scored, scored above zero, and are confirmed or
// description: under an open case.
// params: runId
MATCH (n)
WHERE (n:Address OR n:Person OR n:Company) AND n.scoreRunId = $runId
RETURN labels(n)[0] AS label, count(*) AS scored, count(CASE WHEN n.score > 0 THEN 1 END) AS flagged,
  count(CASE WHEN n.confirmed THEN 1 END) AS confirmed, count(CASE WHEN n.openCase THEN 1 END) AS openCase
ORDER BY label
