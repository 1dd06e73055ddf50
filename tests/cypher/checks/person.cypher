// name: checks/person
// description: One person's stored properties.
// params: key
MATCH (p:Person {key: $key}) RETURN properties(p) AS props, p.firstNames AS firstNames
