// name: collab/watches_checked
// description: Each watch read by collab/news has been told its news: it now knows every fact that was
// description: linked at that read, and the score it was told against. A fact linked after the read
// description: is not known, so the next round tells it.
// params: rows ({watch, known, score}), at
UNWIND $rows AS row
MATCH (:WatchList)-[w:WATCHES]->()
WHERE elementId(w) = row.watch
SET w.checkedAt = $at, w.lastScore = row.score, w.known = row.known
RETURN count(w) AS checked
