// name: matching/person_keys
// description: Every person's key, registry and current resolution, for deriving canonical persons.
MATCH (p:Person)
RETURN p.key AS key, p.registry AS registry, p.canonicalKey AS canonical,
  p.matchJudgement AS judgement, p.matchScore AS score, p.matchCandidate AS candidate
