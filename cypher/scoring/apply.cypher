// name: scoring/apply
// description: Score every address, person and company from its flags in the run: noisy-OR of
// description: weight x strength (weights by flag name, defaultWeight otherwise); flag names listed
// description: by contribution; each flag gets its weight and contribution; case status marked
// description: (confirmed: the keys scoring/examples judged a violation).
// params: runId, asOf, weights, defaultWeight, confirmed (keys of violation examples)
MATCH (n)
WHERE n:Address OR n:Person OR n:Company
CALL (n) {
  CALL (n) {
    OPTIONAL MATCH (f:Flag {runId: $runId})-[:FLAGS]->(n)
    WITH f, coalesce($weights[f.name], $defaultWeight) * f.strength AS part
    ORDER BY part DESC, f.name
    RETURN collect(f) AS fs, sum(coalesce(part, 0.0)) AS total
  }
  FOREACH (f IN fs |
    SET f.weight = coalesce($weights[f.name], $defaultWeight),
      f.contribution = coalesce($weights[f.name], $defaultWeight) * f.strength)
  SET n.score = round(1.0 - exp(-total), 6),
    n.flags = reduce(names = [], f IN fs | CASE WHEN f.name IN names THEN names ELSE names + f.name END),
    n.scoreRunId = $runId,
    // Already confirmed by a case or an app outcome (the examples that are violations): shown
    // as such, not as a new lead.
    n.confirmed = n.key IN $confirmed,
    n.openCase = EXISTS {
      MATCH (z:Case)-[:CONCERNS]->(n)
      WHERE z.start <= $asOf AND (z.status = 'open' OR z.end > $asOf)
    }
} IN TRANSACTIONS OF 5000 ROWS
RETURN count(*) AS scored
