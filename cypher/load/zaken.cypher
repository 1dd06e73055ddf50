// name: load/zaken
// description: Upsert cases and their subjects (address, person by BSN, company).
// params: rows, source, loadId, loadedAt
UNWIND $rows AS row
MERGE (z:Case {caseId: row.caseId})
ON CREATE SET z.source = $source, z.loadId = $loadId, z.rowKey = row.key, z.record = row.record, z.loadedAt = $loadedAt
WITH row, z, {caseType: row.caseType, status: row.status, start: row.start, end: row.end,
  result: row.result} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(z[k] <> props[k], (z[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET z += props, z.source = $source, z.loadId = $loadId, z.rowKey = row.key, z.record = row.record, z.loadedAt = $loadedAt)
FOREACH (id IN CASE WHEN row.nummeraanduidingId IS NULL THEN [] ELSE [row.nummeraanduidingId] END |
  MERGE (a:Address {nummeraanduidingId: id})
  ON CREATE SET a.key = 'adres:' + id, a.outsideArea = true,
    a.source = $source, a.loadId = $loadId, a.rowKey = row.key, a.record = row.record, a.loadedAt = $loadedAt
  MERGE (z)-[r:CONCERNS]->(a)
  ON CREATE SET r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt)
FOREACH (bsn IN CASE WHEN row.bsn IS NULL THEN [] ELSE [row.bsn] END |
  MERGE (p:Person {key: 'bsn:' + bsn})
  ON CREATE SET p.bsn = bsn, p.registry = 'reference',
    p.source = $source, p.loadId = $loadId, p.rowKey = row.key, p.record = row.record, p.loadedAt = $loadedAt
  MERGE (z)-[r:CONCERNS]->(p)
  ON CREATE SET r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt)
FOREACH (kvk IN CASE WHEN row.kvkNumber IS NULL THEN [] ELSE [row.kvkNumber] END |
  MERGE (c:Company {kvkNumber: kvk})
  ON CREATE SET c.key = 'kvk:' + kvk, c.referenceOnly = true,
    c.source = $source, c.loadId = $loadId, c.rowKey = row.key, c.record = row.record, c.loadedAt = $loadedAt
  MERGE (z)-[r:CONCERNS]->(c)
  ON CREATE SET r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt)
RETURN count(*) AS written, [] AS unmatched
