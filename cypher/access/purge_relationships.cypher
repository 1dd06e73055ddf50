// name: access/purge_relationships
// description: Delete a source's relationships past retention (all of them when $whole).
// params: file, cutoff, whole
MATCH ()-[r]->()
WHERE r.source = $file AND ($whole OR r.end < $cutoff)
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS removed
