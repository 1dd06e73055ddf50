// name: neighbourhoods/snapshot
// description: Per buurt on the reference date: dwellings where nobody is registered (vacancy),
// description: active companies in a risk branch, and addresses scoring at least `high` (counts only).
// params: asOf, hidden, riskCodes, high
MATCH (n:Neighbourhood)
CALL (n) {
  OPTIONAL MATCH (a:Address)-[:IN_NEIGHBOURHOOD]->(n)
  WHERE NOT coalesce(a.source, '') IN $hidden
  RETURN count(CASE WHEN 'woonfunctie' IN a.uses AND NOT EXISTS {
      MATCH (:Person)-[r:REGISTERED_AT {kind: 'W'}]->(a)
      WHERE r.start <= $asOf AND (r.end IS NULL OR r.end > $asOf) AND NOT coalesce(r.source, '') IN $hidden
    } THEN 1 END) AS vacant,
    count(CASE WHEN a.score >= $high THEN 1 END) AS high
}
CALL (n) {
  OPTIONAL MATCH (c:Company)-[:ESTABLISHED_AT]->(:Address)-[:IN_NEIGHBOURHOOD]->(n)
  WHERE c.sbiCode IN $riskCodes AND c.founded <= $asOf AND (c.dissolved IS NULL OR c.dissolved > $asOf)
    AND NOT coalesce(c.source, '') IN $hidden
  RETURN count(DISTINCT c) AS risk
}
RETURN n.buurtcode AS buurtcode, vacant, risk, high
ORDER BY buurtcode
