// name: checks/load_log_files
// description: What the load log says of each file (the per-load id and times left out).
MATCH (l:Load)
RETURN l.file AS file, l.read AS read, l.loaded AS loaded, l.rejected AS rejected,
  l.partner AS partner, l.tier AS tier, l.retention AS retention, l.droppedColumns AS dropped,
  l.folder AS folder
ORDER BY file
