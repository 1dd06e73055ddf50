// name: load/buurt_cijfers
// description: Upsert neighbourhood figures (aggregates, no personal data) per CBS buurt and period.
// params: rows, source, loadId, loadedAt
UNWIND $rows AS row
MERGE (f:NeighbourhoodFigure {key: row.buurtcode + '|' + row.period + '|' + row.channel + '|' + row.category})
ON CREATE SET f.source = $source, f.loadId = $loadId, f.rowKey = row.key, f.record = row.record, f.loadedAt = $loadedAt
WITH row, f, {period: row.period, channel: row.channel, category: row.category, value: row.value} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(f[k] <> props[k], (f[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET f += props, f.source = $source, f.loadId = $loadId, f.rowKey = row.key, f.record = row.record, f.loadedAt = $loadedAt)
MERGE (n:Neighbourhood {buurtcode: row.buurtcode})
ON CREATE SET n.source = $source, n.loadId = $loadId, n.rowKey = row.key, n.record = row.record, n.loadedAt = $loadedAt
MERGE (f)-[r:FOR_NEIGHBOURHOOD]->(n)
ON CREATE SET r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt
RETURN count(*) AS written, [] AS unmatched
