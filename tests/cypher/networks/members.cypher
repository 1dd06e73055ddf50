// name: networks/members
// description: The networks of the latest run with their members' keys, kinds and key-figure marks.
MATCH (n:Network)
WITH max(n.runId) AS runId
MATCH (n:Network {runId: runId})-[m:HAS_MEMBER]->(x)
RETURN n.networkId AS network, n.runId AS runId, n.score AS score, n.keyFigures AS keyFigures,
  collect({key: x.key, kind: m.kind, keyFigure: m.keyFigure}) AS members
ORDER BY score DESC, network
