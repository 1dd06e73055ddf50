// name: indicators/energie_afwijkend
// description: Dwellings whose electricity use in the last complete year is at least `ratio` times
// description: the median of dwellings with as many registered residents (6 or more: one group).
// params: asOf, ratio, minKwh, fullRatio
CALL () {
  MATCH (u:UtilityUse) WHERE u.year < $asOf.year
  RETURN max(u.year) AS year
}
MATCH (u:UtilityUse {year: year})-[:FOR_ADDRESS]->(a:Address)
WHERE u.electricityKwh IS NOT NULL AND 'woonfunctie' IN a.uses
CALL (a) {
  OPTIONAL MATCH (p:Person)-[r:REGISTERED_AT {kind: 'W'}]->(a)
  WHERE r.start <= $asOf AND (r.end IS NULL OR r.end > $asOf)
  RETURN count(DISTINCT p) AS residents
}
WITH year, a, u.electricityKwh AS kwh, residents, CASE WHEN residents > 6 THEN 6 ELSE residents END AS peers
WITH year, peers, percentileCont(kwh, 0.5) AS median, collect({a: a, kwh: kwh, residents: residents}) AS rows
UNWIND rows AS row
WITH year, median, row.a AS a, row.kwh AS kwh, row.residents AS residents
WHERE median > 0 AND kwh >= $minKwh AND kwh >= $ratio * median
CALL (a) {
  MATCH (h:UtilityUse)-[:FOR_ADDRESS]->(a)
  WITH h ORDER BY h.year
  RETURN collect({year: h.year, kwh: h.electricityKwh}) AS history
}
WITH a, year, kwh, median, residents, history, log(kwh / median) / log($fullRatio) AS raw
RETURN a.key AS subject, 'Address' AS label,
  CASE WHEN raw > 1.0 THEN 1.0 ELSE raw END AS strength,
  {kwh: kwh, year: year, ratio: round(kwh / median, 1), median: round(median), residents: residents,
   history: history} AS facts
