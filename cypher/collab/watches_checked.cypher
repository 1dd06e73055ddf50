// name: collab/watches_checked
// description: Each watch read by collab/news has been told its news: it now knows every fact it knew
// description: or was told of (kept only while still linked), and the score it was told against.
// description: A fact linked after that read is in neither list, so the next round tells it. A watch
// description: from before `known` knew what collab/news did not tell by load time.
// params: rows ({watch, told, score}), at
UNWIND $rows AS row
MATCH (:WatchList)-[w:WATCHES]->(n)
WHERE elementId(w) = row.watch
CALL (w, n) {
  OPTIONAL MATCH (f)-[r:ABOUT|CONCERNS|FOR_ADDRESS|HELD_BY]->(n)
  WHERE f:Signal OR f:Case OR f:Permit
  WITH w, f, r, CASE WHEN f:Signal THEN 'signal:' + f.signalId WHEN f:Case THEN 'case:' + f.caseId
    WHEN f:Permit THEN 'permit:' + f.permitId END AS fact
  RETURN collect(fact) AS linked,
    collect(CASE WHEN f.loadedAt > w.checkedAt OR r.loadedAt > w.checkedAt THEN null ELSE fact END) AS before
}
SET w.checkedAt = $at, w.lastScore = row.score,
  w.known = [fact IN coalesce(w.known, before) + row.told WHERE fact IN linked]
RETURN count(w) AS checked
