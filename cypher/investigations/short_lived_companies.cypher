// name: investigations/short_lived_companies
// description: Addresses where several companies were founded and dissolved within a short time
// description: (a pattern of fronts and phoenix companies).
// title: Kortlevende bedrijven op één adres
// roles: officer, case_preparer, analyst
// persons: no
// param: max_days integer = 365 -- hoogstens zoveel dagen tussen oprichting en opheffing
// param: min_companies integer = 2 -- minstens zoveel van zulke bedrijven op het adres
// limit: 500
// timeout: 15
MATCH (c:Company)-[:ESTABLISHED_AT]->(a:Address)
WHERE c.founded IS NOT NULL AND c.dissolved IS NOT NULL
  AND duration.inDays(c.founded, c.dissolved).days <= $max_days
WITH a, collect(DISTINCT c) AS bedrijven
WHERE size(bedrijven) >= $min_companies
RETURN a AS adres, size(bedrijven) AS aantal, bedrijven
ORDER BY aantal DESC
