// name: load/log
// description: Record one file's load in the load log (the only thing a repeated load adds).
// params: loadId, file, folder, partner, tier, retention, startedAt, finishedAt, read, loaded, rejected, dropped
MERGE (l:Load {key: $loadId + '/' + $file})
SET l.loadId = $loadId, l.file = $file, l.folder = $folder, l.partner = $partner, l.tier = $tier,
  l.retention = $retention, l.startedAt = $startedAt, l.finishedAt = $finishedAt, l.read = $read,
  l.loaded = $loaded, l.rejected = $rejected, l.droppedColumns = $dropped
RETURN l.key AS key
