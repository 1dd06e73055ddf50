// name: scoring/monitor_scores
// description: How many addresses, canonical persons and companies fall in each score band: band 0
// description: is a score of 0, band i > 0 a score above 0 that passes i - 1 of the `bands` bounds.
// params: bands (ascending lower bounds above 0)
MATCH (n)
WHERE n:Address OR n:Company OR (n:Person AND coalesce(n.canonicalKey, n.key) = n.key)
WITH labels(n)[0] AS label, coalesce(n.score, 0.0) AS score
WITH label, CASE WHEN score = 0 THEN 0 ELSE 1 + size([b IN $bands WHERE score >= b]) END AS band
RETURN label, band, count(*) AS count
ORDER BY label, band
