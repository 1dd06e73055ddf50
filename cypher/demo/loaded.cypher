// name: demo/loaded
// description: Whether the demo folder has been loaded completely (every file in the load log).
// params: folder
MATCH (l:Load {folder: $folder})
RETURN count(DISTINCT l.file) >= 10 AS loaded
