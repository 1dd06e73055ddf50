// name: neighbourhoods/map_cells
// description: Squares of `cell` metres (RD New) holding addresses, with how many addresses of each
// description: buurt fall in the square: the map is drawn from these squares, never from an address.
// params: cell, hidden
MATCH (a:Address)-[:IN_NEIGHBOURHOOD]->(n:Neighbourhood)
WHERE a.x IS NOT NULL AND a.y IS NOT NULL AND NOT coalesce(a.source, '') IN $hidden
RETURN toInteger(floor(a.x / $cell)) AS col, toInteger(floor(a.y / $cell)) AS row,
  n.buurtcode AS buurtcode, count(a) AS addresses
