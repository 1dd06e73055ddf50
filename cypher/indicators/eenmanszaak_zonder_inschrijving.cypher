// name: indicators/eenmanszaak_zonder_inschrijving
// description: Active sole proprietorships established at a dwelling (only woonfunctie) whose owner
// description: (the canonical BRP person) is not registered there; flags the dwelling and the owner.
// params: asOf
MATCH (c:Company {legalForm: 'Eenmanszaak'})-[:ESTABLISHED_AT]->(a:Address)
WHERE a.uses = ['woonfunctie'] AND c.founded <= $asOf
  AND (c.dissolved IS NULL OR c.dissolved > $asOf)
MATCH (named:Person)-[o:OFFICER_OF {role: 'eigenaar'}]->(c)
WHERE coalesce(o.start, c.founded) <= $asOf AND (o.end IS NULL OR o.end > $asOf)
MATCH (p:Person {key: coalesce(named.canonicalKey, named.key)})
WHERE EXISTS { (p)-[:REGISTERED_AT]->(:Address) }
  AND NOT EXISTS {
    MATCH (p)-[r:REGISTERED_AT {kind: 'W'}]->(a)
    WHERE r.start <= $asOf AND (r.end IS NULL OR r.end > $asOf)
  }
WITH collect({address: a.key, person: p.key, kvk: c.key}) AS found
CALL (found) {
  UNWIND found AS x
  WITH x.address AS subject, collect(DISTINCT x.kvk) AS kvks, collect(DISTINCT x.person) AS persons
  RETURN subject, 'Address' AS label, kvks, persons, [subject] AS addresses
  // ALL: the branches differ in label, and a distinct UNION would compare each row with all of `found`.
  UNION ALL
  UNWIND found AS x
  WITH x.person AS subject, collect(DISTINCT x.kvk) AS kvks, collect(DISTINCT x.address) AS addresses
  RETURN subject, 'Person' AS label, kvks, [subject] AS persons, addresses
}
RETURN subject, label, 1.0 AS strength,
  {kvks: kvks[..20], persons: persons[..20], addresses: addresses[..20]} AS facts
