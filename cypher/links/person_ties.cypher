// name: links/person_ties
// description: Known ties between canonical persons, the graph associates are predicted on: officers
// description: of one company, residents of one address at the same time (addresses with at most
// description: $maxResidents registrations: a hostel is no household), current co-owners, and
// description: persons named in one signal or one case; `sources` are the files stating those ties.
// params: asOf, maxResidents
CALL () {
  MATCH (r1:Person)-[o1:OFFICER_OF]->(c:Company)<-[o2:OFFICER_OF]-(r2:Person)
  RETURN coalesce(r1.canonicalKey, r1.key) AS a, coalesce(r2.canonicalKey, r2.key) AS b,
    'officer' AS kind, c.key AS via, [o1.source, o2.source] AS files
  UNION ALL
  MATCH (x:Address)<-[g:REGISTERED_AT]-(p:Person)
  WITH x, collect({p: coalesce(p.canonicalKey, p.key), start: g.start, end: g.end,
    file: g.source}) AS regs
  WHERE 1 < size(regs) <= $maxResidents
  UNWIND regs AS r1
  UNWIND regs AS r2
  WITH x, r1, r2 WHERE r1.p < r2.p AND r1.start < coalesce(r2.end, date('9999-12-31'))
    AND r2.start < coalesce(r1.end, date('9999-12-31'))
  RETURN r1.p AS a, r2.p AS b, 'resident' AS kind, x.key AS via, [r1.file, r2.file] AS files
  UNION ALL
  MATCH (r1:Person)-[w1:OWNS]->(x:Address)<-[w2:OWNS]-(r2:Person)
  WHERE (w1.end IS NULL OR w1.end > $asOf) AND (w2.end IS NULL OR w2.end > $asOf)
  RETURN coalesce(r1.canonicalKey, r1.key) AS a, coalesce(r2.canonicalKey, r2.key) AS b,
    'owner' AS kind, x.key AS via, [w1.source, w2.source] AS files
  UNION ALL
  MATCH (r1:Person)<-[:ABOUT|CONCERNS]-(s)-[:ABOUT|CONCERNS]->(r2:Person)
  WHERE s:Signal OR s:Case
  RETURN coalesce(r1.canonicalKey, r1.key) AS a, coalesce(r2.canonicalKey, r2.key) AS b,
    'mention' AS kind, coalesce(s.signalId, s.caseId) AS via, [s.source] AS files
}
WITH a, b, kind, via, files WHERE a < b
UNWIND files AS file
WITH a, b, kind, via, file
RETURN a, b, collect(DISTINCT kind) AS kinds, collect(DISTINCT via)[..5] AS via,
  collect(DISTINCT file) AS sources
