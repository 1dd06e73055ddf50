// name: admin/counts
// description: Nodes and relationships in the graph (from Neo4j's count store), for the load and
// description: scale benchmarks.
// params: none
CALL () {
  MATCH (n) RETURN 'node' AS kind, count(n) AS count
  UNION ALL
  MATCH ()-[r]->() RETURN 'relationship' AS kind, count(r) AS count
}
RETURN kind, count
