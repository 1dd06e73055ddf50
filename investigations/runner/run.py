"""Listing, running, saving and exporting investigations, read-only and within the user's scope."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from graph.db import Answer, Graph, QueryFailed, QueryTimedOut, Row
from graph.terms import ROLES
from investigations.access.gate import release, resolve_key
from investigations.access.scope import Scope
from investigations.boundary.parse import Refused
from investigations.errors import BadParameter, Conflict, Forbidden, NotFound, TimedOut
from investigations.explore import nodes
from investigations.runner.admission import admitted, masked_error
from investigations.runner.catalog import (
    MAX_LIMIT,
    NAME,
    Investigation,
    param_from_row,
    parse_param,
    shipped,
)
from investigations.runner.export import FORMATS, render

VISIBILITY = ("private", "team", "all")


def _saved(graph: Graph, name: str | None = None) -> list[Investigation]:
    found = []
    for row in graph.read("api/saved_list", investigation=name):
        params = tuple(param_from_row(p) for p in json.loads(row["params"] or "[]"))
        found.append(Investigation(
            name=row["name"], title=row["title"] or row["name"],
            description=row["description"] or "", text=row["query"], params=params,
            roles=frozenset(row["roles"] or []), persons=True, owner=row["owner"],
            team=row["team"], visibility=row["visibility"] or "private"))
    return found


def may_see(inv: Investigation, scope: Scope) -> bool:
    """Shown in the user's list: their own, their team's shared ones, and others for their role."""
    if scope.operator or (inv.owner is not None and inv.owner == scope.user):
        return True
    if inv.owner is None or inv.visibility == "all":
        return True
    # A teamless user shares no team: None == None must not open another's team investigation.
    return inv.visibility == "team" and inv.team is not None and inv.team == scope.team


def listing(graph: Graph, scope: Scope) -> list[Investigation]:
    scope.require("investigate")
    every = [*shipped().values(), *_saved(graph)]
    return [inv for inv in every if may_see(inv, scope)]


def get(graph: Graph, scope: Scope, name: str) -> Investigation:
    """The investigation `name` if the user may run it: 404 unknown (or private to another),
    403 when their role is not among its roles."""
    scope.require("investigate")
    inv = shipped().get(name) or next(iter(_saved(graph, name)), None)
    if inv is None or not may_see(inv, scope):
        raise NotFound(f"no investigation {name}")
    if not (scope.operator or scope.role in inv.roles or inv.owner == scope.user):
        raise Forbidden(f"investigation {name} is for {', '.join(sorted(inv.roles))}; "
                        f"role {scope.role} may not run it")
    return inv


def execute(graph: Graph, scope: Scope, name: str, given: dict[str, Any],
            limit: int | None = None) -> tuple[Investigation, dict[str, Any], Row]:
    """Run an investigation: (investigation, bound parameters, result payload before release)."""
    inv = get(graph, scope, name)
    purpose = (scope.require_purpose(f"Investigation {name} (it shows persons)")
               if inv.persons else scope.purpose)
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise BadParameter("limit", f"between 1 and {MAX_LIMIT}")
    bound = inv.bind(given)
    for param in inv.params:
        if param.type == "key" and isinstance(bound.get(param.name), str):
            bound[param.name] = resolve_key(graph, scope, bound[param.name], param.name)
    checked = admitted(scope, inv)
    try:
        answer = graph.investigate(checked.text, {**bound, **checked.literals}, inv.timeout,
                                   min(limit or inv.limit, MAX_LIMIT))
    except QueryTimedOut:
        raise TimedOut(f"investigation {name} stopped after {inv.timeout:g} s; narrow its "
                       "parameters") from None
    except QueryFailed as exc:
        raise BadParameter("cypher", f"Neo4j refused investigation {name}: "
                                     f"{masked_error(str(exc))}") from None
    payload = {"investigation": name, "title": inv.title, "purpose": purpose,
               "params": {k: _plain(v) for k, v in bound.items()}, **shape(answer)}
    return inv, bound, payload


def run(graph: Graph, scope: Scope, name: str, given: dict[str, Any],
        limit: int | None = None) -> Row:
    _, _, payload = execute(graph, scope, name, given, limit)
    return drawn(release(graph, scope, payload, "run", name, payload["params"]))


def drawn(shown: Row) -> Row:
    """`shown` with a graph of only what its rows show: a node or relationship of a row that was
    withheld is not drawn either (it would tell what the rows leave out)."""
    nodes: set[str] = set()
    rels: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("kind"), str) and "id" in value:
                nodes.add(value["id"])
            elif "type" in value and "start" in value and "end" in value:
                rels.add(value["id"])
                nodes.update((value["start"], value["end"]))
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(shown.get("rows") or [])
    picture = shown.get("graph") or {}
    kept = [n for n in picture.get("nodes") or [] if n.get("id") in nodes]
    ids = {n["id"] for n in kept}
    shown["graph"] = {"nodes": kept, "relationships": [
        r for r in picture.get("relationships") or []
        if r.get("id") in rels and r.get("start") in ids and r.get("end") in ids]}
    return shown


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def shape(answer: Answer) -> Row:
    """Rows and a drawable graph with public ids (a node's key; never the internal id)."""
    ids = {eid: nodes.node(n["labels"], n["properties"], eid)["id"]
           for eid, n in answer.nodes.items()}

    def public(eid: str | None) -> str:
        return ids.get(eid or "") or nodes.public_id("", {}, eid or "")

    # Parallel relationships (two registration periods at one address) keep distinct ids.
    index = {eid: i for i, eid in enumerate(answer.relationships)}

    def convert(value: Any) -> Any:
        if isinstance(value, dict) and "eid" in value and "labels" in value:
            return nodes.node(value["labels"], value["properties"], value["eid"])
        if isinstance(value, dict) and "eid" in value and "type" in value:
            return nodes.relationship(value["type"], public(value["start"]), public(value["end"]),
                                      value["properties"], index[value["eid"]])
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value

    rels = [convert(r) for r in answer.relationships.values()]
    return {"columns": answer.columns, "rows": [convert(r) for r in answer.rows],
            "truncated": answer.truncated,
            "graph": {"nodes": [convert(n) for n in answer.nodes.values()], "relationships": rels}}


def save(graph: Graph, scope: Scope, name: str, title: str, description: str, text: str,
         params: list[str | dict[str, Any]], roles: list[str] | None = None,
         visibility: str = "private") -> Investigation:
    """Save (or replace one's own) investigation after the read-only checks."""
    scope.require("write_cypher")
    if not NAME.fullmatch(name):
        raise BadParameter("name", "3-61 characters: a lower-case letter, then a-z, 0-9 or _")
    if name in shipped():
        raise Conflict(f"{name} is a shipped investigation; choose another name")
    if visibility not in VISIBILITY:
        raise BadParameter("visibility", f"one of {', '.join(VISIBILITY)}")
    wanted = roles or [scope.role]
    if unknown := sorted(set(wanted) - set(ROLES)):
        raise BadParameter("roles", f"unknown role {unknown[0]}")
    try:
        declared = [parse_param(p) if isinstance(p, str) else param_from_row(p) for p in params]
    except (TypeError, ValueError) as exc:
        raise BadParameter("params", str(exc)) from None
    inv = Investigation(name, title or name, description, text, tuple(declared),
                        frozenset(wanted), owner=scope.user, team=scope.team,
                        visibility=visibility)
    checked = admitted(scope, inv)  # checked again for whoever runs it
    try:
        kind = graph.query_type(checked.text, {**{p.name: p.default for p in declared},
                                               **checked.literals})
    except QueryFailed as exc:
        raise BadParameter("cypher", f"Neo4j cannot plan it: {masked_error(str(exc))}") from None
    if kind != "r":
        raise Refused("the whole text", f"Neo4j's planner says it would write (query type {kind})")
    stored = graph.write("api/saved_write", investigation=name, title=inv.title, description=description,
                         query=text, params=json.dumps([_param_row(p) for p in declared]),
                         roles=sorted(wanted), owner=scope.user, team=scope.team,
                         visibility=visibility, at=datetime.now(UTC))
    if not stored:
        raise Conflict(f"{name} belongs to another user")
    release(graph, scope, {}, "save", name, {"cypher": text, "visibility": visibility})
    return inv


def _param_row(param: Any) -> Row:
    return {**param.__dict__, "default": _plain(param.default)}


def delete(graph: Graph, scope: Scope, name: str) -> None:
    scope.require("write_cypher")
    if not graph.write("api/saved_delete", investigation=name, owner=scope.user)[0]["deleted"]:
        raise NotFound(f"no investigation {name} of yours")
    release(graph, scope, {}, "delete", name)


def describe(inv: Investigation) -> Row:
    """What a list or a generated form needs (never the owner's team)."""
    return {"name": inv.name, "title": inv.title, "description": inv.description,
            "roles": sorted(inv.roles), "persons": inv.persons, "limit": inv.limit,
            "timeout": inv.timeout, "owner": inv.owner, "visibility": inv.visibility,
            "params": [{**_param_row(p)} for p in inv.params],
            "cypher": inv.text}


def export(graph: Graph, scope: Scope, name: str, given: dict[str, Any], fmt: str,
           limit: int | None = None) -> tuple[bytes, str]:
    """An investigation's rows as a file (csv, json, xlsx) and its media type; always needs a
    purpose, and is logged as an export."""
    scope.require("export")
    scope.require_purpose(f"Exporting {name}")
    if fmt not in FORMATS:
        raise BadParameter("format", f"one of {', '.join(FORMATS)}")
    _, _, payload = execute(graph, scope, name, given, limit)
    shown = release(graph, scope, payload, "export", name, {**payload["params"], "format": fmt})
    return render(fmt, shown["columns"], shown["rows"]), FORMATS[fmt]
