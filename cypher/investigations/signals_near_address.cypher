// name: investigations/signals_near_address
// description: Signals about addresses within a radius (metres, RD coordinates) of an address in
// description: a period, nearest first.
// title: Meldingen in de buurt van een adres
// roles: officer, case_preparer, analyst
// persons: yes
// param: nummeraanduiding_id string -- BAG nummeraanduiding van het adres
// param: straal integer = 250 -- straal in meters
// param: van date = 2020-01-01 -- vanaf datum
// param: tot date = 2030-12-31 -- tot en met datum
// limit: 1000
// timeout: 10
MATCH (a:Address {nummeraanduidingId: $nummeraanduiding_id})
WHERE a.x IS NOT NULL
MATCH (s:Signal)-[:ABOUT]->(b:Address)
WHERE s.date >= $van AND s.date <= $tot AND b.x IS NOT NULL
  AND abs(b.x - a.x) <= $straal AND abs(b.y - a.y) <= $straal
WITH s, b, round(point.distance(point({x: a.x, y: a.y}), point({x: b.x, y: b.y}))) AS afstand
WHERE afstand <= $straal
RETURN s AS melding, b AS adres, afstand, s.date AS datum, s.category AS categorie
ORDER BY afstand, datum DESC
