// name: neighbourhoods/buurten
// description: Every CBS buurt with its name and wijk, and how many addresses and dwellings of a
// description: visible BAG source lie in it (aggregates only; no address is returned).
// params: hidden
MATCH (n:Neighbourhood)
CALL (n) {
  OPTIONAL MATCH (a:Address)-[:IN_NEIGHBOURHOOD]->(n)
  WHERE NOT coalesce(a.source, '') IN $hidden
  RETURN count(a) AS addresses, count(CASE WHEN 'woonfunctie' IN a.uses THEN 1 END) AS dwellings
}
RETURN n.buurtcode AS buurtcode, n.name AS name, n.wijkcode AS wijkcode, n.gemeentecode AS gemeentecode,
  addresses, dwellings
ORDER BY buurtcode
