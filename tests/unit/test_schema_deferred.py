"""A first load drops the indexes it does not read: every lookup in cypher/load must stay."""

from __future__ import annotations

import re

from graph import queries, schema

# `(x:Label {prop: row.value})` or `{prop: $param}` in MATCH or MERGE: a lookup by that property.
LOOKUP = re.compile(r"(?:MATCH|MERGE)\s*\(\w*:(\w+)\s*\{(\w+):")


def kept() -> set[str]:
    names = {schema._name(s) for s in schema.statements() if s.startswith("CREATE CONSTRAINT")}
    constrained = {name.removesuffix("_unique") for name in names}
    return constrained | set(schema.LOAD_LOOKUPS)


def test_every_load_lookup_keeps_its_index() -> None:
    missing = []
    for name, query in queries.all_queries().items():
        if not name.startswith("load/"):
            continue
        for label, prop in LOOKUP.findall(query.text):
            if f"{label}_{prop}" not in kept():
                missing.append(f"{name}: {label}.{prop}")
    assert not missing, f"looked up by a load but dropped on a first load: {missing}"


def test_lookups_are_indexes_of_the_model() -> None:
    declared = {schema._name(s) for s in schema.statements()}
    assert schema.LOAD_LOOKUPS <= declared
    assert len(kept()) > len(schema.LOAD_LOOKUPS)
