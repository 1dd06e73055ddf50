// name: investigations/high_energy_dwellings
// description: Dwellings whose yearly electricity use is far above what a household uses (a
// description: cannabis plantation or an overcrowded dwelling), per m² and in total.
// title: Woningen met zeer hoog stroomverbruik
// roles: officer, case_preparer, analyst
// persons: no
// param: min_kwh integer = 15000 -- minstens zoveel kWh per jaar
// param: jaar integer = 2024 -- het jaar
// limit: 1000
// timeout: 10
MATCH (u:UtilityUse)-[:FOR_ADDRESS]->(a:Address)
WHERE u.year = $jaar AND u.electricityKwh >= $min_kwh AND 'woonfunctie' IN a.uses
RETURN a AS adres, u AS verbruik, u.electricityKwh AS kwh,
  CASE WHEN a.floorArea > 0 THEN round(u.electricityKwh / a.floorArea, 1) END AS kwh_per_m2
ORDER BY kwh DESC
