// name: matching/same_as_write
// description: Store machine judgements of person pairs as SAME_AS (record -> BRP person, or
// description: lower -> higher record key). An analyst's judgement on a pair is never replaced:
// description: only the machine's own score and judgement beside it are updated.
// params: rows ({left, right, score, judgement, reasons}), runId, at
UNWIND $rows AS row
MATCH (a:Person {key: row.left}), (b:Person {key: row.right})
MERGE (a)-[r:SAME_AS]->(b)
ON CREATE SET r.source = 'matching', r.loadId = $runId, r.rowKey = row.left + '|' + row.right,
  r.loadedAt = $at, r.by = 'speurnet', r.history = []
SET r.machineScore = row.score, r.machineJudgement = row.judgement, r.reasons = row.reasons,
  r.score = row.score
FOREACH (_ IN CASE WHEN r.by = 'speurnet' AND (r.judgement IS NULL OR r.judgement <> row.judgement) THEN [1] ELSE [] END |
  SET r.judgement = row.judgement, r.method = 'fellegi-sunter', r.at = $at, r.loadId = $runId, r.loadedAt = $at)
RETURN count(r) AS written
