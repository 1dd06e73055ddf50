// name: cases/alerts_known
// description: Which of these alert ids exist already (a hit seen before, whatever became of it).
// params: ids
MATCH (a:Alert) WHERE a.alertId IN $ids
RETURN a.alertId AS id
