// name: pages/entity_names
// description: The names of persons, addresses and companies an entity page quotes by key (in
// description: flag and prediction evidence, a network's key figures), so the page can show
// description: them by name; masking then pseudonymises persons for a role without identities.
// params: keys
CALL () {
  MATCH (n:Person) WHERE n.key IN $keys RETURN n
  UNION MATCH (n:Address) WHERE n.key IN $keys RETURN n
  UNION MATCH (n:Company) WHERE n.key IN $keys RETURN n
}
RETURN labels(n) AS labels, properties(n) AS props
