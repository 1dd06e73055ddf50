// name: load/kvk_functionarissen
// description: Upsert officers and owners: a natural person becomes a Person known only to KvK
// description: (key person:<id> from name and birth date); a company officer links Company to Company.
// params: rows, source, loadId, loadedAt
UNWIND $rows AS row
MERGE (c:Company {kvkNumber: row.kvkNumber})
ON CREATE SET c.key = 'kvk:' + row.kvkNumber, c.referenceOnly = true,
  c.source = $source, c.loadId = $loadId, c.rowKey = row.key, c.record = row.record, c.loadedAt = $loadedAt
WITH *
CALL (row) {
  WITH row WHERE row.officerKvkNumber IS NOT NULL
  MERGE (o:Company {kvkNumber: row.officerKvkNumber})
  ON CREATE SET o.key = 'kvk:' + row.officerKvkNumber, o.referenceOnly = true,
    o.source = $source, o.loadId = $loadId, o.rowKey = row.key, o.record = row.record, o.loadedAt = $loadedAt
  RETURN o
  UNION
  WITH row WHERE row.officerKvkNumber IS NULL
  MERGE (o:Person {key: row.personKey})
  ON CREATE SET o.source = $source, o.loadId = $loadId, o.rowKey = row.key, o.record = row.record, o.loadedAt = $loadedAt
  WITH row, o, {registry: 'kvk', firstNames: row.firstNames, prefix: row.prefix, surname: row.surname,
    fullName: row.fullName, birthDate: row.birthDate} AS props
  FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(o[k] <> props[k], (o[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
    SET o += props, o.source = $source, o.loadId = $loadId, o.rowKey = row.key, o.record = row.record, o.loadedAt = $loadedAt)
  RETURN o
}
MERGE (o)-[r:OFFICER_OF {role: row.role, start: row.start}]->(c)
ON CREATE SET r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt,
  r.records = [row.record]
WITH row, r, {end: row.end} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(r[k] <> props[k], (r[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET r += props, r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt,
    r.records = [row.record])
// The same role stated twice in one file is one fact but two mentions: `records` keeps every
// record number of the load that wrote the fact (a later unchanged load leaves it alone).
FOREACH (_ IN CASE WHEN r.loadId = $loadId AND NOT row.record IN coalesce(r.records, []) THEN [1] ELSE [] END |
  SET r.records = coalesce(r.records, []) + row.record)
RETURN count(*) AS written, [] AS unmatched
