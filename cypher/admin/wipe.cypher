// name: admin/wipe
// description: Delete every node and relationship, in batches (used by tests and `speurnet db wipe`).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
