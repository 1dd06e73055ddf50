// name: indicators/risicomelding
// description: Addresses with signals in a risk category in the recent window (unreliable ones
// description: excepted); one signal gives half strength, two or more full strength.
// params: asOf, categories, windowDays, unreliable
MATCH (s:Signal)-[:ABOUT]->(a:Address)
WHERE s.category IN $categories AND s.date <= $asOf
  AND s.date > $asOf - duration({days: $windowDays})
  AND NOT coalesce(s.reliability, '') IN $unreliable
WITH a, collect(s) AS signals
RETURN a.key AS subject, 'Address' AS label,
  CASE WHEN size(signals) >= 2 THEN 1.0 ELSE 0.5 END AS strength,
  {count: size(signals), categories: apoc.coll.toSet([s IN signals | s.category]),
   signals: [s IN signals | s.signalId][..20]} AS facts
