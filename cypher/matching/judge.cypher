// name: matching/judge
// description: An analyst confirms (positive) or rejects (negative) that two persons are one;
// description: the judgement stands through reloads and re-runs until undone.
// params: left, right, judgement, by, at
MATCH (a:Person {key: $left}), (b:Person {key: $right})
MERGE (a)-[r:SAME_AS]->(b)
ON CREATE SET r.source = 'matching', r.loadId = 'analyst', r.rowKey = $left + '|' + $right,
  r.loadedAt = $at, r.history = []
SET r.history = coalesce(r.history, []) + [coalesce(r.judgement, 'none') + ' by ' + coalesce(r.by, '?') + ' at ' + toString(coalesce(r.at, $at))],
  r.judgement = $judgement, r.method = 'analyst', r.by = $by, r.at = $at
RETURN a.key AS left, b.key AS right, r.judgement AS judgement, r.machineJudgement AS machine
