// name: networks/facts
// description: Per candidate network, the facts its score is built from: its companies' lifespans
// description: and branches, who holds how many of its roles (rotating: roles in two or more of its
// description: companies that lived, or so far live, less than $youngDays days: members taking
// description: turns in short-lived companies, not a family running long-standing ones), Bibob outcomes and refused permits,
// description: signals and cases about its members, and the flags this run's indicators wrote on them.
// params: networks ([{id, persons, companies, addresses}]), asOf, youngDays, runId, riskBranches, signalCategories, ownNames
UNWIND $networks AS net
CALL (net) {
  UNWIND net.companies AS key
  MATCH (c:Company {key: key})
  RETURN count(c) AS companies,
    count(CASE WHEN c.dissolved IS NOT NULL AND c.founded IS NOT NULL
      AND duration.inDays(c.founded, c.dissolved).days < 365 THEN 1 END) AS shortLived,
    count(CASE WHEN c.sbiCode IN $riskBranches THEN 1 END) AS riskBranch,
    [b IN collect(DISTINCT c.sbiCode) WHERE b IS NOT NULL] AS branches
}
CALL (net) {
  UNWIND net.companies AS key
  MATCH (c:Company {key: key})<-[:OFFICER_OF]-(r:Person)
  WITH net, coalesce(r.canonicalKey, r.key) AS person, c,
    c.founded IS NOT NULL AND duration.inDays(c.founded, coalesce(c.dissolved, $asOf)).days < $youngDays AS young
  WITH net, person, count(DISTINCT c) AS roles,
    count(DISTINCT CASE WHEN young THEN c END) AS youngRoles
  WHERE person IN net.persons
  RETURN count(CASE WHEN youngRoles >= 2 THEN 1 END) AS rotating, coalesce(max(roles), 0) AS maxRoles
}
CALL (net) {
  CALL (net) {
    UNWIND net.persons AS key
    MATCH (x:Person {canonicalKey: key}) RETURN x
    UNION
    UNWIND net.persons AS key
    MATCH (x:Person {key: key}) RETURN x
    UNION
    UNWIND net.companies AS key
    MATCH (x:Company {key: key}) RETURN x
    UNION
    UNWIND net.addresses AS key
    MATCH (x:Address {key: key}) RETURN x
  }
  OPTIONAL MATCH (x)<-[:ABOUT]-(s:Signal) WHERE s.category IN $signalCategories
  OPTIONAL MATCH (x)<-[:CONCERNS]-(z:Case)
  WHERE z.result = 'overtreding' OR z.caseType IN ['RIEC-casus', 'Bibob-onderzoek']
  OPTIONAL MATCH (x)<-[:HELD_BY]-(v:Permit)
  WHERE v.bibob IN ['mate van gevaar', 'ernstig gevaar'] OR v.status = 'geweigerd'
  OPTIONAL MATCH (x)<-[:FLAGS]-(f:Flag {runId: $runId}) WHERE NOT f.name IN $ownNames
  WITH x, s, z, v, max(f.strength) AS strength
  RETURN collect(DISTINCT s.signalId) AS signals, collect(DISTINCT z.caseId) AS cases,
    collect(DISTINCT v.permitId) AS permits,
    [p IN collect(DISTINCT CASE WHEN strength IS NOT NULL THEN {key: coalesce(x.canonicalKey, x.key), strength: strength} END) WHERE p IS NOT NULL] AS flags
}
RETURN net.id AS id, companies, shortLived, riskBranch, branches, rotating, maxRoles,
  permits, signals, cases, flags
