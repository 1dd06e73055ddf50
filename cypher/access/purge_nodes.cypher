// name: access/purge_nodes
// description: Delete a source's nodes whose own end or date lies before the retention cutoff
// description: (signals, cases, expired permits), with their relationships.
// params: file, cutoff
MATCH (n)
WHERE n.source = $file AND coalesce(n.end, n.date, n.validTo, n.dissolved) < $cutoff
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
RETURN count(*) AS removed
