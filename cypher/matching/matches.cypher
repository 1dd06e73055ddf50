// name: matching/matches
// description: The `matches` export: every person or address mention in a source row that gives
// description: no registry key for it, with the entity it was resolved to, score and judgement
// description: (plus method, candidate and reason). KvK officers and persons named in signals are
// description: person mentions; signal free-text addresses and KvK rows without a BAG key are
// description: address mentions, and so are the names and free-text addresses of mapped lists.
// description: Company mentions in the contract always carry a KvK number.
CALL () {
  MATCH (p:Person {registry: 'kvk'})-[o:OFFICER_OF]->(:Company)
  UNWIND coalesce(o.records, [o.record]) AS number
  RETURN o.source + '#' + toString(number) + ':person' AS record,
    coalesce(p.canonicalKey, p.key) AS entity, coalesce(p.matchScore, 1.0) AS score,
    coalesce(p.matchJudgement, 'positive') AS judgement, 'person' AS method,
    p.matchCandidate AS candidate, null AS reason
  UNION ALL
  MATCH (:Signal)-[r:ABOUT]->(p:Person {registry: 'melding'})
  RETURN r.source + '#' + toString(r.record) + ':person' AS record,
    coalesce(p.canonicalKey, p.key) AS entity, coalesce(p.matchScore, 1.0) AS score,
    coalesce(p.matchJudgement, 'positive') AS judgement, 'person' AS method,
    p.matchCandidate AS candidate, null AS reason
  UNION ALL
  MATCH (s:Signal) WHERE s.addressText IS NOT NULL
    AND NOT EXISTS { (s)-[:ABOUT {matchMethod: 'key'}]->(:Address) }
  OPTIONAL CALL (s) {
    MATCH (s)-[r:ABOUT]->(a:Address) WHERE r.matchMethod IN ['exact', 'fuzzy']
    RETURN a.key AS linked, r.matchMethod AS how, coalesce(r.matchScore, 1.0) AS linkScore LIMIT 1
  }
  OPTIONAL CALL (s) {
    MATCH (s)-[m:ADDRESS_MATCH]->(a:Address)
    RETURN a.key AS candidate, m.score AS candidateScore, m.reason AS why
    ORDER BY m.score DESC LIMIT 1
  }
  RETURN s.source + '#' + toString(s.record) + ':address' AS record,
    coalesce(linked, candidate) AS entity, coalesce(linkScore, candidateScore, 0.0) AS score,
    CASE WHEN linked IS NULL THEN 'unsure' ELSE 'positive' END AS judgement,
    coalesce(how, 'address-matcher') AS method, candidate,
    CASE WHEN how = 'exact' THEN 'exact postcode, number, letter and addition' ELSE coalesce(why, s.addressNote) END AS reason
  UNION ALL
  MATCH (:Company)-[e:ESTABLISHED_AT]->(a:Address) WHERE e.matchMethod IN ['exact', 'fuzzy']
  OPTIONAL CALL (e, a) {
    MATCH (:Company)-[m:ADDRESS_MATCH {mention: e.record}]->(a) RETURN m.reason AS why LIMIT 1
  }
  RETURN e.source + '#' + toString(e.record) + ':address' AS record, a.key AS entity,
    coalesce(e.matchScore, 1.0) AS score, 'positive' AS judgement, e.matchMethod AS method,
    a.key AS candidate,
    CASE WHEN e.matchMethod = 'exact' THEN 'exact postcode, number, letter and addition' ELSE why END AS reason
  UNION ALL
  MATCH (c:Company) WHERE c.addressMentions IS NOT NULL
  UNWIND c.addressMentions AS entry
  WITH c, split(entry, '\t') AS parts
  WITH c, parts[1] AS source, toInteger(parts[2]) AS number
  WHERE NOT EXISTS { MATCH (c)-[e:ESTABLISHED_AT {matchMethod: 'fuzzy'}]->() WHERE e.record = number }
  OPTIONAL CALL (c, number) {
    MATCH (c)-[m:ADDRESS_MATCH {mention: number}]->(a:Address)
    RETURN a.key AS candidate, m.score AS candidateScore, m.reason AS why
    ORDER BY m.score DESC LIMIT 1
  }
  RETURN source + '#' + toString(number) + ':address' AS record, candidate AS entity,
    coalesce(candidateScore, 0.0) AS score, 'unsure' AS judgement, 'address-matcher' AS method,
    candidate,
    coalesce(why, head([n IN coalesce(c.addressNotes, []) WHERE n STARTS WITH toString(number) + '\t' | split(n, '\t')[1]])) AS reason
  UNION ALL
  MATCH (:List)-[r:LISTS {matchMethod: 'record'}]->(p:Person {registry: 'lijst'})
  RETURN r.source + '#' + toString(r.record) + ':person' AS record,
    coalesce(p.canonicalKey, p.key) AS entity, coalesce(p.matchScore, 1.0) AS score,
    coalesce(p.matchJudgement, 'positive') AS judgement, 'person' AS method,
    p.matchCandidate AS candidate, null AS reason
  UNION ALL
  MATCH (:List)-[r:LISTS {matchMethod: 'exact'}]->(a:Address)
  RETURN r.source + '#' + toString(r.record) + ':address' AS record, a.key AS entity,
    1.0 AS score, 'positive' AS judgement, 'exact' AS method, a.key AS candidate,
    'exact postcode, number, letter and addition' AS reason
}
RETURN record, entity, score, judgement, method, candidate, reason
ORDER BY score DESC, record
