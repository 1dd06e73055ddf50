// name: matching/address_signal_write
// description: Store the address matcher's result for a signal's free-text address: the judged
// description: candidate as ADDRESS_MATCH, and (positive) the ABOUT link with method fuzzy;
// description: an unresolved one keeps its reason in addressNote. Earlier machine results go.
// params: rows ({id, record, text, key, score, judgement, reason}), runId, at
UNWIND $rows AS row
MATCH (s:Signal {signalId: row.id})
CALL (s) {
  MATCH (s)-[old:ADDRESS_MATCH {by: 'speurnet'}]->(:Address) DELETE old
}
CALL (s) {
  MATCH (s)-[old:ABOUT {matchMethod: 'fuzzy'}]->(:Address) DELETE old
}
SET s.addressNote = CASE WHEN row.judgement = 'positive' THEN null ELSE row.reason END
WITH s, row WHERE row.key IS NOT NULL
MATCH (a:Address {key: row.key})
CREATE (s)-[m:ADDRESS_MATCH {mention: row.record, text: row.text, score: row.score,
  judgement: row.judgement, method: 'address-matcher', by: 'speurnet', at: $at, reason: row.reason,
  source: s.source, loadId: $runId, rowKey: s.rowKey, record: s.record, loadedAt: $at}]->(a)
FOREACH (_ IN CASE WHEN row.judgement = 'positive' THEN [1] ELSE [] END |
  MERGE (s)-[r:ABOUT]->(a)
  ON CREATE SET r.matchMethod = 'fuzzy', r.matchScore = row.score, r.source = s.source,
    r.loadId = $runId, r.rowKey = s.rowKey, r.record = s.record, r.loadedAt = $at)
RETURN count(*) AS written
