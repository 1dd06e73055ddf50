// name: matching/record_persons
// description: Persons known only to KvK, a signal or a mapped list, with the addresses around them: the
// description: address of the signal that names them, the establishments of their companies.
MATCH (p:Person) WHERE p.registry IN ['kvk', 'melding', 'lijst']
RETURN p.key AS key, p.registry AS registry, p.firstNames AS firstNames, p.prefix AS prefix,
  p.surname AS surname, p.fullName AS fullName, p.birthDate AS birthDate,
  COLLECT { MATCH (p)<-[:ABOUT]-(:Signal)-[:ABOUT]->(a:Address) RETURN DISTINCT a.nummeraanduidingId }
  + COLLECT { MATCH (p)-[:OFFICER_OF]->(:Company)-[:ESTABLISHED_AT]->(a:Address) RETURN DISTINCT a.nummeraanduidingId }
  AS addresses
ORDER BY key
