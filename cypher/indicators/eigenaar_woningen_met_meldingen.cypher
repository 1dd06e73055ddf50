// name: indicators/eigenaar_woningen_met_meldingen
// description: Owners (BRK; the canonical person, or a company) of several dwellings of which
// description: enough, absolutely and as a share, had risk-category signals in the recent window.
// params: asOf, minDwellings, minWithSignals, minShare, categories, windowDays
MATCH (o)-[w:OWNS]->(a:Address)
WHERE w.start <= $asOf AND (w.end IS NULL OR w.end > $asOf) AND 'woonfunctie' IN a.uses
WITH CASE WHEN o:Person THEN coalesce(o.canonicalKey, o.key) ELSE o.key END AS subject,
  CASE WHEN o:Person THEN 'Person' ELSE 'Company' END AS label, collect(DISTINCT a) AS dwellings
WHERE size(dwellings) >= $minDwellings
CALL (dwellings) {
  UNWIND dwellings AS a
  WITH a WHERE EXISTS {
    MATCH (s:Signal)-[:ABOUT]->(a)
    WHERE s.category IN $categories AND s.date <= $asOf
      AND s.date > $asOf - duration({days: $windowDays})
  }
  RETURN collect(a.key) AS withSignals
}
WITH subject, label, size(dwellings) AS owned, withSignals
WHERE size(withSignals) >= $minWithSignals AND toFloat(size(withSignals)) / owned >= $minShare
WITH subject, label, owned, withSignals, toFloat(size(withSignals) - $minWithSignals + 1) / 3 AS raw
RETURN subject, label, CASE WHEN raw > 1.0 THEN 1.0 ELSE raw END AS strength,
  {dwellings: owned, withSignals: size(withSignals), addresses: withSignals[..20]} AS facts
