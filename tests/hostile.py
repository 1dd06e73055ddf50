"""Hostile analyst Cypher: every text tries to get an identity, a credential, a withheld fact or
an application record past the boundary, or to run a procedure outside the allowlist.

Used by the unit test of the boundary (each must be refused for a pseudonymised reader at a
partner that may not see the utility and BRK sources) and by the integration test, which also
runs each one for real against planted secrets.
"""

from __future__ import annotations

from investigations.boundary.check import Reader

# The reader the suite is aimed at: no identities, utility use (verbruik) and BRK withheld.
PSEUDONYMISED = Reader(identities=False, hidden_sources=frozenset({"verbruik", "brk_eigendom"}))

S = {"s": "string"}
K = {"k": "string"}
HOSTILE: list[tuple[str, dict[str, str]]] = [
    # identities through expressions, aliases and functions
    ("MATCH (p:Person) RETURN p.fullName AS n", {}),
    ("MATCH (p:Person) RETURN toString(p.birthDate)", {}),
    ("MATCH (p:Person) RETURN 'x' + p.bsn", {}),
    ("MATCH (p) RETURN p.bsn", {}),
    ("MATCH (p:Person) WITH p AS x RETURN x.surname", {}),
    ("MATCH (p:Person) RETURN p.`fullName`", {}),
    ("MATCH (p:Person) RETURN p . fullName", {}),
    ("MATCH (p:Person) RETURN p./*x*/fullName", {}),
    ("MATCH (p:Person) RETURN [x IN [p] | x.bsn]", {}),
    ("MATCH (p:Person) RETURN reduce(s = '', x IN [p] | s + x.surname)", {}),
    ("MATCH (p:Person) RETURN CASE WHEN p.gender = 'M' THEN 1 END", {}),
    ("MATCH path = (a:Address)-[*1..3]-(b) RETURN [n IN nodes(path) | n.fullName]", {}),
    ("MATCH (p:Person) WITH collect(p) AS ps RETURN ps[0].bsn", {}),
    ("MATCH (p:Person) RETURN apoc.text.join([p.firstNames, p.surname], ' ')", {}),
    ("MATCH (p:Person) RETURN p ORDER BY p.birthDate", {}),
    ("MATCH (p:Person {bsn: $s}) RETURN count(p)", S),
    ("MATCH (p:Person) RETURN substring(p.key, 4)", {}),
    ("MATCH (p:Person) WHERE p.key = 'bsn:123456782' RETURN count(p)", {}),
    ("MATCH (p:Person) WHERE p.key STARTS WITH 'bsn:1' RETURN count(*)", {}),
    ("MATCH (p:Person {key: $s}) RETURN p", S),
    ("MATCH (p:Person) RETURN min(p.key)", {}),
    ("MATCH (p:Person) RETURN p.canonicalKey", {}),
    ("MATCH (p:Person) RETURN p.rowKey", {}),
    ("MATCH (s:Signal) RETURN s.description", {}),
    ("MATCH (s:Signal) RETURN s.personName", {}),
    ("MATCH (f:Flag) RETURN f.evidence", {}),
    ("CALL db.index.fulltext.queryNodes('personNames', 'Jansen') YIELD node RETURN node", {}),
    # dynamic property access and whole-node readers
    ("MATCH (p:Person) RETURN p['bsn']", {}),
    ("MATCH (p:Person) UNWIND ['bsn'] AS k RETURN p[k]", {}),
    ("MATCH (p:Person) RETURN p[$k]", K),
    ("MATCH (p:Person) RETURN properties(p)", {}),
    ("MATCH (p:Person) RETURN keys(p)", {}),
    ("MATCH (p:Person) RETURN p{.*}", {}),
    ("MATCH (p:Person) RETURN p{.fullName}", {}),
    ("MATCH (p:Person) RETURN apoc.convert.toJson(p)", {}),
    ("MATCH (p:Person) RETURN apoc.map.fromPairs([['a', p.bsn]])", {}),
    ("MATCH (n) RETURN apoc.any.properties(n)", {}),
    ("MATCH (n:Person) RETURN n {.surname, x: 1}", {}),
    # application records: users, tokens, audit, notes, lists, saved investigations, loads
    ("MATCH (u:User) RETURN u.passwordHash", {}),
    ("MATCH (u) WHERE u.passwordHash IS NOT NULL RETURN u.name", {}),
    ("MATCH (t:ApiToken) RETURN t", {}),
    ("MATCH (a:AuditEntry) RETURN a.payload", {}),
    ("MATCH (n:Note) RETURN n.text", {}),
    ("MATCH (w:WatchList)-[:WATCHES]->(x) RETURN x", {}),
    ("MATCH (n:`Notification`) RETURN n", {}),
    ("MATCH (n) WHERE n:User RETURN n", {}),
    ("MATCH (n:SavedInvestigation) RETURN n.query", {}),
    ("MATCH (x)-[:WATCHES]-(y) RETURN x, y", {}),
    ("MATCH (l:Load) RETURN l.folder", {}),
    ("MATCH (n:User|Person) RETURN n", {}),
    ("MATCH (n:Person) RETURN n UNION MATCH (n:User) RETURN n", {}),
    ("MATCH (n:Address) MATCH (n)-[:ON]-(note) RETURN note", {}),
    ("MATCH (n) RETURN n.message", {}),
    # comments, escapes and names that hide a call
    (("MATCH (n:Address) RETURN n LIMIT 1 //\rUNION CALL dbms.listConfig() YIELD name AS n "
      "RETURN n"), {}),
    (("RETURN 1 AS x //\rCALL apoc.cypher.run('MATCH (u:User) RETURN u', {}) YIELD value "
      "RETURN value"), {}),
    ("RETURN 1 /* */ UNION CALL dbms.listConfig() YIELD name RETURN name", {}),
    ("MATCH (u:\\u0055ser) RETURN u", {}),
    ("RETURN '\\u0027' + apoc.cypher.runFirstColumnSingle('RETURN 1', {})", {}),
    ("CALL `apoc`.`cypher`.`run`('RETURN 1', {}) YIELD value RETURN value", {}),
    ("CALL apoc.cypher.run('CALL ' + 'dbms.listConfig()', {}) YIELD value RETURN value", {}),
    ("RETURN apoc.cypher.runFirstColumnSingle('MATCH (u:User) RETURN u.passwordHash', {})", {}),
    ("CALL dbms.listConfig() YIELD name RETURN name", {}),
    ("CALL apoc.load.json('http://127.0.0.1:1/x') YIELD value RETURN value", {}),
    ("RETURN apoc.util.sleep(100000)", {}),
    ("SHOW TRANSACTIONS", {}),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", {}),
    ("CALL gds.graph.drop('x')", {}),
    ("CALL db.labels() YIELD label RETURN label", {}),
    ("CALL apoc.path.spanningTree(null, {}) YIELD path RETURN path", {}),
    ("CALL db.index.fulltext.queryNodes($s, 'x') YIELD node RETURN node", S),
    # nested calls and transactions
    ("MATCH (n:Address) CALL (n) { MATCH (n)--(m) SET m.x = 1 RETURN m } RETURN n", {}),
    ("MATCH (n:Address) CALL { CREATE (x) RETURN x } RETURN n", {}),
    ("MATCH (n:Address) CALL (n) { RETURN n AS m } IN TRANSACTIONS RETURN m", {}),
    ("MATCH (n:Address) RETURN n; MATCH (m) DETACH DELETE m", {}),
    ("RETURN EXISTS { MATCH (u:User) }", {}),
    ("RETURN COUNT { MATCH (:ApiToken) }", {}),
    ("RETURN COLLECT { MATCH (n:Note) RETURN n.text }", {}),
    # sources this partner may not see
    ("MATCH (u:UtilityUse) RETURN u.electricityKwh", {}),
    ("MATCH (x)-[:FOR_ADDRESS]->(a:Address) RETURN x.electricityKwh", {}),
    ("MATCH (a:Address) RETURN a.wozValue", {}),
    ("MATCH (o)-[r:OWNS]->(a:Address) RETURN o, a", {}),
    ("MATCH (a:Address) WHERE a.wozValue > 400000 RETURN a", {}),
    ("MATCH (f:Flag) RETURN f.reason", {}),
    ("MATCH (:Person)-[l:PREDICTED_LINK]->(a:Address) RETURN l.reasons", {}),
    # reserved names, legacy syntax, many statements
    ("MATCH (p:Person) RETURN $__lit0", {}),
    ("MATCH (n:Person:User) RETURN n", {}),
]
