// name: indicators/bedrijf_seriele_bestuurder
// description: Companies active in the window with an officer who is a serial officer (see
// description: seriele_bestuurder), and the addresses those companies are established at.
// params: asOf, maxLifeDays, minShortLived, years
CALL () {
  MATCH (o)-[:OFFICER_OF]->(c:Company)
  WHERE c.dissolved IS NOT NULL AND c.dissolved <= $asOf
    AND c.dissolved > $asOf - duration({years: $years})
    AND c.dissolved < c.founded + duration({days: $maxLifeDays})
  WITH CASE WHEN o:Person THEN coalesce(o.canonicalKey, o.key) ELSE o.key END AS who,
    count(DISTINCT c) AS shortLived
  WHERE shortLived >= $minShortLived
  RETURN collect(who) AS serial
}
MATCH (o)-[:OFFICER_OF]->(c:Company)
WHERE (CASE WHEN o:Person THEN coalesce(o.canonicalKey, o.key) ELSE o.key END) IN serial
  AND c.founded <= $asOf AND (c.dissolved IS NULL OR c.dissolved > $asOf - duration({years: $years}))
WITH c, collect(DISTINCT CASE WHEN o:Person THEN coalesce(o.canonicalKey, o.key) ELSE o.key END) AS officers
WITH collect({company: c, officers: officers}) AS found
CALL (found) {
  UNWIND found AS x
  WITH x.company AS c, x.officers AS officers
  RETURN c.key AS subject, 'Company' AS label, 1.0 AS strength,
    {companies: 1, officers: officers, kvks: [c.key]} AS facts
  // ALL: the branches differ in label, and a distinct UNION would compare each row with all of `found`.
  UNION ALL
  UNWIND found AS x
  WITH x.company AS c, x.officers AS officers
  MATCH (c)-[:ESTABLISHED_AT]->(a:Address)
  WITH a, collect(DISTINCT c.key) AS kvks, apoc.coll.toSet(apoc.coll.flatten(collect(officers))) AS officers
  WITH a, kvks, officers, 0.5 + 0.25 * (size(kvks) - 1) AS raw
  RETURN a.key AS subject, 'Address' AS label, CASE WHEN raw > 1.0 THEN 1.0 ELSE raw END AS strength,
    {companies: size(kvks), officers: officers[..10], kvks: kvks[..30]} AS facts
}
RETURN subject, label, strength, facts
