// name: indicators/kort_verblijf
// description: Addresses where several registrations ended after a short stay in the recent window
// description: (hotels and pensions, logiesfunctie, excepted).
// params: asOf, maxStayDays, minShortStays, windowDays
MATCH (p:Person)-[r:REGISTERED_AT]->(a:Address)
WHERE r.end IS NOT NULL AND r.end <= $asOf AND r.end > $asOf - duration({days: $windowDays})
  AND r.end < r.start + duration({days: $maxStayDays})
  AND NOT 'logiesfunctie' IN coalesce(a.uses, [])
WITH a, count(r) AS shortStays,
  collect({person: p.key, start: r.start, end: r.end})[..20] AS stays
WHERE shortStays >= $minShortStays
WITH a, shortStays, stays, toFloat(shortStays - $minShortStays + 1) / 5 AS raw
RETURN a.key AS subject, 'Address' AS label,
  CASE WHEN raw > 1.0 THEN 1.0 ELSE raw END AS strength,
  {shortStays: shortStays, maxDays: $maxStayDays, stays: stays} AS facts
