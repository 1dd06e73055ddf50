// name: load/bag_verblijfsobjecten
// description: Upsert BAG addresses with their building and CBS neighbourhood. A value is written
// description: (with fresh provenance) only when it differs, so a repeated load changes nothing.
// params: rows (list of validated BAG rows), source, loadId, loadedAt
UNWIND $rows AS row
MERGE (b:Building {pandId: row.pandId})
ON CREATE SET b.source = $source, b.loadId = $loadId, b.rowKey = row.key, b.record = row.record, b.loadedAt = $loadedAt
WITH row, b, {buildYear: row.buildYear} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(b[k] <> props[k], (b[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET b += props, b.source = $source, b.loadId = $loadId, b.rowKey = row.key, b.record = row.record, b.loadedAt = $loadedAt)
MERGE (n:Neighbourhood {buurtcode: row.buurtcode})
ON CREATE SET n.source = $source, n.loadId = $loadId, n.rowKey = row.key, n.record = row.record, n.loadedAt = $loadedAt
WITH row, b, n, {name: row.buurtName, wijkcode: row.wijkcode, gemeentecode: row.gemeentecode} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(n[k] <> props[k], (n[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET n += props, n.source = $source, n.loadId = $loadId, n.rowKey = row.key, n.record = row.record, n.loadedAt = $loadedAt)
MERGE (a:Address {nummeraanduidingId: row.nummeraanduidingId})
ON CREATE SET a.key = 'adres:' + row.nummeraanduidingId, a.source = $source, a.loadId = $loadId, a.rowKey = row.key, a.record = row.record, a.loadedAt = $loadedAt
WITH row, b, n, a, {
  verblijfsobjectId: row.verblijfsobjectId, street: row.street, houseNumber: row.houseNumber,
  houseLetter: row.houseLetter, houseNumberAddition: row.houseNumberAddition,
  postcode: row.postcode, city: row.city, lookupKey: row.addressKey, label: row.label,
  uses: row.uses, floorArea: row.floorArea, status: row.status, x: row.x, y: row.y,
  lat: row.lat, lon: row.lon, outsideArea: false
} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(a[k] <> props[k], (a[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET a += props, a.source = $source, a.loadId = $loadId, a.rowKey = row.key, a.record = row.record, a.loadedAt = $loadedAt)
MERGE (a)-[ib:IN_BUILDING]->(b)
ON CREATE SET ib.source = $source, ib.loadId = $loadId, ib.rowKey = row.key, ib.record = row.record, ib.loadedAt = $loadedAt
MERGE (a)-[inb:IN_NEIGHBOURHOOD]->(n)
ON CREATE SET inb.source = $source, inb.loadId = $loadId, inb.rowKey = row.key, inb.record = row.record, inb.loadedAt = $loadedAt
RETURN count(*) AS written, [] AS unmatched
