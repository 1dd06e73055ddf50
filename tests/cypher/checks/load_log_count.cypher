// name: checks/load_log_count
// description: Number of file loads in the load log.
MATCH (l:Load) RETURN count(l) AS loads
