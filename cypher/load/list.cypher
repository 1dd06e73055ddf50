// name: load/list
// description: Link the rows of a mapped spreadsheet (watch list, team list) to the entities they
// description: name: an address by key or exact free-text match, a person by BSN, a company by KvK
// description: number; a name without BSN becomes a record person for entity resolution. Rows that
// description: find nothing are returned.
// params: rows, source, loadId, loadedAt, listKey, listName, kind
UNWIND $rows AS row
MERGE (l:List {key: $listKey})
ON CREATE SET l.source = $source, l.loadId = $loadId, l.rowKey = $listKey, l.record = 0, l.loadedAt = $loadedAt
WITH row, l, {name: $listName, kind: $kind} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(l[k] <> props[k], (l[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET l += props, l.loadId = $loadId, l.loadedAt = $loadedAt)
WITH row, l
CALL (row) {
  OPTIONAL MATCH (a:Address {nummeraanduidingId: row.nummeraanduidingId})
  RETURN a AS found, 'key' AS method
  UNION ALL
  OPTIONAL MATCH (a:Address {lookupKey: row.addressKey})
  WHERE row.nummeraanduidingId IS NULL
  WITH a ORDER BY a.nummeraanduidingId LIMIT 1
  RETURN a AS found, 'exact' AS method
  UNION ALL
  OPTIONAL MATCH (p:Person {bsn: row.bsn})
  RETURN p AS found, 'key' AS method
  UNION ALL
  OPTIONAL MATCH (c:Company {kvkNumber: row.kvkNumber})
  RETURN c AS found, 'key' AS method
}
WITH row, l, [x IN collect({node: found, method: method}) WHERE x.node IS NOT NULL] AS hits
FOREACH (hit IN hits |
  FOREACH (x IN [hit.node] |
    MERGE (l)-[r:LISTS]->(x)
    ON CREATE SET r.matchMethod = hit.method, r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt))
FOREACH (pk IN CASE WHEN row.personKey IS NULL OR row.bsn IS NOT NULL THEN [] ELSE [row.personKey] END |
  MERGE (p:Person {key: pk})
  ON CREATE SET p.registry = 'lijst', p.fullName = row.personName, p.birthDate = row.personBirthDate,
    p.source = $source, p.loadId = $loadId, p.rowKey = row.key, p.record = row.record, p.loadedAt = $loadedAt
  MERGE (l)-[r:LISTS]->(p)
  ON CREATE SET r.matchMethod = 'record', r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt)
WITH row, hits
RETURN count(*) AS written,
  [x IN collect(CASE WHEN size(hits) = 0 AND (row.personKey IS NULL OR row.bsn IS NOT NULL)
     THEN {record: row.record, text: coalesce(row.addressText, row.nummeraanduidingId, row.bsn, row.kvkNumber, '')} END)
   WHERE x IS NOT NULL] AS unmatched
