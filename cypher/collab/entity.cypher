// name: collab/entity
// description: The address, person, company or (latest) network a watch, note or outcome is about,
// description: by its key (or network id), with its label and source for the visibility check.
// params: key, networkId
CALL () {
  MATCH (n:Address {key: $key}) RETURN n
  UNION MATCH (n:Person {key: $key}) RETURN n
  UNION MATCH (n:Company {key: $key}) RETURN n
  UNION MATCH (n:Network) WHERE $networkId IS NOT NULL AND n.networkId = $networkId
  WITH n ORDER BY n.runId DESC LIMIT 1
  RETURN n
}
RETURN labels(n) AS labels, n.key AS key, n.networkId AS networkId,
  coalesce(n.label, n.name, n.fullName, n.key) AS label, n.source AS source, n.loadId AS loadId
LIMIT 1
