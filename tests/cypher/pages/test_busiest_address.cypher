// name: pages/test_busiest_address
// description: The address inside the loaded area with the most relationships: the longest
// description: address page, which the page-height test measures.
MATCH (a:Address) WHERE NOT coalesce(a.outsideArea, false)
WITH a, COUNT { (a)--() } AS degree
ORDER BY degree DESC, a.key
LIMIT 1
RETURN a.key AS key, degree
