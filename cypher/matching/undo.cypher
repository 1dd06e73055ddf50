// name: matching/undo
// description: Withdraw an analyst's judgement on a pair: it returns to the machine's judgement,
// description: or disappears when matching never proposed it.
// params: left, right, by, at
MATCH (a:Person {key: $left})-[r:SAME_AS]->(b:Person {key: $right})
WHERE r.by <> 'speurnet'
WITH r, r.machineJudgement IS NULL AS analystOnly, r.judgement AS was
CALL (r, analystOnly) {
  WITH r WHERE NOT analystOnly
  SET r.history = coalesce(r.history, []) + [r.judgement + ' by ' + r.by + ' at ' + toString(r.at) + ', undone by ' + $by],
    r.judgement = r.machineJudgement, r.score = r.machineScore, r.method = 'fellegi-sunter',
    r.by = 'speurnet', r.at = $at
}
CALL (r, analystOnly) {
  WITH r WHERE analystOnly
  DELETE r
}
RETURN was, analystOnly
