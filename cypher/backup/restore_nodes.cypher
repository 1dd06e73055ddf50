// name: backup/restore_nodes
// description: Merge one batch of backed-up nodes on their label's key and set every property
// description: (labels come from the model's own list, checked before). Restoring twice adds nothing.
// params: rows [{label, key, props}]
UNWIND $rows AS row
CALL apoc.merge.node([row.label], row.key, row.props, row.props) YIELD node
RETURN count(node) AS written
