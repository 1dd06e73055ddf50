// name: api/bench_busy_addresses
// description: The addresses with the most links (residents, companies, signals, ...): the worst
// description: case of an address page (bench/pages.py).
// params: limit
MATCH (a:Address) WHERE NOT a.outsideArea
WITH a, COUNT { (a)--() } AS degree
ORDER BY degree DESC LIMIT $limit
RETURN a.key AS key, degree
