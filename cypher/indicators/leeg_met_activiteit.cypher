// name: indicators/leeg_met_activiteit
// description: Dwellings where nobody is registered (woonadres) on the reference date, yet the last
// description: complete year shows the energy or water use of an occupied home, an active company is
// description: established there, or a signal came in the last year. Energy weighs most.
// params: asOf, minKwh, minWater
MATCH (a:Address)
WHERE 'woonfunctie' IN a.uses
  AND NOT EXISTS {
    MATCH (:Person)-[r:REGISTERED_AT {kind: 'W'}]->(a)
    WHERE r.start <= $asOf AND (r.end IS NULL OR r.end > $asOf)
  }
CALL (a) {
  OPTIONAL MATCH (u:UtilityUse)-[:FOR_ADDRESS]->(a) WHERE u.year < $asOf.year
  WITH u ORDER BY u.year DESC LIMIT 1
  RETURN u.electricityKwh AS kwh, u.waterM3 AS water
}
CALL (a) {
  OPTIONAL MATCH (c:Company)-[:ESTABLISHED_AT]->(a)
  WHERE c.founded <= $asOf AND (c.dissolved IS NULL OR c.dissolved > $asOf)
  RETURN collect(DISTINCT c.key) AS companies
}
CALL (a) {
  OPTIONAL MATCH (s:Signal)-[:ABOUT]->(a)
  WHERE s.date <= $asOf AND s.date > $asOf - duration({years: 1})
  RETURN collect(DISTINCT s.signalId) AS signals
}
WITH a, kwh, water, companies, signals,
  coalesce(kwh >= $minKwh, false) OR coalesce(water >= $minWater, false) AS used
WHERE used OR size(companies) > 0 OR size(signals) > 0
WITH a, kwh, water, companies, signals,
  (CASE WHEN used THEN 0.6 ELSE 0.0 END) + (CASE WHEN size(companies) > 0 THEN 0.4 ELSE 0.0 END)
  + (CASE WHEN size(signals) > 0 THEN 0.3 ELSE 0.0 END) AS raw,
  [x IN [CASE WHEN used THEN 'verbruik van een bewoonde woning' END,
         CASE WHEN size(companies) > 0 THEN toString(size(companies)) + ' actief bedrijf/bedrijven' END,
         CASE WHEN size(signals) > 0 THEN toString(size(signals)) + ' melding(en) in het laatste jaar' END]
   WHERE x IS NOT NULL] AS activity
RETURN a.key AS subject, 'Address' AS label,
  CASE WHEN raw > 1.0 THEN 1.0 ELSE raw END AS strength,
  {activity: activity, kwh: kwh, waterM3: water, companies: companies, signals: signals} AS facts
