// name: checks/address_links
// description: How companies and signals were linked to addresses (by key or by exact match).
MATCH (x)-[r:ESTABLISHED_AT|ABOUT]->(a:Address)
RETURN coalesce(x.key, x.signalId) AS from, a.key AS to, r.matchMethod AS method
ORDER BY from, to
