// name: admin/schema_names
// description: Names of all constraints and (non-lookup) indexes, with what they are.
SHOW INDEXES YIELD name, type, owningConstraint
WHERE type <> 'LOOKUP'
RETURN name, owningConstraint IS NOT NULL AS backsConstraint
