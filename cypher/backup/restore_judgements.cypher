// name: backup/restore_judgements
// description: Put analysts' SAME_AS judgements back between the persons the reload brought back
// description: (merged, so restoring twice adds nothing). Returns the pairs with a person missing.
// params: rows [{left, right, props}]
UNWIND $rows AS row
OPTIONAL MATCH (a:Person {key: row.left})
OPTIONAL MATCH (b:Person {key: row.right})
CALL (a, b, row) {
  WITH * WHERE a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[r:SAME_AS]->(b)
  SET r += row.props
  RETURN count(r) AS merged
}
RETURN sum(merged) AS written,
  [p IN collect(CASE WHEN a IS NULL OR b IS NULL THEN [row.left, row.right] END) WHERE p IS NOT NULL] AS missing
