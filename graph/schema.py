"""Constraints and indexes derived from the model (`speurnet db init`, idempotent)."""

from __future__ import annotations

from neomodel import StructuredNode

from graph.db import Graph
from graph.model import FULLTEXT, NODE_CLASSES


def _name(statement: str) -> str:
    return statement.split()[3] if statement.startswith("CREATE FULLTEXT") else statement.split()[2]


def statements(classes: tuple[type[StructuredNode], ...] = NODE_CLASSES) -> list[str]:
    """DDL for every unique and indexed property of the model's classes.

    Schema commands take no parameters, so names come only from the model's own declarations.
    """
    ddl: list[str] = []
    for cls in classes:
        label = cls.__name__
        for prop, definition in cls.defined_properties(aliases=False, rels=False).items():
            if definition.unique_index:
                ddl.append(f"CREATE CONSTRAINT {label}_{prop}_unique IF NOT EXISTS "
                           f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE")
            elif definition.index:
                ddl.append(f"CREATE INDEX {label}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
    for name, (label, props) in FULLTEXT.items():
        fields = ", ".join(f"n.{p}" for p in props)
        ddl.append(f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR (n:{label}) ON EACH [{fields}]")
    return ddl


def install(graph: Graph) -> int:
    """Create what is missing, drop what the model no longer declares, and wait until online.

    Only names of the model's own scheme (`<Label>_...` and the full-text names) are ever dropped,
    so indexes an administrator added by hand stay.
    """
    ddl = statements()
    wanted = {_name(s) for s in ddl}
    ours = tuple(f"{cls.__name__}_" for cls in NODE_CLASSES)
    stale_constraints = [r["name"] for r in graph.read("admin/constraint_names")
                         if r["name"].startswith(ours) and r["name"] not in wanted]
    for name in stale_constraints:
        graph.schema(f"DROP CONSTRAINT {name} IF EXISTS")
    for row in graph.read("admin/schema_names"):
        name = row["name"]
        if not row["backsConstraint"] and name not in wanted and (
                name.startswith(ours) or name in FULLTEXT):
            graph.schema(f"DROP INDEX {name} IF EXISTS")
    for statement in ddl:
        graph.schema(statement)
    graph.schema("CALL db.awaitIndexes(300)")
    return len(ddl)


# Indexes the load statements look nodes up by (besides the unique constraints, which always
# stay): KvK, signal and list addresses by lookup key, BRK by verblijfsobject, and the outside
# addresses a file added by its load id. tests/unit/test_schema_deferred.py checks the list
# against the statements in cypher/load.
LOAD_LOOKUPS = frozenset({"Address_lookupKey", "Address_verblijfsobjectId", "Address_loadId"})


def defer_indexes(graph: Graph) -> list[str]:
    """Drop the model's indexes a load does not read (all but LOAD_LOOKUPS and the constraints),
    for a first load into an empty graph: Neo4j then builds each index once from the loaded
    nodes instead of updating it per written row. `install` creates them again."""
    dropped = []
    for statement in statements():
        name = _name(statement)
        if not statement.startswith("CREATE CONSTRAINT") and name not in LOAD_LOOKUPS:
            graph.schema(f"DROP INDEX {name} IF EXISTS")
            dropped.append(name)
    return dropped
