// name: investigations/persons_in_risk_branches
// description: Persons who are officer of at least N companies in risk branches (SBI codes that
// description: Bibob and RIEC practice flag: kappers, nagelstudio's, horeca, autohandel, vastgoed).
// title: Personen met veel bedrijven in risicobranches
// roles: analyst
// persons: yes
// param: min_companies integer = 2 -- minstens zoveel bedrijven
// param: sbi_codes list = 9602,9604,5610,5630,4511,4520,6820,4711,9313 -- SBI-codes (begin)
// limit: 1000
// timeout: 15
MATCH (p:Person)-[r:OFFICER_OF]->(c:Company)
WHERE any(code IN $sbi_codes WHERE c.sbiCode STARTS WITH code)
WITH p, collect(DISTINCT c) AS bedrijven
WHERE size(bedrijven) >= $min_companies
RETURN p AS persoon, size(bedrijven) AS aantal, bedrijven
ORDER BY aantal DESC
