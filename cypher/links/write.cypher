// name: links/write
// description: Store predicted links of an analysis run as PREDICTED_LINK relationships (never as
// description: facts): person -> address (resident), person -> person (associate), address ->
// description: address (lookalike), each with its score, reasons, evidence and `sources`, the files
// description: whose facts the evidence and reasons quote (masking withholds it by these).
// params: runId, computedAt, rows ([{source, sourceKind, target, targetKind, kind, score, reasons, evidence, sources}])
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.sourceKind = 'person'
  MATCH (x:Person {key: row.source}) RETURN x
  UNION
  WITH row WHERE row.sourceKind = 'address'
  MATCH (x:Address {key: row.source}) RETURN x
}
CALL (row) {
  WITH row WHERE row.targetKind = 'person'
  MATCH (y:Person {key: row.target}) RETURN y
  UNION
  WITH row WHERE row.targetKind = 'address'
  MATCH (y:Address {key: row.target}) RETURN y
}
CREATE (x)-[l:PREDICTED_LINK {runId: $runId, kind: row.kind, score: row.score,
  reasons: row.reasons, evidence: row.evidence, sources: row.sources,
  computedAt: $computedAt}]->(y)
RETURN count(l) AS written
