// name: load/verbruik
// description: Upsert yearly utility use per address.
// params: rows, source, loadId, loadedAt
UNWIND $rows AS row
MERGE (u:UtilityUse {key: row.nummeraanduidingId + ':' + toString(row.year)})
ON CREATE SET u.source = $source, u.loadId = $loadId, u.rowKey = row.key, u.record = row.record, u.loadedAt = $loadedAt
WITH row, u, {year: row.year, electricityKwh: row.electricityKwh, gasM3: row.gasM3, waterM3: row.waterM3} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(u[k] <> props[k], (u[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET u += props, u.source = $source, u.loadId = $loadId, u.rowKey = row.key, u.record = row.record, u.loadedAt = $loadedAt)
MERGE (a:Address {nummeraanduidingId: row.nummeraanduidingId})
ON CREATE SET a.key = 'adres:' + row.nummeraanduidingId, a.outsideArea = true,
  a.source = $source, a.loadId = $loadId, a.rowKey = row.key, a.record = row.record, a.loadedAt = $loadedAt
MERGE (u)-[f:FOR_ADDRESS]->(a)
ON CREATE SET f.source = $source, f.loadId = $loadId, f.rowKey = row.key, f.record = row.record, f.loadedAt = $loadedAt
RETURN count(*) AS written, [] AS unmatched
