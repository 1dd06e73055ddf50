// name: load/kvk_vestigingen
// description: Upsert companies and the address of each establishment: by the BAG key KvK gives, or
// description: else by exact postcode + house number + letter + addition; unmatched rows are returned
// description: and kept on the company as addressMentions for entity resolution.
// params: rows, source, loadId, loadedAt
UNWIND $rows AS row
MERGE (c:Company {kvkNumber: row.kvkNumber})
ON CREATE SET c.key = 'kvk:' + row.kvkNumber, c.source = $source, c.loadId = $loadId, c.rowKey = row.key, c.record = row.record, c.loadedAt = $loadedAt
WITH row, c, {name: row.name, legalForm: row.legalForm, sbiCode: row.sbiCode,
  sbiDescription: row.sbiDescription, founded: row.founded, dissolved: row.dissolved,
  referenceOnly: false} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(c[k] <> props[k], (c[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET c += props, c.source = $source, c.loadId = $loadId, c.rowKey = row.key, c.record = row.record, c.loadedAt = $loadedAt)
WITH row, c
CALL (row) {
  WITH row WHERE row.nummeraanduidingId IS NOT NULL
  MERGE (a:Address {nummeraanduidingId: row.nummeraanduidingId})
  ON CREATE SET a.key = 'adres:' + row.nummeraanduidingId, a.outsideArea = true,
    a.source = $source, a.loadId = $loadId, a.rowKey = row.key, a.record = row.record, a.loadedAt = $loadedAt
  RETURN a, 'key' AS method
  UNION
  WITH row WHERE row.nummeraanduidingId IS NULL
  OPTIONAL MATCH (a:Address {lookupKey: row.addressKey})
  WITH row, a ORDER BY a.nummeraanduidingId LIMIT 1
  RETURN a, CASE WHEN a IS NULL THEN null ELSE 'exact' END AS method
}
WITH *
// A row without a BAG key that the exact lookup missed is kept on the company as an address
// mention ("<rowKey>\t<file>\t<record>\t<address>", replaced in place per row key, so a second load
// changes nothing) for entity resolution to match; a row matched now drops its old mention.
CALL (row, c, a) {
  WITH row, c, a, row.key + '\t' AS prefix, coalesce(c.addressMentions, []) AS old
  WHERE row.nummeraanduidingId IS NULL
  WITH row, c, old, prefix, CASE WHEN a IS NULL
    THEN prefix + $source + '\t' + toString(row.record) + '\t' + coalesce(row.addressText, '') END AS entry
  WITH c, old, CASE
    WHEN entry IS NULL THEN [m IN old WHERE NOT m STARTS WITH prefix]
    WHEN any(m IN old WHERE m STARTS WITH prefix) THEN [m IN old | CASE WHEN m STARTS WITH prefix THEN entry ELSE m END]
    ELSE old + [entry] END AS mentions
  FOREACH (_ IN CASE WHEN mentions <> old THEN [1] ELSE [] END |
    SET c.addressMentions = CASE WHEN size(mentions) = 0 THEN null ELSE mentions END)
}
WITH *
CALL (row, c, a, method) {
  WITH * WHERE a IS NOT NULL
  MERGE (c)-[e:ESTABLISHED_AT {establishmentNumber: coalesce(row.establishmentNumber, '')}]->(a)
  ON CREATE SET e.source = $source, e.loadId = $loadId, e.rowKey = row.key, e.record = row.record, e.loadedAt = $loadedAt
  WITH row, e, {start: row.founded, end: row.dissolved, matchMethod: method} AS props
  FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(e[k] <> props[k], (e[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
    SET e += props, e.source = $source, e.loadId = $loadId, e.rowKey = row.key, e.record = row.record, e.loadedAt = $loadedAt)
}
RETURN count(*) AS written,
  [x IN collect(CASE WHEN a IS NULL THEN {record: row.record, text: row.addressText} END) WHERE x IS NOT NULL] AS unmatched
