// name: networks/project
// description: Project the cooperation graph into GDS: canonical persons, companies and addresses
// description: tied by roles (OFFICER_OF), establishments (ESTABLISHED_AT) and current ownership
// description: (OWNS, owners of at most $maxOwned addresses: corporations are not ties between
// description: their tenants), typed ROLE, ESTABLISHED and OWNS. Living at an address is not a tie:
// description: every family has it. With $members (key -> network id) only ties inside one network
// description: are projected.
// params: graph, asOf, maxOwned, members (map or null)
CALL () {
  MATCH (r:Person)-[:OFFICER_OF]->(t:Company)
  MATCH (s:Person {key: coalesce(r.canonicalKey, r.key)})
  RETURN s, t, 'ROLE' AS kind
  UNION ALL
  MATCH (s:Company)-[:OFFICER_OF]->(t:Company)
  RETURN s, t, 'ROLE' AS kind
  UNION ALL
  MATCH (s:Company)-[:ESTABLISHED_AT]->(t:Address)
  RETURN s, t, 'ESTABLISHED' AS kind
  UNION ALL
  MATCH (o)-[w:OWNS]->(t:Address)
  WHERE w.end IS NULL OR w.end > $asOf
  WITH o, collect(DISTINCT t) AS owned
  WHERE size(owned) <= $maxOwned
  UNWIND owned AS t
  OPTIONAL MATCH (p:Person {key: o.canonicalKey})
  RETURN coalesce(p, o) AS s, t, 'OWNS' AS kind
}
WITH s, t, kind, count(*) AS weight
WHERE s <> t AND ($members IS NULL OR ($members[s.key] IS NOT NULL AND $members[s.key] = $members[t.key]))
WITH gds.graph.project($graph, s, t, {
  sourceNodeLabels: labels(s), targetNodeLabels: labels(t), relationshipType: kind,
  relationshipProperties: {weight: toFloat(weight)}
}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
