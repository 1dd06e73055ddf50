// name: investigations/person_roles
// description: Every role (KvK functionaris) of a person and of the other records of the same
// description: canonical person, with the companies and their addresses.
// title: Rollen van een persoon in bedrijven
// roles: officer, case_preparer, analyst
// persons: yes
// param: persoon key -- sleutel van de persoon (bsn:, person: of pseudo:)
// limit: 1000
// timeout: 10
MATCH (p:Person {key: $persoon})
MATCH (c:Person)
WHERE c = p OR (p.canonicalKey IS NOT NULL AND c.canonicalKey = p.canonicalKey)
MATCH (c)-[r:OFFICER_OF]->(b:Company)
OPTIONAL MATCH (b)-[e:ESTABLISHED_AT]->(a:Address)
RETURN c AS persoon, r AS rol, b AS bedrijf, a AS adres, r.start AS van, r.end AS tot
ORDER BY r.start DESC
