// name: backup/restore_links
// description: Re-attach one batch of backed-up relationships: the user-created node by its key,
// description: the other end by its label and key (index lookups); merged, so restoring twice adds
// description: nothing. Returns the row numbers whose other end no longer exists.
// params: rows [{n, label, key, target {label: property}, value, type, out, props}]
UNWIND $rows AS row
CALL apoc.merge.node([row.label], row.key) YIELD node AS own
OPTIONAL CALL (row) {
  CALL apoc.search.node(row.target, 'exact', row.value) YIELD node
  RETURN node AS other LIMIT 1
}
CALL (row, own, other) {
  WITH * WHERE other IS NOT NULL
  CALL apoc.merge.relationship(CASE WHEN row.out THEN own ELSE other END, row.type, {},
    row.props, CASE WHEN row.out THEN other ELSE own END, row.props) YIELD rel
  RETURN count(rel) AS merged
}
RETURN sum(merged) AS written, [r IN collect(CASE WHEN other IS NULL THEN row.n END) WHERE r IS NOT NULL] AS missing
