// name: indicators/verloop
// description: Dwellings that adults of several family names left in the recent window, unless a
// description: room-letting permit explains the coming and going.
// params: asOf, minNames, windowDays, permitKinds
MATCH (p:Person)-[r:REGISTERED_AT]->(a:Address)
WHERE r.end IS NOT NULL AND r.end <= $asOf AND r.end > $asOf - duration({days: $windowDays})
  AND p.birthDate <= r.end - duration({years: 18})
  AND 'woonfunctie' IN a.uses AND NOT 'logiesfunctie' IN a.uses
WITH a, count(DISTINCT p) AS left, collect(DISTINCT p.surname) AS names,
  collect(DISTINCT p.key)[..20] AS persons
WHERE size(names) >= $minNames
  AND NOT EXISTS {
    MATCH (v:Permit)-[:FOR_ADDRESS]->(a)
    WHERE v.kind IN $permitKinds AND v.status = 'verleend' AND v.decisionDate <= $asOf
  }
WITH a, left, names, persons, toFloat(size(names) - $minNames + 1) / 6 AS raw
RETURN a.key AS subject, 'Address' AS label,
  CASE WHEN raw > 1.0 THEN 1.0 ELSE raw END AS strength,
  {left: left, familyNames: size(names), persons: persons} AS facts
