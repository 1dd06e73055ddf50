"""The Cypher boundary on its own (no database): what it refuses, what it admits, what runs.

The integration suite (tests/integration/test_boundary_hostile.py) runs the same hostile texts
against a real Neo4j with planted secrets.
"""

from __future__ import annotations

import pytest

from graph import vocabulary
from investigations.boundary.check import LITERAL, Reader, admit
from investigations.boundary.parse import Refused
from investigations.runner.catalog import shipped
from tests.hostile import HOSTILE, PSEUDONYMISED

WRITES = [
    "CREATE (n) RETURN n",
    "create (n) return n",
    "MATCH (n) CrEaTe (m) RETURN m",
    "MATCH (n) MERGE (m:Address) RETURN m",
    "MATCH (n) DETACH DELETE n",
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
    "MATCH (n) CALL (n) { WITH n RETURN n } IN TRANSACTIONS OF 10 ROWS RETURN n",
    "MATCH (n) WHERE n.x = 'a' CREATE (m) RETURN m",
    "MATCH (n) // a comment\nCREATE (m) RETURN m",
    "MATCH (n) /* CREATE */ MERGE (m:Address) RETURN m",
    "MATCH (n) WHERE n.x = \"it's \\\" fine\" SET n.y = 1",
    "MATCH (n) WHERE n.x = 'don\\'t' DELETE n",
    "RETURN '/*' AS a UNION MATCH (n) DELETE n RETURN '*/' AS a",
    "",
    "// only a comment",
]
ALLOWED = [
    ("MATCH (n:Person) RETURN n LIMIT 10", {}),
    ("MATCH (n) WHERE n.note = 'CREATE (x) and DELETE it' RETURN n", {}),
    ("MATCH (n) // MERGE and SET here are words in a comment\nRETURN n", {}),
    ("MATCH (n) /* DETACH DELETE n */ RETURN n", {}),
    ("MATCH (n) RETURN n.offset AS offset, n.set AS set_value, {create: 1} AS m", {}),
    ("MATCH (a:Address) RETURN point.distance(point({x: a.x, y: a.y}), point({x: 0, y: 0}))",
     {}),
    ("CALL db.index.fulltext.queryNodes('addressLabels', $q) YIELD node RETURN node",
     {"q": "string"}),
    ("MATCH (n:Address) CALL (n) { MATCH (n)--(m) RETURN m } RETURN m", {}),
    ("RETURN apoc.coll.toSet([1, 1]) AS s, duration.inDays(date(), date()) AS d", {}),
    ("MATCH (a:Address) RETURN a.key, a.label", {}),
    ("MATCH (p:Person {key: $k}) RETURN p", {"k": "key"}),
    ("MATCH (p:Person) WHERE p.key = $k RETURN p", {"k": "key"}),
    ("MATCH (c:Company) RETURN c{.name, .kvkNumber}", {}),
    ("MATCH p = (a:Address)-[*1..2]-(b) RETURN p LIMIT 5", {}),
    ("RETURN [1, 2, 3][0] AS first, [1, 2, 3][0..2] AS two, [1, 2][-1] AS last", {}),
    ("MATCH (p:Person)-[:REGISTERED_AT]->(a:Address) RETURN a, count(p) AS n", {}),
    ("MATCH (s:Signal) WHERE s.category = 'overlast' RETURN s.date, s.category", {}),
]
PLAIN = Reader(identities=True)


@pytest.mark.parametrize("text", WRITES)
def test_writes_and_empty_texts_are_refused(text: str) -> None:
    with pytest.raises(Refused) as refused:
        admit(text, PLAIN)
    assert refused.value.name == "cypher"
    assert refused.value.message.startswith("cypher: refused in ")


@pytest.mark.parametrize(("text", "params"), HOSTILE, ids=[t for t, _ in HOSTILE])
def test_every_hostile_text_is_refused_for_a_pseudonymised_partner(
        text: str, params: dict[str, str]) -> None:
    with pytest.raises(Refused):
        admit(text, Reader(PSEUDONYMISED.identities, PSEUDONYMISED.hidden_sources, params))


def test_the_hostile_suite_is_large_enough() -> None:
    assert len(HOSTILE) >= 40


@pytest.mark.parametrize(("text", "params"), ALLOWED, ids=[t for t, _ in ALLOWED])
def test_analyses_are_admitted_for_a_pseudonymised_reader(text: str,
                                                          params: dict[str, str]) -> None:
    admitted = admit(text, Reader(False, frozenset({"verbruik"}), params))
    assert "//" not in admitted.text and "/*" not in admitted.text
    assert "'" not in admitted.text and '"' not in admitted.text


def test_every_shipped_investigation_is_admitted_with_and_without_identities() -> None:
    found = shipped()
    assert len(found) >= 10
    for inv in found.values():
        params = {p.name: p.type for p in inv.params}
        for identities in (True, False):
            admit(inv.text, Reader(identities, frozenset(), params))


def test_string_literals_become_parameters_and_comments_go() -> None:
    admitted = admit("MATCH (s:Signal) // note\r WHERE s.category = 'a\\u0027b' RETURN s", PLAIN)
    assert admitted.literals == {f"{LITERAL}0": "a'b"}
    assert f"${LITERAL}0" in admitted.text and "//" not in admitted.text
    assert "note" not in admitted.text


def test_patterns_that_could_match_application_records_get_a_guard() -> None:
    text = admit("MATCH (a:Address)--(x) RETURN x", PLAIN).text
    assert text.startswith("MATCH (a:Address)-[:!(")
    assert "(x:!(" in text and "User" in text and "WATCHES" in text


def test_a_refusal_names_the_clause_and_why() -> None:
    with pytest.raises(Refused) as refused:
        admit("MATCH (p:Person)\nRETURN p.surname", Reader(False))
    assert refused.value.clause == "RETURN (line 2, column 10)"
    assert "identifies a person" in refused.value.reason


def test_identities_see_what_the_model_marks_identifying() -> None:
    for prop in sorted(vocabulary.identifying()["Person"]):
        admit(f"MATCH (p:Person) RETURN p.{prop}", PLAIN)
        with pytest.raises(Refused):
            admit(f"MATCH (p:Person) RETURN p.{prop}", Reader(False))


def test_undeclared_parameters_and_reserved_names_are_refused() -> None:
    with pytest.raises(Refused, match=r"\$x is not declared"):
        admit("RETURN $x", PLAIN)
    with pytest.raises(Refused, match="reserved"):
        admit("RETURN 1", Reader(True, params={f"{LITERAL}0": "string"}))


def test_neo4j_error_text_loses_the_values_it_quotes() -> None:
    from investigations.runner.admission import masked_error

    message = masked_error("Text cannot be parsed to a Date\n\"Jan van der Berg\" near "
                           "'Kerkstraat 12' (bsn 123456782)")
    assert message.startswith("Text cannot be parsed to a Date")
    assert "Jan" not in message and "Kerkstraat" not in message and "123456782" not in message
