// name: access/purge_mark
// description: Mark the ends of every expired relationship of a source, and the neighbours of its
// description: expired nodes, so that what only these facts supported can be found afterwards.
// params: file, cutoff, whole, mark
CALL () {
  MATCH (a)-[r]->(b)
  WHERE r.source = $file AND ($whole OR r.end < $cutoff)
  RETURN a, b
  UNION
  MATCH (a)--(b)
  WHERE a.source = $file AND NOT $whole AND coalesce(a.end, a.date, a.validTo, a.dissolved) < $cutoff
  RETURN a, b
}
CALL (a, b) { SET a._purge = $mark, b._purge = $mark } IN TRANSACTIONS OF 5000 ROWS
RETURN count(*) AS marked
