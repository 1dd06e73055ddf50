// name: links/export
// description: The `links` export: predicted links (resident, associate, lookalike), best first; each
// description: kind holds only its latest run's predictions (a run replaces the previous ones).
MATCH (x)-[l:PREDICTED_LINK]->(y)
RETURN x.key AS source, y.key AS target, l.kind AS kind, l.score AS score, l.reasons AS reasons,
  l.runId AS run_id
ORDER BY score DESC, source, target
