// name: matching/reference_persons
// description: BRP persons with their name parts, birth date and every address they were
// description: registered at: the reference set that record persons are matched against.
MATCH (p:Person {registry: 'brp'})
RETURN p.key AS key, p.registry AS registry, p.firstNames AS firstNames, p.prefix AS prefix,
  p.surname AS surname, p.fullName AS fullName, p.birthDate AS birthDate,
  COLLECT { MATCH (p)-[:REGISTERED_AT]->(a:Address) RETURN DISTINCT a.nummeraanduidingId } AS addresses
