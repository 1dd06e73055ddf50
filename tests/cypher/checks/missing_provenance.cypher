// name: checks/missing_provenance
// description: Nodes and relationships without full provenance (source, loadId, rowKey, loadedAt);
// description: an empty answer is the healthy one.
CALL () {
  MATCH (n) WHERE NOT n:Load AND (n.source IS NULL OR n.loadId IS NULL OR n.rowKey IS NULL OR n.loadedAt IS NULL)
  RETURN 'node' AS kind, labels(n)[0] AS name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->() WHERE r.source IS NULL OR r.loadId IS NULL OR r.rowKey IS NULL OR r.loadedAt IS NULL
  RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
}
WITH kind, name, count WHERE count > 0
RETURN kind, name, count
