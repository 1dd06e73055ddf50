// name: neighbourhoods/monthly
// description: Counts per buurt and month derived from the graph: signals and cases about its
// description: addresses, cases that found a violation (by start), BRP registrations starting and ending there
// description: (woonadres), and risk-branch companies founded there. Facts of a file in `hidden`
// description: are left out; months from `from` up to (not including) `until`.
// params: from, until, hidden, riskCodes
CALL () {
  MATCH (s:Signal)-[:ABOUT]->(a:Address)-[:IN_NEIGHBOURHOOD]->(n:Neighbourhood)
  WHERE s.date >= $from AND s.date < $until AND NOT coalesce(s.source, '') IN $hidden
  RETURN n.buurtcode AS buurtcode, 'meldingen' AS category, substring(toString(s.date), 0, 7) AS period,
    count(DISTINCT s) AS value
  UNION ALL
  MATCH (z:Case)-[:CONCERNS]->(a:Address)-[:IN_NEIGHBOURHOOD]->(n:Neighbourhood)
  WHERE z.start >= $from AND z.start < $until AND NOT coalesce(z.source, '') IN $hidden
  RETURN n.buurtcode AS buurtcode, 'zaken' AS category, substring(toString(z.start), 0, 7) AS period,
    count(DISTINCT z) AS value
  UNION ALL
  MATCH (z:Case)-[:CONCERNS]->(a:Address)-[:IN_NEIGHBOURHOOD]->(n:Neighbourhood)
  WHERE z.result = 'overtreding' AND z.start >= $from AND z.start < $until
    AND NOT coalesce(z.source, '') IN $hidden
  RETURN n.buurtcode AS buurtcode, 'overtredingen' AS category,
    substring(toString(z.start), 0, 7) AS period, count(DISTINCT z) AS value
  UNION ALL
  MATCH (:Person)-[r:REGISTERED_AT {kind: 'W'}]->(a:Address)-[:IN_NEIGHBOURHOOD]->(n:Neighbourhood)
  WHERE r.start >= $from AND r.start < $until AND NOT coalesce(r.source, '') IN $hidden
  RETURN n.buurtcode AS buurtcode, 'inschrijvingen' AS category, substring(toString(r.start), 0, 7) AS period,
    count(r) AS value
  UNION ALL
  MATCH (:Person)-[r:REGISTERED_AT {kind: 'W'}]->(a:Address)-[:IN_NEIGHBOURHOOD]->(n:Neighbourhood)
  WHERE r.end >= $from AND r.end < $until AND NOT coalesce(r.source, '') IN $hidden
  RETURN n.buurtcode AS buurtcode, 'uitschrijvingen' AS category, substring(toString(r.end), 0, 7) AS period,
    count(r) AS value
  UNION ALL
  MATCH (c:Company)-[e:ESTABLISHED_AT]->(a:Address)-[:IN_NEIGHBOURHOOD]->(n:Neighbourhood)
  WHERE c.sbiCode IN $riskCodes AND c.founded >= $from AND c.founded < $until
    AND NOT coalesce(c.source, '') IN $hidden
  RETURN n.buurtcode AS buurtcode, 'nieuwe risicobranchebedrijven' AS category,
    substring(toString(c.founded), 0, 7) AS period, count(DISTINCT c) AS value
}
RETURN buurtcode, category, period, value
