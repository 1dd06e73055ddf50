// name: indicators/veel_volwassenen
// description: Dwellings where many adults of different family names are registered (BRP, woonadres)
// description: and no room-letting permit was granted; strength grows with the number of family names.
// params: asOf, minAdults, minNames, permitKinds
MATCH (a:Address)
WHERE 'woonfunctie' IN a.uses AND NOT 'logiesfunctie' IN a.uses
CALL (a) {
  MATCH (p:Person)-[r:REGISTERED_AT {kind: 'W'}]->(a)
  WHERE r.start <= $asOf AND (r.end IS NULL OR r.end > $asOf)
    AND p.birthDate <= $asOf - duration({years: 18})
  RETURN count(DISTINCT p) AS adults, collect(DISTINCT p.surname) AS names,
    collect(DISTINCT p.key)[..30] AS residents
}
WITH a, adults, names, residents
WHERE adults >= $minAdults AND size(names) >= $minNames
  AND NOT EXISTS {
    MATCH (v:Permit)-[:FOR_ADDRESS]->(a)
    WHERE v.kind IN $permitKinds AND v.status = 'verleend' AND v.decisionDate <= $asOf
  }
WITH a, adults, names, residents, toFloat(size(names) - $minNames + 1) / 6 AS raw
RETURN a.key AS subject, 'Address' AS label,
  CASE WHEN raw > 1.0 THEN 1.0 ELSE raw END AS strength,
  {adults: adults, familyNames: size(names), area: a.floorArea, residents: residents} AS facts
