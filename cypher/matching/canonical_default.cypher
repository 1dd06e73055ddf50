// name: matching/canonical_default
// description: A BRP person without any SAME_AS judgement is its own canonical person: set in
// description: Neo4j, in batches, so a first run on a large BRP does not carry every person through
// description: Python. Run as an auto-commit transaction (IN TRANSACTIONS).
MATCH (p:Person {registry: 'brp'})
WHERE p.canonicalKey IS NULL AND NOT EXISTS { (p)-[:SAME_AS]-() }
CALL (p) {
  SET p.canonicalKey = p.key
} IN TRANSACTIONS OF 20000 ROWS
RETURN count(p) AS written
