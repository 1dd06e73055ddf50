// name: backup/judgements
// description: Analysts' SAME_AS judgements (method 'analyst'): both person keys and every property.
MATCH (a:Person)-[r:SAME_AS {method: 'analyst'}]->(b:Person)
RETURN a.key AS left, b.key AS right, properties(r) AS props
ORDER BY left, right
