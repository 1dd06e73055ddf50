// name: networks/write
// description: Store found networks of one analysis run with their members (persons, companies,
// description: addresses) and each member's betweenness, PageRank and key-figure mark.
// params: runId, computedAt, rows ([{id, score, size, persons, companies, addresses, component, features, reason, keyFigures, members: [{key, kind, betweenness, pageRank, keyFigure}]}])
UNWIND $rows AS row
CREATE (n:Network {key: $runId + '|' + row.id, networkId: row.id, runId: $runId,
  score: row.score, size: row.size, persons: row.persons, companies: row.companies,
  addresses: row.addresses, component: row.component, features: row.features,
  reason: row.reason, keyFigures: row.keyFigures, computedAt: $computedAt})
WITH n, row
UNWIND row.members AS m
CALL (m) {
  WITH m WHERE m.kind = 'person'
  MATCH (x:Person {key: m.key}) RETURN x
  UNION
  WITH m WHERE m.kind = 'company'
  MATCH (x:Company {key: m.key}) RETURN x
  UNION
  WITH m WHERE m.kind = 'address'
  MATCH (x:Address {key: m.key}) RETURN x
}
CREATE (n)-[:HAS_MEMBER {kind: m.kind, betweenness: m.betweenness, pageRank: m.pageRank,
  keyFigure: m.keyFigure}]->(x)
RETURN count(*) AS written
