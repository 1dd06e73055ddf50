// name: indicators/meldingen_cluster
// description: Addresses with several signals (other than `ignore` categories) within spanDays of
// description: each other in the recent window; strength grows with the largest such cluster.
// params: asOf, spanDays, minCluster, windowDays, ignore
MATCH (s:Signal)-[:ABOUT]->(a:Address)
WHERE s.date <= $asOf AND s.date > $asOf - duration({days: $windowDays})
  AND NOT s.category IN $ignore
WITH a, s ORDER BY s.date
WITH a, collect(s) AS signals
WHERE size(signals) >= $minCluster
// The largest number of signals that fall within spanDays after any one of them.
WITH a, signals, [i IN range(0, size(signals) - 1) |
  size([t IN signals[i..] WHERE t.date <= signals[i].date + duration({days: $spanDays})])] AS runs
WITH a, signals, apoc.coll.max(runs) AS cluster
WHERE cluster >= $minCluster
WITH a, signals, cluster, toFloat(cluster - $minCluster + 1) / 3 AS raw
RETURN a.key AS subject, 'Address' AS label,
  CASE WHEN raw > 1.0 THEN 1.0 ELSE raw END AS strength,
  {cluster: cluster, days: $spanDays,
   categories: apoc.coll.toSet([s IN signals | s.category]),
   channels: apoc.coll.toSet([s IN signals | s.channel]),
   signals: [s IN signals | s.signalId][..20]} AS facts
