// name: admin/dump
// description: Every node and relationship with its properties (the load log excluded), in a
// description: stable order; for comparing two states of a small graph.
CALL () {
  MATCH (n) WHERE NOT n:Load
  RETURN labels(n)[0] + ' ' + coalesce(n.key, n.pandId, n.buurtcode, n.permitId, n.signalId, n.caseId) AS id,
    properties(n) AS props
  UNION ALL
  MATCH (a)-[r]->(b)
  RETURN type(r) + ' ' + coalesce(a.key, a.pandId, a.buurtcode, a.permitId, a.signalId, a.caseId) + ' -> '
    + coalesce(b.key, b.pandId, b.buurtcode, b.permitId, b.signalId, b.caseId) + ' ' + coalesce(toString(r.start), '') AS id,
    properties(r) AS props
}
RETURN id, props ORDER BY id
