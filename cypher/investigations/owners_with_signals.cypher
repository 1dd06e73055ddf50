// name: investigations/owners_with_signals
// description: Owners (persons or companies, BRK) of several dwellings that have signals about
// description: them, with the categories.
// title: Eigenaren van meerdere woningen met meldingen
// roles: case_preparer, analyst
// persons: yes
// param: min_dwellings integer = 2 -- minstens zoveel woningen in bezit
// param: min_signals integer = 1 -- minstens zoveel meldingen over die woningen
// limit: 1000
// timeout: 15
MATCH (o)-[w:OWNS]->(a:Address)
WHERE w.end IS NULL
WITH o, collect(DISTINCT a) AS woningen
WHERE size(woningen) >= $min_dwellings
UNWIND woningen AS a
OPTIONAL MATCH (s:Signal)-[:ABOUT]->(a)
WITH o, woningen, collect(DISTINCT s) AS meldingen
WHERE size(meldingen) >= $min_signals
RETURN o AS eigenaar, size(woningen) AS aantal_woningen, size(meldingen) AS aantal_meldingen,
  apoc.coll.toSet([s IN meldingen | s.category]) AS categorieen, woningen
ORDER BY aantal_meldingen DESC
