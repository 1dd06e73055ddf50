// name: investigations/companies_at_residential_address
// description: Dwellings (woonfunctie only) where many active companies are established: a
// description: possible letterbox address.
// title: Veel bedrijven op een woonadres
// roles: officer, case_preparer, analyst
// persons: no
// param: min_companies integer = 3 -- minstens zoveel actieve bedrijven
// limit: 1000
// timeout: 15
MATCH (c:Company)-[e:ESTABLISHED_AT]->(a:Address)
WHERE c.dissolved IS NULL AND a.uses = ['woonfunctie']
WITH a, collect(DISTINCT c) AS bedrijven
WHERE size(bedrijven) >= $min_companies
RETURN a AS adres, size(bedrijven) AS aantal, bedrijven
ORDER BY aantal DESC
