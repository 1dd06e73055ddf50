// name: matching/same_as_prune
// description: Remove machine-only SAME_AS pairs touching the re-scored persons that scoring no
// description: longer proposes (their data changed); pairs an analyst judged always stay.
// params: keys (re-scored person keys), keep (kept pairs as "left|right")
MATCH (a:Person)-[r:SAME_AS]->(b:Person)
WHERE r.by = 'speurnet' AND (a.key IN $keys OR b.key IN $keys)
  AND NOT (a.key + '|' + b.key) IN $keep
DELETE r
RETURN count(*) AS removed
