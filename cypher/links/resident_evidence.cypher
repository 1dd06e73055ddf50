// name: links/resident_evidence
// description: Candidate hidden residents: a (canonical) person and a dwelling where the person is
// description: not registered on $asOf, with every fact tying them: signals naming the person about
// description: the address, roles in companies established there, cases about both, ownership.
// description: Each item has `sources`, the files its facts come from; `registrationSources` are
// description: the BRP files of the registrations the evidence quotes (here and elsewhere).
// params: asOf
CALL () {
  MATCH (a:Address)<-[:ABOUT]-(s:Signal)-[:ABOUT]->(r:Person)
  RETURN coalesce(r.canonicalKey, r.key) AS person, a, {kind: 'signal', id: s.signalId,
    category: s.category, date: s.date, reliability: s.reliability, sources: [s.source]} AS item
  UNION ALL
  MATCH (a:Address)<-[e:ESTABLISHED_AT]-(c:Company)<-[o:OFFICER_OF]-(r:Person)
  WITH a, c, e, o, r, coalesce(r.canonicalKey, r.key) AS person
  RETURN person, a, {kind: 'officer', id: c.key, name: c.name, role: o.role,
    sources: [e.source, o.source] + COLLECT {
      MATCH (c)<-[:OFFICER_OF]-(q:Person)
      MATCH (b:Person {key: coalesce(q.canonicalKey, q.key)})-[g:REGISTERED_AT]->(a)
      WHERE b.key <> person RETURN DISTINCT g.source },
    ended: coalesce(o.end <= $asOf, false) OR coalesce(c.dissolved <= $asOf, false),
    companiesHere: COUNT { (a)<-[:ESTABLISHED_AT]-(:Company) },
    coOfficerLivesHere: EXISTS {
      MATCH (c)<-[:OFFICER_OF]-(q:Person)
      MATCH (b:Person {key: coalesce(q.canonicalKey, q.key)})-[g:REGISTERED_AT]->(a)
      WHERE b.key <> person AND g.start <= $asOf AND (g.end IS NULL OR g.end > $asOf) }} AS item
  UNION ALL
  MATCH (a:Address)<-[:CONCERNS]-(z:Case)-[:CONCERNS]->(r:Person)
  RETURN coalesce(r.canonicalKey, r.key) AS person, a, {kind: 'case', id: z.caseId,
    caseType: z.caseType, result: z.result, date: z.start, sources: [z.source]} AS item
  UNION ALL
  MATCH (a:Address)<-[w:OWNS]-(r:Person)
  WHERE w.end IS NULL OR w.end > $asOf
  RETURN coalesce(r.canonicalKey, r.key) AS person, a, {kind: 'owner', id: a.key,
    owned: COUNT { (r)-[v:OWNS]->() WHERE v.end IS NULL OR v.end > $asOf },
    sources: [w.source]} AS item
}
WITH person, a, collect(item) AS items
WHERE 'woonfunctie' IN coalesce(a.uses, [])
MATCH (p:Person {key: person})
WHERE NOT EXISTS {
  MATCH (x:Person)-[g:REGISTERED_AT]->(a)
  WHERE (x = p OR x.canonicalKey = person) AND g.start <= $asOf AND (g.end IS NULL OR g.end > $asOf) }
OPTIONAL MATCH (p)-[g:REGISTERED_AT]->(home:Address)
WHERE g.start <= $asOf AND (g.end IS NULL OR g.end > $asOf)
RETURN person, a.key AS address, a.label AS label, items, p.registry AS registry,
  collect(home.key) AS registeredAt, collect(DISTINCT g.source) AS registrationSources
