// name: access/purge_count
// description: How many relationships and nodes of one source file are past retention: all of
// description: them ($whole), or those whose own end or date lies before $cutoff.
// params: file, cutoff, whole
CALL () {
  MATCH ()-[r]->()
  WHERE r.source = $file AND ($whole OR r.end < $cutoff)
  RETURN count(r) AS relationships
}
CALL () {
  MATCH (n)
  WHERE n.source = $file AND NOT $whole
    AND coalesce(n.end, n.date, n.validTo, n.dissolved) < $cutoff
  RETURN count(n) AS nodes
}
RETURN relationships, nodes
