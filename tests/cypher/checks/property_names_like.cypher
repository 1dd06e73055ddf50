// name: checks/property_names_like
// description: Property keys in the database matching a regular expression (e.g. to prove that
// description: no protected attribute was ever stored).
// params: pattern
CALL db.propertyKeys() YIELD propertyKey
WITH propertyKey WHERE propertyKey =~ $pattern
RETURN propertyKey
