"""The read-only check of investigation texts: writes hidden in comments, strings, case, calls."""

from __future__ import annotations

import pytest

from investigations.runner import readonly
from investigations.runner.catalog import shipped

REFUSED = [
    "CREATE (n) RETURN n",
    "create (n) return n",
    "MATCH (n) CrEaTe (m) RETURN m",
    "MATCH (n) MERGE (m:X) RETURN m",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) DELETE n",
    "MATCH (n) SET n.x = 1",
    "MATCH (n) SET n:Evil",
    "MATCH (n) REMOVE n.x",
    "LOAD CSV FROM 'file:///x' AS row RETURN row",
    "load\tcsv with headers from 'https://x' as r return r",
    "FOREACH (x IN [1] | CREATE ())",
    "DROP INDEX x",
    "USE system SHOW USERS",
    "CALL apoc.create.node(['X'], {})",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})",
    "CALL gds.graph.project('g', '*', '*')",
    "CALL dbms.components()",
    "CALL `apoc`.`create`.`node`(['X'], {})",
    "RETURN apoc.cypher.runFirstColumnSingle('CREATE (n) RETURN n', {})",
    "RETURN apoc.load.json('file:///etc/passwd')",
    "MATCH (n) CALL (n) { WITH n RETURN n } IN TRANSACTIONS OF 10 ROWS RETURN n",
    "MATCH (n) CALL { RETURN 1 AS x } IN 4 CONCURRENT TRANSACTIONS RETURN n",
    # keywords around comments and strings that might confuse a naive check
    "MATCH (n) WHERE n.x = 'a' CREATE (m) RETURN m",
    "MATCH (n) // a comment\nCREATE (m) RETURN m",
    "MATCH (n) /* CREATE */ MERGE (m) RETURN m",
    "MATCH (n) WHERE n.x = \"it's \\\" fine\" SET n.y = 1",
    "MATCH (n) WHERE n.x = 'don\\'t' DELETE n",
    "RETURN '/*' AS a UNION MATCH (n) DELETE n RETURN '*/' AS a",
    "",
    "// only a comment",
]
ALLOWED = [
    "MATCH (n:Person) RETURN n LIMIT 10",
    "MATCH (n) WHERE n.note = 'CREATE (x) and DELETE it' RETURN n",
    "MATCH (n) // MERGE and SET here are words in a comment\nRETURN n",
    "MATCH (n) /* DETACH DELETE n */ RETURN n",
    "MATCH (n) RETURN n.offset AS offset, n.set AS set_value, {create: 1} AS m",
    "MATCH (n:`Create label`) RETURN n",
    "MATCH (a:Address) RETURN point.distance(point({x: a.x, y: a.y}), point({x: 0, y: 0}))",
    "CALL db.index.fulltext.queryNodes('personNames', $q) YIELD node RETURN node",
    "MATCH (n) CALL apoc.path.spanningTree(n, {maxLevel: 2}) YIELD path RETURN path",
    "MATCH (n) CALL (n) { MATCH (n)--(m) RETURN m } RETURN m",
    "RETURN apoc.coll.toSet([1, 1]) AS s, duration.inDays(date(), date()) AS d",
]


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text: str) -> None:
    with pytest.raises(readonly.Refused) as refused:
        readonly.check(text)
    assert "read-only" in refused.value.message
    assert refused.value.name == "cypher"


@pytest.mark.parametrize("text", ALLOWED)
def test_allowed(text: str) -> None:
    readonly.check(text)


def test_strip_removes_comments_and_strings() -> None:
    bare = readonly.words_only("MATCH (n) // CREATE\nWHERE n.x = 'SET' /* DELETE */ RETURN `a b`")
    assert "CREATE" not in bare and "SET" not in bare and "DELETE" not in bare
    assert "a_b" in bare


def test_every_shipped_investigation_passes_and_declares_itself() -> None:
    found = shipped()
    assert len(found) >= 10
    for inv in found.values():
        readonly.check(inv.text)
        assert inv.title and inv.description and inv.roles
        assert inv.roles <= {"officer", "analyst", "case_preparer", "admin"}
