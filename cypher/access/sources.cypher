// name: access/sources
// description: Every file load with its partner, tier and retention (the load log), for filtering
// description: facts by partner and tier and for retention.
MATCH (l:Load)
RETURN l.loadId AS loadId, l.file AS file, l.partner AS partner, l.tier AS tier,
  l.retention AS retention, l.finishedAt AS finishedAt
ORDER BY l.finishedAt
