// name: matching/pair
// description: The SAME_AS judgement between two persons in either direction, if any.
// params: left, right
MATCH (a:Person {key: $left})-[r:SAME_AS]-(b:Person {key: $right})
RETURN startNode(r).key AS left, endNode(r).key AS right, r.judgement AS judgement, r.by AS by
