// name: indicators/write_flags
// description: Write one Flag per row onto its subject (Address, Person or Company, by key), tagged
// description: with the analysis run. Run ids are new per run, so flags are created, not merged.
// description: `sources` are the files the evidence quotes (masking withholds the flag from a user
// description: who may not see one of them).
// params: rows ({label, subject, name, title, strength, reason, evidence, sources}), runId, asOf
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.label = 'Address'
  MATCH (s:Address {key: row.subject}) RETURN s
  UNION
  WITH row WHERE row.label = 'Person'
  MATCH (s:Person {key: row.subject}) RETURN s
  UNION
  WITH row WHERE row.label = 'Company'
  MATCH (s:Company {key: row.subject}) RETURN s
}
CREATE (f:Flag {key: $runId + '|' + row.name + '|' + row.subject})
SET f.runId = $runId, f.name = row.name, f.title = row.title, f.strength = row.strength,
  f.reason = row.reason, f.evidence = row.evidence, f.sources = row.sources, f.asOf = $asOf
CREATE (f)-[:FLAGS]->(s)
RETURN count(f) AS written
