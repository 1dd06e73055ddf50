// name: load/vergunningen
// description: Upsert permits with their address and holder; a changed status keeps the earlier one
// description: in statusHistory ("status@decisionDate").
// params: rows, source, loadId, loadedAt
UNWIND $rows AS row
MERGE (p:Permit {permitId: row.permitId})
ON CREATE SET p.source = $source, p.loadId = $loadId, p.rowKey = row.key, p.record = row.record, p.loadedAt = $loadedAt
FOREACH (_ IN CASE WHEN p.status IS NOT NULL AND p.status <> row.status THEN [1] ELSE [] END |
  SET p.statusHistory = coalesce(p.statusHistory, []) + [p.status + '@' + coalesce(toString(p.decisionDate), '')])
WITH row, p, {kind: row.kind, status: row.status, decisionDate: row.decisionDate,
  validFrom: row.validFrom, validTo: row.validTo, bibob: row.bibob} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(p[k] <> props[k], (p[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET p += props, p.source = $source, p.loadId = $loadId, p.rowKey = row.key, p.record = row.record, p.loadedAt = $loadedAt)
MERGE (a:Address {nummeraanduidingId: row.nummeraanduidingId})
ON CREATE SET a.key = 'adres:' + row.nummeraanduidingId, a.outsideArea = true,
  a.source = $source, a.loadId = $loadId, a.rowKey = row.key, a.record = row.record, a.loadedAt = $loadedAt
MERGE (p)-[f:FOR_ADDRESS]->(a)
ON CREATE SET f.source = $source, f.loadId = $loadId, f.rowKey = row.key, f.record = row.record, f.loadedAt = $loadedAt
FOREACH (kvk IN CASE WHEN row.holderKvkNumber IS NULL THEN [] ELSE [row.holderKvkNumber] END |
  MERGE (c:Company {kvkNumber: kvk})
  ON CREATE SET c.key = 'kvk:' + kvk, c.referenceOnly = true,
    c.source = $source, c.loadId = $loadId, c.rowKey = row.key, c.record = row.record, c.loadedAt = $loadedAt
  MERGE (p)-[h:HELD_BY]->(c)
  ON CREATE SET h.source = $source, h.loadId = $loadId, h.rowKey = row.key, h.record = row.record, h.loadedAt = $loadedAt)
FOREACH (bsn IN CASE WHEN row.holderBsn IS NULL THEN [] ELSE [row.holderBsn] END |
  MERGE (h:Person {key: 'bsn:' + bsn})
  ON CREATE SET h.bsn = bsn, h.registry = 'reference',
    h.source = $source, h.loadId = $loadId, h.rowKey = row.key, h.record = row.record, h.loadedAt = $loadedAt
  MERGE (p)-[r:HELD_BY]->(h)
  ON CREATE SET r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt)
RETURN count(*) AS written, [] AS unmatched
