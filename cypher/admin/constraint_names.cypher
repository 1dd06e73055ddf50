// name: admin/constraint_names
// description: Names of all constraints.
SHOW CONSTRAINTS YIELD name
RETURN name
