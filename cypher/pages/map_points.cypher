// name: pages/map_points
// description: Addresses with a score above zero and coordinates, highest first, for the map.
// params: limit
MATCH (a:Address)
WHERE a.score > 0 AND a.lat IS NOT NULL AND a.lon IS NOT NULL
RETURN a.nummeraanduidingId AS id, a.label AS label, a.score AS score, a.lat AS lat, a.lon AS lon,
  a.source AS file, a.loadId AS loadId
ORDER BY a.score DESC, a.key
LIMIT $limit
