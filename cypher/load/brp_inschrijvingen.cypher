// name: load/brp_inschrijvingen
// description: Upsert BRP persons and their registration periods; an address key outside the loaded
// description: BAG becomes an Address marked outsideArea. Periods are keyed on their start date.
// params: rows, source, loadId, loadedAt
UNWIND $rows AS row
MERGE (p:Person {key: 'bsn:' + row.bsn})
ON CREATE SET p.source = $source, p.loadId = $loadId, p.rowKey = row.key, p.record = row.record, p.loadedAt = $loadedAt
WITH row, p, {bsn: row.bsn, registry: 'brp', firstNames: row.firstNames, prefix: row.prefix,
  surname: row.surname, fullName: row.fullName, birthDate: row.birthDate, gender: row.gender} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(p[k] <> props[k], (p[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET p += props, p.source = $source, p.loadId = $loadId, p.rowKey = row.key, p.record = row.record, p.loadedAt = $loadedAt)
MERGE (a:Address {nummeraanduidingId: row.nummeraanduidingId})
ON CREATE SET a.key = 'adres:' + row.nummeraanduidingId, a.outsideArea = true,
  a.source = $source, a.loadId = $loadId, a.rowKey = row.key, a.record = row.record, a.loadedAt = $loadedAt
MERGE (p)-[r:REGISTERED_AT {start: row.start}]->(a)
ON CREATE SET r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt
WITH row, r, {end: row.end, kind: row.kind} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(r[k] <> props[k], (r[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET r += props, r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt)
RETURN count(*) AS written, [] AS unmatched
