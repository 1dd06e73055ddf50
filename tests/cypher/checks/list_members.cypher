// name: checks/list_members
// description: The entities a mapped list names, with how each was found.
// params: key
MATCH (l:List {key: $key})-[r:LISTS]->(x)
RETURN x.key AS member, r.matchMethod AS method, l.name AS list
ORDER BY member
