// name: collab/watches_checked
// description: Every watch has been told what was news up to $at, and its score as it is now.
// params: at
MATCH (:WatchList)-[w:WATCHES]->(n)
SET w.checkedAt = $at, w.lastScore = n.score
RETURN count(w) AS checked
