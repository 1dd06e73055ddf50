// name: links/owner_holdings
// description: Per dwelling the largest number of dwellings one of its current owners holds now,
// description: counted once per owner (a per-address count would visit a large owner's holdings
// description: once for each of them).
// params: asOf
MATCH (o)-[v:OWNS]->(:Address) WHERE v.end IS NULL OR v.end > $asOf
WITH o, count(v) AS holdings
MATCH (o)-[w:OWNS]->(a:Address) WHERE w.end IS NULL OR w.end > $asOf
RETURN a.key AS key, max(holdings) AS ownerHoldings
