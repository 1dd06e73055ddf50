// name: collab/news
// description: For every watch: the signals, cases and permits linked to the watched entity that the
// description: watch does not know yet (`w.known`, the facts told or already there when watching began),
// description: every fact linked now (what it knows once told), and its score then and now. A watch
// description: from before `known` existed goes by load time.
MATCH (l:WatchList)-[w:WATCHES]->(n)
CALL (w, n) {
  OPTIONAL MATCH (f)-[r:ABOUT|CONCERNS|FOR_ADDRESS|HELD_BY]->(n)
  WHERE f:Signal OR f:Case OR f:Permit
  WITH w, f, r, CASE WHEN f:Signal THEN 'signal:' + f.signalId WHEN f:Case THEN 'case:' + f.caseId
    WHEN f:Permit THEN 'permit:' + f.permitId END AS fact
  WITH f, fact, CASE WHEN f IS NULL THEN false
    WHEN w.known IS NULL THEN f.loadedAt > w.checkedAt OR r.loadedAt > w.checkedAt
    ELSE NOT fact IN w.known END AS new
  RETURN collect(fact) AS linked,
    collect(CASE WHEN new THEN {labels: labels(f), id: coalesce(f.signalId, f.caseId, f.permitId),
      fact: fact, category: coalesce(f.category, f.caseType, f.kind),
      date: coalesce(f.date, f.start, f.decisionDate), source: f.source, loadId: f.loadId} END) AS facts
}
RETURN elementId(w) AS watch, l.listId AS listId, l.owner AS owner, l.team AS team, n.key AS key,
  n.networkId AS networkId, labels(n) AS labels, coalesce(n.label, n.name, n.fullName, n.key) AS label,
  w.lastScore AS lastScore, n.score AS score, facts, linked
