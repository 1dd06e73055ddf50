// name: bulk/counts
// description: Nodes (the load log excluded) and relationships in the database after a bulk load.
CALL () { MATCH (n) WHERE NOT n:Load RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
