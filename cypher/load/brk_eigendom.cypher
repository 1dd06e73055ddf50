// name: load/brk_eigendom
// description: Upsert ownership (BRK) of every address of a BAG dwelling, and its WOZ value; a
// description: dwelling not in the loaded BAG is returned as unmatched (it has no address key here).
// params: rows, source, loadId, loadedAt
UNWIND $rows AS row
OPTIONAL MATCH (a:Address {verblijfsobjectId: row.verblijfsobjectId})
WITH row, collect(a) AS addresses
CALL (row) {
  WITH row WHERE row.ownerBsn IS NOT NULL
  MERGE (o:Person {key: 'bsn:' + row.ownerBsn})
  ON CREATE SET o.bsn = row.ownerBsn, o.registry = 'reference',
    o.source = $source, o.loadId = $loadId, o.rowKey = row.key, o.record = row.record, o.loadedAt = $loadedAt
  RETURN o
  UNION
  WITH row WHERE row.ownerBsn IS NULL
  MERGE (o:Company {kvkNumber: row.ownerKvkNumber})
  ON CREATE SET o.key = 'kvk:' + row.ownerKvkNumber, o.referenceOnly = true,
    o.source = $source, o.loadId = $loadId, o.rowKey = row.key, o.record = row.record, o.loadedAt = $loadedAt
  RETURN o
}
FOREACH (a IN addresses |
  MERGE (o)-[r:OWNS {start: row.start}]->(a)
  ON CREATE SET r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt
  FOREACH (_ IN CASE WHEN coalesce(r.end <> row.end, (r.end IS NULL) <> (row.end IS NULL))
      OR coalesce(r.share <> row.share, (r.share IS NULL) <> (row.share IS NULL)) THEN [1] ELSE [] END |
    SET r.end = row.end, r.share = row.share, r.shareFraction = row.shareFraction,
      r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt)
  FOREACH (_ IN CASE WHEN row.wozValue IS NOT NULL AND coalesce(a.wozValue <> row.wozValue, true) THEN [1] ELSE [] END |
    SET a.wozValue = row.wozValue))
RETURN count(*) AS written,
  [x IN collect(CASE WHEN size(addresses) = 0 THEN {record: row.record, text: row.verblijfsobjectId} END) WHERE x IS NOT NULL] AS unmatched
