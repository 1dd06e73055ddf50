// name: matching/person_keys
// description: The persons whose canonical person can be anything but themselves, with their current
// description: resolution: record persons, persons in a SAME_AS judgement, and persons whose stored
// description: resolution is not their own key (a judgement since removed). Every other BRP person is
// description: its own canonical person already (matching/canonical_default).
MATCH (p:Person)
WHERE p.registry <> 'brp' OR p.canonicalKey IS NULL OR p.canonicalKey <> p.key
  OR p.matchJudgement IS NOT NULL OR EXISTS { (p)-[:SAME_AS]-() }
RETURN p.key AS key, p.registry AS registry, p.canonicalKey AS canonical,
  p.matchJudgement AS judgement, p.matchScore AS score, p.matchCandidate AS candidate
