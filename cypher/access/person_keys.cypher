// name: access/person_keys
// description: Every person key (to find the person behind a pseudonym: pseudonyms are one-way).
MATCH (p:Person)
RETURN p.key AS key
