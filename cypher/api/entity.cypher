// name: api/entity
// description: One entity by its key (exactly one lookup parameter set) with its links (paged,
// description: newest first per type), link counts per type and source, the records of the same canonical
// description: person, and the flags that explain its score. One round trip for an entity page.
// description: What users added in the app (notes, watch lists, notifications, outcomes, cases,
// description: alerts) is not a link: it is shown, per team, by the collaboration panel and the
// description: case pages.
// params: key, pandId, buurtcode, permitId, signalId, caseId, networkId, limit, offset
CALL () {
  MATCH (n:Address {key: $key}) RETURN n
  UNION MATCH (n:Person {key: $key}) RETURN n
  UNION MATCH (n:Company {key: $key}) RETURN n
  UNION MATCH (n:Building {pandId: $pandId}) RETURN n
  UNION MATCH (n:Neighbourhood {buurtcode: $buurtcode}) RETURN n
  UNION MATCH (n:Permit {permitId: $permitId}) RETURN n
  UNION MATCH (n:Signal {signalId: $signalId}) RETURN n
  UNION MATCH (n:Case {caseId: $caseId}) RETURN n
  // A network id is per analysis run: the latest run's network of that id.
  UNION MATCH (n:Network) WHERE $networkId IS NOT NULL
    AND (n.networkId = $networkId OR n.key = $networkId)
  WITH n ORDER BY n.runId DESC LIMIT 1
  RETURN n
}
WITH n LIMIT 1
// A person page shows every record of the same canonical person (entity resolution).
CALL (n) {
  MATCH (c:Person) WHERE n:Person AND n.canonicalKey IS NOT NULL AND c.canonicalKey = n.canonicalKey
  RETURN c
  UNION
  RETURN n AS c
}
WITH n, collect(c) AS members
CALL (n, members) {
  UNWIND members AS c
  MATCH (c)-[r]-(m)
  WHERE NOT (m:Flag OR m:Note OR m:WatchList OR m:Notification OR m:Outcome OR m:CaseFile OR m:Alert)
    AND NOT (m:Person AND m IN members)
  RETURN type(r) AS type, r.source AS rs, r.loadId AS rl, r.sources AS quoted, m.source AS ms,
    m.loadId AS ml, count(*) AS count
}
WITH n, members, collect({type: type, rs: rs, rl: rl, quoted: quoted, ms: ms, ml: ml,
  count: count}) AS counts
CALL (n, members) {
  UNWIND members AS c
  MATCH (c)-[r]-(m)
  WHERE NOT (m:Flag OR m:Note OR m:WatchList OR m:Notification OR m:Outcome OR m:CaseFile OR m:Alert)
    AND NOT (m:Person AND m IN members)
  WITH c, r, m ORDER BY type(r), coalesce(r.start, m.date, m.start, m.decisionDate) DESC, m.key
  SKIP $offset LIMIT $limit
  RETURN collect({type: type(r), outgoing: startNode(r) = c, via: c.key, rel: properties(r),
    labels: labels(m), props: properties(m)}) AS links
}
CALL (members) {
  UNWIND members AS c
  MATCH (f:Flag)-[:FLAGS]->(c)
  RETURN collect(properties(f)) AS flags
}
RETURN labels(n) AS labels, properties(n) AS props, counts, links, flags,
  [c IN members WHERE c <> n | {labels: labels(c), props: properties(c)}] AS records
