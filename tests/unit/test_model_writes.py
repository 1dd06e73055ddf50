"""The graph model is the one truth: every label, relationship type and property a product
statement (cypher/**) writes is declared in graph/model/, and every relationship it writes
joins labels the model lets that type join. Read from the parse tree (tests/cypher_writes.py).
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from graph import model, queries, vocabulary
from tests.cypher_writes import Write, Writes, writes

# Statements whose writes the text cannot show, and why the model still holds for them.
DYNAMIC = {
    # A backup holds what the graph held; investigations/backup.py checks each row's label
    # against the model's USER_LABELS and LABELS before these write it.
    "backup/restore_nodes": "writes a backed-up node's own properties on its model label",
    "backup/restore_links": "writes a backed-up relationship's own properties on its model type",
    "backup/restore_judgements": "writes a backed-up SAME_AS judgement's own properties",
}


def _ends() -> dict[str, set[tuple[str, str]]]:
    """Relationship type -> the (start label, end label) pairs the model declares for it;
    `StructuredNode` as an end means any label."""
    found: dict[str, set[tuple[str, str]]] = {}
    for cls in model.NODE_CLASSES:
        for rel in cls.defined_properties(aliases=False, properties=False, rels=True).values():
            found.setdefault(rel.definition["relation_type"], set()).add(
                (cls.__name__, rel._raw_class))
    return found


ENDS = _ends()


def problems_of(write: Write) -> list[str]:
    """What the model does not declare about one write (empty when all is declared)."""
    where = f"line {write.line}: {write.clause}"
    if write.prop in model.TRANSIENT:
        return []
    kind = "relationship type" if write.relationship else "label"
    elements = vocabulary.elements()
    if write.element is None:
        holders = [e for e in vocabulary.holders(write.prop or "")
                   if e.relationship == write.relationship]
        return [] if holders or write.prop is None else [
            f"{where}: property {write.prop} is declared on no {kind} of the model"]
    element = elements.get(write.element)
    if element is None or element.relationship != write.relationship:
        return [f"{where}: {kind} {write.element} is not in the model"]
    if write.prop is not None and write.prop not in element.properties:
        return [f"{where}: {write.element}.{write.prop} is not declared in the model"]
    if write.ends is not None and write.prop is None and all(write.ends):
        pairs = ENDS.get(write.element, set())
        if not any(start in write.ends[0] and (end == "StructuredNode" or end in write.ends[1])
                   for start, end in pairs):
            ends = " to ".join("|".join(sorted(labels)) for labels in write.ends)
            return [f"{where}: the model declares no {write.element} from {ends}"]
    return []


def problems(text: str | Writes, dynamic_ok: bool = False) -> list[str]:
    found = writes(text) if isinstance(text, str) else text
    out = list(dict.fromkeys(p for w in found.writes for p in problems_of(w)))
    return out if dynamic_ok else out + [f"{d}: cannot be checked" for d in found.dynamic]


PRODUCT = queries.all_queries(queries.CYPHER_DIR)
# A statement can write only through one of these words; the rest need no parse (parsing all
# of them would take half a minute).
_WRITING = re.compile(r"(?i)\b(create|merge|set|remove|insert)\b|\bcall\s+[a-z]")
WRITING = sorted(name for name, q in PRODUCT.items() if _WRITING.search(q.text))


@cache
def written(name: str) -> Writes:
    return writes(PRODUCT[name].text)


@pytest.mark.parametrize("name", WRITING)
def test_product_statement_writes_only_what_the_model_declares(name: str) -> None:
    assert problems(written(name), dynamic_ok=name in DYNAMIC) == []


def test_the_statements_that_cannot_be_read_are_the_listed_ones() -> None:
    dynamic = {name for name in WRITING if written(name).dynamic}
    assert dynamic == set(DYNAMIC)


def test_the_check_reads_the_writes() -> None:
    """Not vacuous: the product's statements write hundreds of properties, each one seen."""
    every = [w for name in WRITING for w in written(name).writes]
    assert len({(w.element, w.prop) for w in every if w.prop}) > 200
    assert {("Flag", "title"), ("AnalysisRun", "asOf"), ("PREDICTED_LINK", "sources"),
            ("Address", "wozValue"), ("SAME_AS", "judgement")} <= {(w.element, w.prop)
                                                                   for w in every}


GOOD = """
UNWIND $rows AS row
MERGE (p:Person {key: row.key})
ON CREATE SET p.source = $source
ON MATCH SET p.fullName = row.name
WITH row, p, {surname: row.surname} AS props
SET p += props
MERGE (p)-[r:REGISTERED_AT]->(a:Address {key: row.address})
SET r.kind = row.kind
RETURN count(*) AS written
"""
BAD = [
    ("MATCH (a:Address) SET a.nationality = $x", "Address.nationality"),
    ("MERGE (p:Person {key: $k}) ON CREATE SET p.origin = 1", "Person.origin"),
    ("MERGE (p:Person {key: $k}) ON MATCH SET p += {religion: 1}", "Person.religion"),
    ("MATCH (p:Person) WITH p, {ethnicity: 1} AS props SET p += props", "Person.ethnicity"),
    ("CREATE (f:Flag {key: $k, colour: 'red'})", "Flag.colour"),
    ("MATCH (a:Address), (b:Building) MERGE (a)-[:IN_BUILDING {since: 1}]->(b)",
     "IN_BUILDING.since"),
    ("CREATE (x:Suspect {key: $k})", "label Suspect"),
    ("MATCH (a:Address) SET a:Suspect", "label Suspect"),
    ("MATCH (a:Address), (b:Address) MERGE (a)-[:KNOWS]->(b)", "type KNOWS"),
    ("MATCH (a:Address), (b:Person) MERGE (a)-[:REGISTERED_AT]->(b)", "no REGISTERED_AT"),
    ("UNWIND $nodes AS n SET n.hidden = true", "property hidden"),
    ("MATCH (p:Person) SET p += $props", "cannot be checked"),
    ("MATCH (p:Person) FOREACH (_ IN [1] | SET p.score2 = 1)", "Person.score2"),
]


def test_a_statement_within_the_model_passes() -> None:
    assert problems(GOOD) == []


@pytest.mark.parametrize(("text", "named"), BAD)
def test_an_undeclared_write_fails(text: str, named: str) -> None:
    found = problems(text)
    assert len(found) == 1 and named in found[0], found


def test_public_ids_name_declared_properties() -> None:
    for label, pid in model.PUBLIC_IDS.items():
        assert pid.prop in vocabulary.elements()[label].properties, (label, pid.prop)
    prefixes = [p for pid in model.PUBLIC_IDS.values() for p in pid.prefixes]
    assert len(prefixes) == len(set(prefixes))
