// name: matching/run_write
// description: Record one match run: when, which loads it covered, and what it found.
// params: key, startedAt, finishedAt, loadIds, full, persons, pairs, positive, unsure, addresses, unresolved
CREATE (r:MatchRun {key: $key, startedAt: $startedAt, finishedAt: $finishedAt, loadIds: $loadIds,
  full: $full, persons: $persons, pairs: $pairs, positive: $positive, unsure: $unsure,
  addresses: $addresses, unresolved: $unresolved,
  source: 'matching', loadId: $key, rowKey: $key, loadedAt: $startedAt})
RETURN r.key AS key
