// name: matching/address_company_write
// description: Store the address matcher's results for a company's unmatched KvK rows: the
// description: judged candidate as ADDRESS_MATCH and (positive) the ESTABLISHED_AT link with
// description: method fuzzy; unresolved rows keep their reason in addressNotes.
// params: rows ({id, mentions: [{record, source, establishment, text, key, score, judgement, reason}]}), runId, at
UNWIND $rows AS row
MATCH (c:Company {kvkNumber: row.id})
CALL (c) {
  MATCH (c)-[old:ADDRESS_MATCH {by: 'speurnet'}]->(:Address) DELETE old
}
CALL (c) {
  MATCH (c)-[old:ESTABLISHED_AT {matchMethod: 'fuzzy'}]->(:Address) DELETE old
}
SET c.addressNotes = [m IN row.mentions WHERE m.judgement <> 'positive' | toString(m.record) + '\t' + m.reason]
WITH c, row
UNWIND row.mentions AS mention
WITH c, mention WHERE mention.key IS NOT NULL
MATCH (a:Address {key: mention.key})
CREATE (c)-[m:ADDRESS_MATCH {mention: mention.record, text: mention.text, score: mention.score,
  judgement: mention.judgement, method: 'address-matcher', by: 'speurnet', at: $at,
  reason: mention.reason, source: mention.source, loadId: $runId, rowKey: c.rowKey,
  record: mention.record, loadedAt: $at}]->(a)
FOREACH (_ IN CASE WHEN mention.judgement = 'positive' THEN [1] ELSE [] END |
  MERGE (c)-[e:ESTABLISHED_AT {establishmentNumber: mention.establishment}]->(a)
  ON CREATE SET e.matchMethod = 'fuzzy', e.matchScore = mention.score, e.start = c.founded,
    e.end = c.dissolved, e.source = mention.source, e.loadId = $runId, e.rowKey = c.rowKey,
    e.record = mention.record, e.loadedAt = $at)
RETURN count(*) AS written
