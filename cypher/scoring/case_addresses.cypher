// name: scoring/case_addresses
// description: Addresses a case concerns (opened by the reference date), with the latest case's
// description: status and result: the addresses that are not new leads (benchmarks, monitor).
// params: asOf
MATCH (z:Case)-[:CONCERNS]->(a:Address)
WHERE z.start <= $asOf
WITH a, z ORDER BY z.start DESC
WITH a, collect(z)[0] AS latest
RETURN a.key AS key, latest.status AS status, latest.result AS result
ORDER BY key
