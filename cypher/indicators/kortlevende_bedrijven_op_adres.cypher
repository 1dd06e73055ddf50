// name: indicators/kortlevende_bedrijven_op_adres
// description: Addresses where several of the companies active in the window were dissolved within
// description: maxLifeDays of being founded, and those make up at least minShare of them.
// params: asOf, maxLifeDays, minShortLived, minShare, years
MATCH (c:Company)-[:ESTABLISHED_AT]->(a:Address)
WHERE c.founded <= $asOf AND (c.dissolved IS NULL OR c.dissolved > $asOf - duration({years: $years}))
WITH a, collect(DISTINCT c) AS companies
WITH a, size(companies) AS total,
  [c IN companies WHERE c.dissolved <= $asOf
     AND c.dissolved < c.founded + duration({days: $maxLifeDays}) | c.key] AS kvks
WHERE size(kvks) >= $minShortLived AND toFloat(size(kvks)) / total >= $minShare
WITH a, total, kvks, toFloat(size(kvks) - $minShortLived + 1) / 4 AS raw
RETURN a.key AS subject, 'Address' AS label,
  CASE WHEN raw > 1.0 THEN 1.0 ELSE raw END AS strength,
  {shortLived: size(kvks), companies: total, maxDays: $maxLifeDays, kvks: kvks[..30]} AS facts
