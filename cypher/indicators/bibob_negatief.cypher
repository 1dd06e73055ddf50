// name: indicators/bibob_negatief
// description: Permits decided in the window with a negative Bibob advice: flags the address the
// description: permit is for and its holder (company, or the canonical person).
// params: asOf, advice, years
MATCH (v:Permit)-[:FOR_ADDRESS]->(a:Address)
WHERE v.bibob IN keys($advice) AND v.decisionDate <= $asOf
  AND v.decisionDate > $asOf - duration({years: $years})
OPTIONAL MATCH (v)-[:HELD_BY]->(h)
WITH v, a, h, $advice[v.bibob] AS weight,
  {advice: v.bibob, permitKind: v.kind, permitId: v.permitId, status: v.status,
   decided: v.decisionDate} AS facts
CALL (v, a, h, weight, facts) {
  RETURN a.key AS subject, 'Address' AS label
  UNION
  WITH h WHERE h IS NOT NULL
  RETURN CASE WHEN h:Person THEN coalesce(h.canonicalKey, h.key) ELSE h.key END AS subject,
    CASE WHEN h:Person THEN 'Person' ELSE 'Company' END AS label
}
// One flag per subject: the strongest advice.
WITH subject, label, weight, facts ORDER BY weight DESC
WITH subject, label, collect({weight: weight, facts: facts})[0] AS best
RETURN subject, label, best.weight AS strength, best.facts AS facts
