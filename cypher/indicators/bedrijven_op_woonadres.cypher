// name: indicators/bedrijven_op_woonadres
// description: Dwellings (only woonfunctie) where several companies were established in the window:
// description: the pattern of a letterbox address.
// params: asOf, minCompanies, years
MATCH (c:Company)-[:ESTABLISHED_AT]->(a:Address)
WHERE a.uses = ['woonfunctie'] AND c.founded <= $asOf
  AND (c.dissolved IS NULL OR c.dissolved > $asOf - duration({years: $years}))
WITH a, collect(DISTINCT c) AS companies
WHERE size(companies) >= $minCompanies
WITH a, companies, toFloat(size(companies) - $minCompanies + 1) / 6 AS raw
RETURN a.key AS subject, 'Address' AS label,
  CASE WHEN raw > 1.0 THEN 1.0 ELSE raw END AS strength,
  {companies: size(companies), years: $years,
   active: size([c IN companies WHERE c.dissolved IS NULL OR c.dissolved > $asOf]),
   kvks: [c IN companies | c.key][..30]} AS facts
