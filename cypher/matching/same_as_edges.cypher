// name: matching/same_as_edges
// description: Every SAME_AS judgement, for deriving canonical persons.
MATCH (a:Person)-[r:SAME_AS]->(b:Person)
RETURN a.key AS left, b.key AS right, r.judgement AS judgement, r.score AS score, r.by AS by
