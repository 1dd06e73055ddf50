// name: indicators/seriele_bestuurder
// description: Officers (the canonical person, or a company) of several companies that were dissolved
// description: within maxLifeDays of being founded, dissolved within the window.
// params: asOf, maxLifeDays, minShortLived, years
MATCH (o)-[:OFFICER_OF]->(c:Company)
WHERE c.dissolved IS NOT NULL AND c.dissolved <= $asOf
  AND c.dissolved > $asOf - duration({years: $years})
  AND c.dissolved < c.founded + duration({days: $maxLifeDays})
WITH CASE WHEN o:Person THEN coalesce(o.canonicalKey, o.key) ELSE o.key END AS subject,
  CASE WHEN o:Person THEN 'Person' ELSE 'Company' END AS label, collect(DISTINCT c.key) AS kvks
WHERE size(kvks) >= $minShortLived
WITH subject, label, kvks, toFloat(size(kvks) - $minShortLived + 1) / 3 AS raw
RETURN subject, label, CASE WHEN raw > 1.0 THEN 1.0 ELSE raw END AS strength,
  {shortLived: size(kvks), maxDays: $maxLifeDays, kvks: kvks[..30]} AS facts
