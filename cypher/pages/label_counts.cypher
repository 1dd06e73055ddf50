// name: pages/label_counts
// description: Nodes per label from Neo4j's count store (instant on any size), for the overview;
// description: the load log and labels without nodes left out.
CALL apoc.meta.stats() YIELD labels
UNWIND keys(labels) AS name
WITH name, labels[name] AS count
WHERE count > 0 AND name <> 'Load'
RETURN name, count
ORDER BY name
