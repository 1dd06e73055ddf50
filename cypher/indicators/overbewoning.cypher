// name: indicators/overbewoning
// description: Dwellings with fewer m² of floor area (BAG) per registered resident (BRP, woonadres,
// description: on the reference date) than the norm; strength grows linearly to 1 at fullAt m².
// params: asOf, m2PerPerson, fullAt, minPersons
MATCH (a:Address)
WHERE a.floorArea > 0 AND 'woonfunctie' IN a.uses
CALL (a) {
  MATCH (p:Person)-[r:REGISTERED_AT {kind: 'W'}]->(a)
  WHERE r.start <= $asOf AND (r.end IS NULL OR r.end > $asOf)
  RETURN count(DISTINCT p) AS persons,
    count(DISTINCT CASE WHEN p.birthDate <= $asOf - duration({years: 18}) THEN p END) AS adults,
    collect(DISTINCT p.key)[..30] AS residents
}
WITH a, persons, adults, residents
WHERE persons >= $minPersons
WITH a, persons, adults, residents, toFloat(a.floorArea) / persons AS perPerson
WHERE perPerson < $m2PerPerson
WITH a, persons, adults, residents, perPerson,
  (toFloat($m2PerPerson) - perPerson) / ($m2PerPerson - $fullAt) AS raw
RETURN a.key AS subject, 'Address' AS label,
  CASE WHEN raw > 1.0 THEN 1.0 ELSE raw END AS strength,
  {persons: persons, adults: adults, area: a.floorArea, perPerson: round(perPerson, 1),
   norm: $m2PerPerson, residents: residents} AS facts
