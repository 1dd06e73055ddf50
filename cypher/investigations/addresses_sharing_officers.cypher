// name: investigations/addresses_sharing_officers
// description: Addresses of other companies that share an officer (person or company) with the
// description: given company: where else the same people run a business.
// title: Adressen van bedrijven met dezelfde functionarissen
// roles: case_preparer, analyst
// persons: yes
// param: kvk_nummer string -- KvK-nummer van het bedrijf (8 cijfers)
// limit: 1000
// timeout: 10
MATCH (c:Company {kvkNumber: $kvk_nummer})<-[r1:OFFICER_OF]-(o)-[r2:OFFICER_OF]->(other:Company)
WHERE other <> c
MATCH (other)-[e:ESTABLISHED_AT]->(a:Address)
RETURN o AS functionaris, r2 AS rol, other AS bedrijf, e AS vestiging, a AS adres
ORDER BY other.name
