// name: api/test_network
// description: Test fixture: a hand-made Network (as networks/write makes them) with two
// description: members and flags of two analysis runs, for the network route's tests.
MERGE (n:Network {key: 'run-20260102T000000-bbbbbb|net-1', networkId: 'net-1'})
SET n.score = 0.8, n.size = 2, n.runId = 'run-20260102T000000-bbbbbb'
WITH n
MATCH (p:Person {key: 'bsn:123456782'}), (c:Company {key: 'kvk:87654321'})
MERGE (n)-[:HAS_MEMBER {kind: 'person'}]->(p)
MERGE (n)-[:HAS_MEMBER {kind: 'company'}]->(c)
MERGE (old:Flag {key: 'run-20260101T000000-aaaaaa|network_size|net-1'})
SET old.runId = 'run-20260101T000000-aaaaaa', old.name = 'old_flag', old.strength = 0.1,
  old.reason = 'Oud', old.evidence = '{}'
MERGE (old)-[:FLAGS]->(n)
MERGE (f:Flag {key: 'run-20260102T000000-bbbbbb|network_size|net-1'})
SET f.runId = 'run-20260102T000000-bbbbbb', f.name = 'network_size', f.strength = 0.5,
  f.reason = 'Netwerk van 2 leden', f.evidence = '{"members": ["bsn:123456782", "kvk:87654321"]}'
MERGE (f)-[:FLAGS]->(n)
RETURN n.networkId AS id
