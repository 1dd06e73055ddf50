// name: matching/address_mentions
// description: Free-text address mentions without a BAG key: signals with an address text (and
// description: how it is linked now) and KvK establishment rows the loader could not match.
CALL () {
  MATCH (s:Signal) WHERE s.addressText IS NOT NULL
    AND NOT EXISTS { (s)-[:ABOUT {matchMethod: 'key'}]->(:Address) }
  RETURN 'signal' AS holder, s.signalId AS id, s.loadId AS loadId,
    [s.source + '\t' + toString(s.record) + '\t' + s.addressText] AS mentions,
    COLLECT { MATCH (s)-[r:ABOUT]->(a:Address) RETURN r.matchMethod } AS methods
  UNION ALL
  MATCH (c:Company) WHERE c.addressMentions IS NOT NULL
  RETURN 'company' AS holder, c.kvkNumber AS id, c.loadId AS loadId,
    c.addressMentions AS mentions,
    COLLECT { MATCH (c)-[r:ESTABLISHED_AT]->(a:Address) WHERE r.matchMethod = 'fuzzy' RETURN r.record } AS methods
}
RETURN holder, id, loadId, mentions, methods
