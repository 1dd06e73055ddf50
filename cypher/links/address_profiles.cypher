// name: links/address_profiles
// description: A profile of every dwelling for look-alike search: residents and adults per m², family
// description: names, registration churn, companies, signals, ownership, energy per resident, the
// description: flags this run's indicators wrote, and the outcome of closed cases about the address.
// description: The owners' holdings come from links/owner_holdings (counted once per owner).
// description: `files` gives, per group of features, the source files of the facts counted.
// params: asOf, runId, ownNames
MATCH (a:Address)
WHERE 'woonfunctie' IN coalesce(a.uses, []) AND NOT coalesce(a.outsideArea, false)
CALL (a) {
  OPTIONAL MATCH (a)<-[g:REGISTERED_AT]-(p:Person)
  WITH a, g, p, g.start <= $asOf AND (g.end IS NULL OR g.end > $asOf) AS now
  RETURN count(CASE WHEN now THEN 1 END) AS residents,
    count(CASE WHEN now AND p.birthDate <= $asOf - duration('P18Y') THEN 1 END) AS adults,
    size(collect(DISTINCT CASE WHEN now THEN p.surname END)) AS surnames,
    count(CASE WHEN g.start > $asOf - duration('P2Y') THEN 1 END) AS arrivals,
    count(CASE WHEN g.end IS NOT NULL AND g.end > $asOf - duration('P3Y')
      AND duration.inDays(g.start, g.end).days < 365 THEN 1 END) AS shortStays,
    collect(DISTINCT g.source) AS registrationFiles
}
CALL (a) {
  OPTIONAL MATCH (a)<-[e:ESTABLISHED_AT]-(c:Company)
  WHERE c.dissolved IS NULL OR c.dissolved > $asOf - duration('P3Y')
  RETURN count(c) AS companies, collect(DISTINCT e.source) AS companyFiles
}
CALL (a) {
  OPTIONAL MATCH (a)<-[:ABOUT]-(s:Signal) WHERE s.date > $asOf - duration('P3Y')
  RETURN count(CASE WHEN s.category IN ['overbewoning', 'adresfraude', 'illegale kamerverhuur', 'woonoverlast'] THEN 1 END) AS housingSignals,
    count(CASE WHEN s.category IN ['hennep', 'drugs', 'ondermijning', 'uitbuiting', 'prostitutie'] THEN 1 END) AS crimeSignals,
    collect(DISTINCT s.source) AS signalFiles
}
CALL (a) {
  OPTIONAL MATCH (a)<-[w:OWNS]-() WHERE w.end IS NULL OR w.end > $asOf
  RETURN collect(DISTINCT w.source) AS ownerFiles
}
CALL (a) {
  OPTIONAL MATCH (a)<-[:FOR_ADDRESS]-(u:UtilityUse)
  WITH u ORDER BY u.year DESC LIMIT 1
  RETURN u.electricityKwh AS kwh, collect(u.source) AS useFiles
}
CALL (a) {
  OPTIONAL MATCH (a)<-[:FLAGS]-(f:Flag {runId: $runId}) WHERE NOT f.name IN $ownNames
  RETURN coalesce(sum(f.strength), 0.0) AS flags,
    reduce(out = [], s IN collect(coalesce(f.sources, [])) | out + s) AS flagFiles
}
CALL (a) {
  OPTIONAL MATCH (a)<-[:CONCERNS]-(z:Case) WHERE z.status = 'gesloten' AND z.result IN ['overtreding', 'geen overtreding']
  WITH z ORDER BY z.end DESC
  RETURN collect(CASE WHEN z IS NOT NULL THEN {id: z.caseId, result: z.result, type: z.caseType,
    source: z.source} END)[0] AS lastCase
}
RETURN a.key AS key, coalesce(a.floorArea, 0) AS floorArea, residents, adults, surnames,
  arrivals, shortStays, companies, housingSignals, crimeSignals, kwh, flags, lastCase,
  {registrations: registrationFiles, companies: companyFiles, signals: signalFiles,
   owners: ownerFiles, use: useFiles, flags: flagFiles} AS files
