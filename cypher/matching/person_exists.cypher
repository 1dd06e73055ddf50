// name: matching/person_exists
// description: Which of the given keys are persons in the graph.
// params: keys
MATCH (p:Person) WHERE p.key IN $keys
RETURN p.key AS key, p.registry AS registry
