// name: backup/nodes
// description: Every node with one label (a user-created label from the model's own list) and all
// description: its properties, for `speurnet backup`.
// params: label
MATCH (n:$($label))
RETURN labels(n) AS labels, properties(n) AS props
