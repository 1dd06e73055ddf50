// name: collab/test_unsure_pairs
// description: Test fixture: every record person (KvK, signal) judged unsure against every BRP
// description: person whose surname it bears, as entity resolution writes unsure SAME_AS pairs.
MATCH (r:Person) WHERE r.registry IN ['kvk', 'melding']
MATCH (b:Person {registry: 'brp'}) WHERE b.surname = r.surname OR r.fullName CONTAINS b.surname
MERGE (r)-[s:SAME_AS]->(b)
SET s.judgement = 'unsure', s.score = 0.6, s.method = 'fellegi-sunter', s.by = 'speurnet',
  s.machineJudgement = 'unsure', s.machineScore = 0.6, s.reasons = ['achternaam gelijk'],
  s.source = 'matching', s.loadId = 'test', s.rowKey = r.key + '|' + b.key
RETURN r.key AS record, b.key AS person
