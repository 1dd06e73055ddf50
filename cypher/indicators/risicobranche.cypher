// name: indicators/risicobranche
// description: Active companies in a risk branch (SBI code); full strength when founded within
// description: youngYears, 0.4 for an establishment of longer standing.
// params: asOf, riskCodes, youngYears
MATCH (c:Company)
WHERE c.sbiCode IN $riskCodes AND c.founded <= $asOf
  AND (c.dissolved IS NULL OR c.dissolved > $asOf)
RETURN c.key AS subject, 'Company' AS label,
  CASE WHEN c.founded > $asOf - duration({years: $youngYears}) THEN 1.0 ELSE 0.4 END AS strength,
  {sbi: c.sbiCode, branch: c.sbiDescription, founded: c.founded} AS facts
