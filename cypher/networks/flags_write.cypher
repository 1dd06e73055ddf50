// name: networks/flags_write
// description: Write evidence flags of an analysis step (network, key_figure, predicted_resident,
// description: predicted_associate, lookalike) on persons, companies or addresses, per the Flag contract.
// description: `sources` (the files the evidence quotes; a predicted link's) may be left out.
// params: runId, rows ([{name, kind, subject, strength, reason, evidence, sources}])
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.kind = 'person'
  MATCH (x:Person {key: row.subject}) RETURN x
  UNION
  WITH row WHERE row.kind = 'company'
  MATCH (x:Company {key: row.subject}) RETURN x
  UNION
  WITH row WHERE row.kind = 'address'
  MATCH (x:Address {key: row.subject}) RETURN x
}
MERGE (f:Flag {key: $runId + '|' + row.name + '|' + row.subject})
SET f.runId = $runId, f.name = row.name, f.strength = row.strength, f.reason = row.reason,
  f.evidence = row.evidence, f.sources = row.sources
MERGE (f)-[:FLAGS]->(x)
RETURN count(*) AS written
