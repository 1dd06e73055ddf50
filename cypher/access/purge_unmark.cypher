// name: access/purge_unmark
// description: Remove the purge marks left on nodes that stay.
// params: mark
MATCH (n)
WHERE n._purge = $mark
CALL (n) { REMOVE n._purge } IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS unmarked
