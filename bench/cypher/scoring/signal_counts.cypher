// name: scoring/signal_counts
// description: The number of signals about each address up to the reference date: the baseline a
// description: score must beat (rank by number of signals).
// params: asOf
MATCH (s:Signal)-[:ABOUT]->(a:Address)
WHERE s.date <= $asOf
RETURN a.key AS key, count(s) AS signals
ORDER BY key
