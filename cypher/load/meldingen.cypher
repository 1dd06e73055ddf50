// name: load/meldingen
// description: Upsert signals and what they are about: the address (by key, or by the exact key
// description: parsed from the free-text address), a person named in it (kept as its own record
// description: person until matching), a company. Free-text addresses that match nothing are returned.
// params: rows, source, loadId, loadedAt
UNWIND $rows AS row
MERGE (s:Signal {signalId: row.signalId})
ON CREATE SET s.source = $source, s.loadId = $loadId, s.rowKey = row.key, s.record = row.record, s.loadedAt = $loadedAt
WITH row, s, {channel: row.channel, category: row.category, date: row.date,
  description: row.description, addressText: row.addressText, personName: row.personName,
  personBirthDate: row.personBirthDate, reliability: row.reliability} AS props
FOREACH (_ IN CASE WHEN any(k IN keys(props) WHERE coalesce(s[k] <> props[k], (s[k] IS NULL) <> (props[k] IS NULL))) THEN [1] ELSE [] END |
  SET s += props, s.source = $source, s.loadId = $loadId, s.rowKey = row.key, s.record = row.record, s.loadedAt = $loadedAt)
WITH row, s
CALL (row) {
  WITH row WHERE row.nummeraanduidingId IS NOT NULL
  MERGE (a:Address {nummeraanduidingId: row.nummeraanduidingId})
  ON CREATE SET a.key = 'adres:' + row.nummeraanduidingId, a.outsideArea = true,
    a.source = $source, a.loadId = $loadId, a.rowKey = row.key, a.record = row.record, a.loadedAt = $loadedAt
  RETURN a, 'key' AS method
  UNION
  WITH row WHERE row.nummeraanduidingId IS NULL
  OPTIONAL MATCH (a:Address {lookupKey: row.addressKey})
  WHERE row.addressKey IS NOT NULL
  WITH row, a ORDER BY a.nummeraanduidingId LIMIT 1
  RETURN a, CASE WHEN a IS NULL THEN null ELSE 'exact' END AS method
}
FOREACH (x IN CASE WHEN a IS NULL THEN [] ELSE [a] END |
  MERGE (s)-[r:ABOUT]->(x)
  ON CREATE SET r.matchMethod = method, r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt)
FOREACH (pk IN CASE WHEN row.personKey IS NULL THEN [] ELSE [row.personKey] END |
  MERGE (p:Person {key: pk})
  ON CREATE SET p.registry = 'melding', p.fullName = row.personName, p.birthDate = row.personBirthDate,
    p.source = $source, p.loadId = $loadId, p.rowKey = row.key, p.record = row.record, p.loadedAt = $loadedAt
  MERGE (s)-[r:ABOUT]->(p)
  ON CREATE SET r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt)
FOREACH (kvk IN CASE WHEN row.kvkNumber IS NULL THEN [] ELSE [row.kvkNumber] END |
  MERGE (c:Company {kvkNumber: kvk})
  ON CREATE SET c.key = 'kvk:' + kvk, c.referenceOnly = true,
    c.source = $source, c.loadId = $loadId, c.rowKey = row.key, c.record = row.record, c.loadedAt = $loadedAt
  MERGE (s)-[r:ABOUT]->(c)
  ON CREATE SET r.source = $source, r.loadId = $loadId, r.rowKey = row.key, r.record = row.record, r.loadedAt = $loadedAt)
RETURN count(*) AS written,
  [x IN collect(CASE WHEN a IS NULL AND row.addressText IS NOT NULL THEN {record: row.record, text: row.addressText} END) WHERE x IS NOT NULL] AS unmatched
