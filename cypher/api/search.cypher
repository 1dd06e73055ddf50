// name: api/search
// description: Full-text search over address labels, company names and (when $persons) person
// description: names; $query is an escaped Lucene query built from the user's words.
// params: query, persons, addresses, companies, limit
CALL () {
  CALL db.index.fulltext.queryNodes('addressLabels', $query, {limit: $limit}) YIELD node, score
  WHERE $addresses
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('companyNames', $query, {limit: $limit}) YIELD node, score
  WHERE $companies
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('personNames', $query, {limit: $limit}) YIELD node, score
  WHERE $persons
  RETURN node, score
}
RETURN labels(node) AS labels, properties(node) AS props, score
ORDER BY score DESC
LIMIT $limit
