// name: networks/roles
// description: Every role a (canonical) person holds in a company, with its period: the network
// description: boundary ties two officers of a company only when their roles overlap in time.
MATCH (r:Person)-[o:OFFICER_OF]->(c:Company)
RETURN coalesce(r.canonicalKey, r.key) AS person, c.key AS company, o.start AS start,
  o.end AS end
