// name: indicators/vergunning_ontbreekt
// description: Active companies whose activity (SBI code) requires a permit that was neither granted
// description: nor applied for (held by the company or for its address); flags the company and,
// description: for horeca, its establishment address.
// params: asOf, required, graceDays
MATCH (c:Company)
WHERE c.sbiCode IN keys($required) AND c.founded <= $asOf - duration({days: $graceDays})
  AND (c.dissolved IS NULL OR c.dissolved > $asOf)
OPTIONAL MATCH (c)-[:ESTABLISHED_AT]->(a:Address)
WITH c, collect(a) AS addresses, $required[c.sbiCode] AS kinds
WHERE NOT EXISTS {
  MATCH (v:Permit)-[:HELD_BY|FOR_ADDRESS]->(x)
  WHERE (x = c OR x IN addresses) AND v.kind IN kinds
    AND v.status IN ['verleend', 'aangevraagd'] AND v.decisionDate <= $asOf
}
WITH collect({company: c, addresses: addresses, kinds: kinds}) AS found
CALL (found) {
  UNWIND found AS x
  WITH x.company AS c, x.kinds AS kinds
  RETURN c.key AS subject, 'Company' AS label, 1.0 AS strength,
    {activity: c.sbiDescription, permits: kinds, kvks: [c.key]} AS facts
  // ALL: the branches differ in label, and a distinct UNION would compare each row with all of `found`.
  UNION ALL
  UNWIND found AS x
  WITH x.company AS c, x.kinds AS kinds, x.addresses AS addresses
  WHERE c.sbiCode <> '8122'
  UNWIND addresses AS a
  WITH a, collect(DISTINCT c.key) AS kvks, collect(DISTINCT c.sbiDescription) AS activities,
    apoc.coll.toSet(apoc.coll.flatten(collect(kinds))) AS kinds
  RETURN a.key AS subject, 'Address' AS label, 1.0 AS strength,
    {activity: activities, permits: kinds, kvks: kvks} AS facts
}
RETURN subject, label, strength, facts
