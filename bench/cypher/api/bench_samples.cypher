// name: api/bench_samples
// description: Random keys of addresses with residents, BRP persons and companies (bench/api.py).
// params: limit
CALL () {
  MATCH (a:Address) WHERE NOT a.outsideArea AND EXISTS { (a)<-[:REGISTERED_AT]-() }
  WITH a ORDER BY rand() LIMIT $limit
  RETURN 'address' AS kind, a.key AS key
  UNION ALL
  MATCH (p:Person {registry: 'brp'})
  WITH p ORDER BY rand() LIMIT $limit
  RETURN 'person' AS kind, p.key AS key
  UNION ALL
  MATCH (c:Company) WHERE NOT c.referenceOnly
  WITH c ORDER BY rand() LIMIT $limit
  RETURN 'company' AS kind, c.key AS key
}
RETURN kind, key
