// name: neighbourhoods/figures
// description: The delivered neighbourhood figures (buurt_cijfers: police, municipal and CBS counts
// description: per buurt and period), leaving out files in `hidden`.
// params: hidden
MATCH (f:NeighbourhoodFigure)-[:FOR_NEIGHBOURHOOD]->(n:Neighbourhood)
WHERE NOT coalesce(f.source, '') IN $hidden
RETURN n.buurtcode AS buurtcode, f.period AS period, f.channel AS channel, f.category AS category,
  f.value AS value
