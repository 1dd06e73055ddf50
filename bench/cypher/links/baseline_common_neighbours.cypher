// name: links/baseline_common_neighbours
// description: Benchmark baseline: person-dwelling pairs ranked by common neighbours (signals,
// description: companies, cases) where the person is not registered; $resolved maps record persons
// description: to their canonical person (entity resolution), otherwise the raw graph is used.
// params: asOf, resolved
CALL () {
  MATCH (a:Address)<-[:ABOUT]-(n:Signal)-[:ABOUT]->(r:Person) RETURN r, a, n
  UNION ALL
  MATCH (a:Address)<-[:ESTABLISHED_AT]-(n:Company)<-[:OFFICER_OF]-(r:Person) RETURN r, a, n
  UNION ALL
  MATCH (a:Address)<-[:CONCERNS]-(n:Case)-[:CONCERNS]->(r:Person) RETURN r, a, n
}
WITH CASE WHEN $resolved THEN coalesce(r.canonicalKey, r.key) ELSE r.key END AS person, a,
  count(DISTINCT n) AS common
WHERE 'woonfunctie' IN coalesce(a.uses, [])
  AND NOT EXISTS {
    MATCH (x:Person)-[g:REGISTERED_AT]->(a)
    WHERE (x.key = person OR ($resolved AND x.canonicalKey = person))
      AND g.start <= $asOf AND (g.end IS NULL OR g.end > $asOf) }
RETURN person, a.key AS address, common
