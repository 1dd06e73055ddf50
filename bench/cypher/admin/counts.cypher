// name: admin/counts
// description: Number of nodes per label and relationships per type (the load log excluded); for
// description: the tests and the load and scale benchmarks.
CALL () {
  MATCH (n) WHERE NOT n:Load
  RETURN 'node' AS kind, labels(n)[0] AS name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
}
RETURN kind, name, count ORDER BY kind, name
