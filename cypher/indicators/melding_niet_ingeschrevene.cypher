// name: indicators/melding_niet_ingeschrevene
// description: Signals in the recent window about a dwelling that name a BRP person (the canonical
// description: person of the signal's person record) who was not registered there at any time from
// description: graceDays before the signal until the reference date; flags the dwelling and the person.
// params: asOf, windowDays, graceDays
MATCH (s:Signal)-[:ABOUT]->(a:Address), (s)-[:ABOUT]->(named:Person)
WHERE s.date <= $asOf AND s.date > $asOf - duration({days: $windowDays})
  AND 'woonfunctie' IN a.uses
MATCH (p:Person {key: coalesce(named.canonicalKey, named.key)})
WHERE EXISTS { (p)-[:REGISTERED_AT]->(:Address) }
  AND NOT EXISTS {
    MATCH (p)-[r:REGISTERED_AT]->(a)
    WHERE r.start <= $asOf AND (r.end IS NULL OR r.end > s.date - duration({days: $graceDays}))
  }
WITH collect({address: a.key, person: p.key, signal: s.signalId}) AS found
CALL (found) {
  UNWIND found AS x
  WITH x.address AS subject, collect(DISTINCT x.signal) AS signals, collect(DISTINCT x.person) AS persons
  RETURN subject, 'Address' AS label, signals, persons, [subject] AS addresses
  // ALL: the branches differ in label, and a distinct UNION would compare each row with all of `found`.
  UNION ALL
  UNWIND found AS x
  WITH x.person AS subject, collect(DISTINCT x.signal) AS signals, collect(DISTINCT x.address) AS addresses
  RETURN subject, 'Person' AS label, signals, [subject] AS persons, addresses
}
RETURN subject, label, CASE WHEN size(signals) >= 2 THEN 1.0 ELSE 0.7 END AS strength,
  {signals: signals[..20], persons: persons[..20], addresses: addresses[..20]} AS facts
