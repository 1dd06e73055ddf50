// name: scoring/monitor_outcomes
// description: Every address, person and company a case concerns, with its current score and the
// description: outcome of its latest case (open, overtreding, geen overtreding or onbekend).
MATCH (z:Case)-[:CONCERNS]->(n)
WHERE n:Address OR n:Person OR n:Company
WITH n, z ORDER BY z.start DESC
WITH n, collect(z)[0] AS latest
RETURN labels(n)[0] AS label, coalesce(n.score, 0.0) AS score,
  CASE WHEN latest.status = 'open' THEN 'open' ELSE coalesce(latest.result, 'onbekend') END AS outcome
