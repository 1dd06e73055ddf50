// name: backup/links
// description: Every relationship that touches a node with one of the given (user-created) labels:
// description: its type, properties and both ends with their labels and properties, so each end
// description: can be named by its key or public id. A relationship between two such nodes comes
// description: once (from its start node).
// params: labels
MATCH (a)-[r]-(b)
WHERE any(l IN labels(a) WHERE l IN $labels)
  AND (startNode(r) = a OR NOT any(l IN labels(b) WHERE l IN $labels))
RETURN type(r) AS type, startNode(r) = a AS out, labels(a) AS labels, properties(a) AS props,
  labels(b) AS otherLabels, properties(b) AS otherProps, properties(r) AS relProps
