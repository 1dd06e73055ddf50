// name: admin/recent_loads
// description: The most recent file loads from the load log, newest first.
// params: limit
MATCH (l:Load)
RETURN l.file AS file, l.partner AS partner, l.tier AS tier, l.finishedAt AS finishedAt,
  l.read AS read, l.loaded AS loaded, l.rejected AS rejected
ORDER BY l.finishedAt DESC LIMIT $limit
