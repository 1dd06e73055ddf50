// name: collab/news
// description: For every watch: the signals, cases and permits linked to the watched entity since the
// description: watch was last checked (by the fact's or the link's load time), and its score then and now.
MATCH (l:WatchList)-[w:WATCHES]->(n)
CALL (w, n) {
  OPTIONAL MATCH (f)-[r:ABOUT|CONCERNS|FOR_ADDRESS|HELD_BY]->(n)
  WHERE (f:Signal OR f:Case OR f:Permit)
    AND (f.loadedAt > w.checkedAt OR r.loadedAt > w.checkedAt)
  RETURN collect(CASE WHEN f IS NOT NULL THEN {labels: labels(f), id: coalesce(f.signalId, f.caseId, f.permitId),
    category: coalesce(f.category, f.caseType, f.kind), date: coalesce(f.date, f.start, f.decisionDate),
    source: f.source, loadId: f.loadId} END) AS facts
}
RETURN l.listId AS listId, l.owner AS owner, l.team AS team, n.key AS key, n.networkId AS networkId,
  labels(n) AS labels, coalesce(n.label, n.name, n.fullName, n.key) AS label, w.lastScore AS lastScore,
  n.score AS score, facts
