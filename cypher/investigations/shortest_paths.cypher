// name: investigations/shortest_paths
// description: All shortest chains of facts (at most 6 hops) between two subjects, not through
// description: a shared CBS buurt.
// title: Kortste verbindingen tussen twee subjecten
// roles: case_preparer, analyst
// persons: yes
// param: van key -- sleutel van het eerste subject (adres:, bsn:, person:, kvk: of pseudo:)
// param: naar key -- sleutel van het tweede subject
// limit: 25
// timeout: 15
CALL () {
  MATCH (n:Address {key: $van}) RETURN n
  UNION MATCH (n:Person {key: $van}) RETURN n
  UNION MATCH (n:Company {key: $van}) RETURN n
}
WITH n AS a
CALL () {
  MATCH (n:Address {key: $naar}) RETURN n
  UNION MATCH (n:Person {key: $naar}) RETURN n
  UNION MATCH (n:Company {key: $naar}) RETURN n
}
WITH a, n AS b
WHERE a <> b
MATCH p = ALL SHORTEST (a)(()--(:!Neighbourhood&!NeighbourhoodFigure&!Flag)){1,6}(b)
RETURN p AS pad, length(p) AS lengte
