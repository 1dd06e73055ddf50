// name: access/purge_orphans
// description: Delete nodes of the purged source that no fact links to any more: every such
// description: node when the whole source expired, else those the purge just unlinked (marked).
// params: file, whole, mark
MATCH (n)
WHERE n.source = $file AND ($whole OR n._purge = $mark) AND NOT (n)--()
CALL (n) { DELETE n } IN TRANSACTIONS OF 5000 ROWS
RETURN count(*) AS removed
