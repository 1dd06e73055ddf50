// name: links/network_members
// description: Persons flagged as members of a suspect network in this run, with that network's score.
// params: runId
MATCH (f:Flag {runId: $runId, name: 'network'})-[:FLAGS]->(p:Person)
RETURN p.key AS person, f.strength AS strength, f.evidence AS evidence
