// name: investigations/overcrowded_addresses
// description: Dwellings with many current residents (woonadres) for their floor area.
// title: Overbewoning: veel bewoners per m²
// roles: officer, case_preparer, analyst
// persons: no
// param: min_persons integer = 6 -- minstens zoveel ingeschreven bewoners
// param: max_m2_per_person float = 12.0 -- hoogstens zoveel m² per bewoner
// limit: 1000
// timeout: 15
MATCH (a:Address)<-[r:REGISTERED_AT]-(p:Person)
WHERE r.end IS NULL AND r.kind = 'W'
WITH a, count(DISTINCT p) AS bewoners
WHERE bewoners >= $min_persons AND a.floorArea IS NOT NULL
  AND a.floorArea / toFloat(bewoners) <= $max_m2_per_person
RETURN a AS adres, bewoners, a.floorArea AS oppervlakte,
  round(a.floorArea / toFloat(bewoners), 1) AS m2_per_bewoner
ORDER BY m2_per_bewoner
