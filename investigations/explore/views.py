"""Entity views (address, person, company, network): facts, links, timeline, flags, sources.

Each view reads one named statement, shapes plain data, and leaves through `release`: facts
the user may not see are withheld, persons are pseudonymised where the scope says so, and the
view is written to the audit log before it is returned.
"""

from __future__ import annotations

import re
from typing import Any

from graph.db import Graph, Row
from investigations.access.gate import release, resolve_key
from investigations.access.scope import Scope
from investigations.errors import BadParameter, NotFound
from investigations.explore import nodes
from investigations.explore.names import names_of, quoted_keys

MAX_LINKS = 500
# Dates that place a fact on the timeline: (where, property), first one present wins.
NODE_DATES = {"Signal": "date", "Case": "start", "Permit": "decisionDate", "Company": "founded"}


def address_view(graph: Graph, scope: Scope, nummeraanduiding_id: str, limit: int = 100,
                 offset: int = 0) -> Row:
    if not re.fullmatch(r"\d{16}", nummeraanduiding_id):
        raise BadParameter("nummeraanduiding_id", f"{nummeraanduiding_id!r} is not 16 digits")
    return entity_view(graph, scope, f"adres:{nummeraanduiding_id}", limit, offset)


def company_view(graph: Graph, scope: Scope, kvk_nummer: str, limit: int = 100,
                 offset: int = 0) -> Row:
    if not re.fullmatch(r"\d{8}", kvk_nummer):
        raise BadParameter("kvk_nummer", f"{kvk_nummer!r} is not 8 digits")
    return entity_view(graph, scope, f"kvk:{kvk_nummer}", limit, offset)


def person_view(graph: Graph, scope: Scope, key: str, limit: int = 100, offset: int = 0) -> Row:
    scope.require("view")
    scope.require_purpose("Viewing a person")
    real = resolve_key(graph, scope, key, "key")
    if not real.startswith(("bsn:", "person:")):
        raise BadParameter("key", f"{key!r} is not a person key (bsn:…, person:… or pseudo:…)")
    return entity_view(graph, scope, real, limit, offset, shown_as=key)


def network_view(graph: Graph, scope: Scope, network_id: str, limit: int = 100,
                 offset: int = 0) -> Row:
    return entity_view(graph, scope, f"netwerk:{network_id}", limit, offset)


def entity_view(graph: Graph, scope: Scope, public_id: str, limit: int = 100, offset: int = 0,
                shown_as: str | None = None) -> Row:
    """Any entity by public id: the one view behind the four entity routes."""
    scope.require("view")
    purpose = scope.require_purpose("Viewing an entity")
    if not 1 <= limit <= MAX_LINKS:
        raise BadParameter("limit", f"between 1 and {MAX_LINKS}")
    if offset < 0:
        raise BadParameter("offset", "0 or more")
    params = {"limit": limit, "offset": offset}
    rows = graph.read("api/entity", **nodes.lookup(public_id), **params)
    if not rows:
        release(graph, scope, {}, "view", public_id, {**params, "found": False})
        raise NotFound(f"{shown_as or public_id} not found")
    row = rows[0]
    entity = nodes.node(row["labels"], row["props"])
    links = [_link(entity["id"], link, offset + i) for i, link in enumerate(row["links"])]
    payload = {
        "entity": entity,
        "records": [nodes.node(r["labels"], r["props"]) for r in row["records"]],
        "links": links,
        "linkCounts": link_counts(scope, row["counts"]),
        "offset": offset, "limit": limit,
        "timeline": timeline(entity, links),
        "flags": latest_flags(row["flags"]),
        "purpose": purpose,
    }
    # Whom the flags, predictions and network facts quote by key, named (masked by release).
    payload["names"] = names_of(graph, quoted_keys(
        [payload["flags"], entity["properties"], [link["relationship"]["properties"]
                                                  for link in links]]) - _shown(payload))
    view = release(graph, scope, payload, "view", public_id, params)
    if view["entity"] is None:
        raise NotFound(f"{shown_as or public_id} not found (or not visible to you)")
    view["sources"] = sources_of(view)
    return view


def _shown(payload: Row) -> set[str]:
    return {payload["entity"]["id"]} | {link["node"]["id"] for link in payload["links"]}


def link_counts(scope: Scope, counts: list[Row]) -> dict[str, int]:
    """Links per type, counting only those whose relationship and node the user may see (a
    count of withheld facts would tell that they exist); a prediction counts only when the user
    may see every file its evidence quotes (its `sources`)."""
    found: dict[str, int] = {}
    for c in counts:
        if scope.sees(scope.sources.info(c["rs"], c["rl"])) and scope.sees(
                scope.sources.info(c["ms"], c["ml"])) and scope.sees_files(c.get("quoted") or []):
            found[c["type"]] = found.get(c["type"], 0) + c["count"]
    return dict(sorted(found.items()))


def _link(center: str, link: Row, index: int) -> Row:
    other = nodes.node(link["labels"], link["props"])
    via = link["via"] or center
    start, end = (via, other["id"]) if link["outgoing"] else (other["id"], via)
    return {"type": link["type"], "direction": "out" if link["outgoing"] else "in",
            "relationship": nodes.relationship(link["type"], start, end, link["rel"], index),
            "node": other}


def timeline(entity: Row, links: list[Row]) -> list[Row]:
    """Dated facts, newest first: registrations, roles, ownership, permits, signals, cases."""
    events: list[Row] = []
    for link in links:
        rel, other = link["relationship"], link["node"]
        date = rel["properties"].get("start")
        end = rel["properties"].get("end")
        source = rel["source"]
        if date is None and other["kind"] in NODE_DATES:
            date = other["properties"].get(NODE_DATES[other["kind"]])
            end = other["properties"].get("end") or other["properties"].get("validTo")
            source = other["source"]
        if date is not None:
            events.append({"date": str(date), "end": None if end is None else str(end),
                           "what": link["type"], "node": other, "source": source})
    if entity["kind"] in NODE_DATES and entity["properties"].get(NODE_DATES[entity["kind"]]):
        events.append({"date": str(entity["properties"][NODE_DATES[entity["kind"]]]),
                       "end": _text(entity["properties"].get("dissolved")), "what": "FOUNDED",
                       "node": None, "source": entity["source"]})
    return sorted(events, key=lambda e: e["date"], reverse=True)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def latest_flags(flags: list[Row]) -> list[Row]:
    """The flags of the subject's most recent analysis run (run ids sort by time)."""
    if not flags:
        return []
    latest = max(str(f.get("runId") or "") for f in flags)
    kept = [f for f in flags if str(f.get("runId") or "") == latest]
    return sorted(({"key": f.get("key"), "name": f.get("name"), "strength": f.get("strength"),
                    "reason": f.get("reason"), "evidence": f.get("evidence"),
                    "sources": f.get("sources") or [],  # masking withholds it by these
                    "runId": f.get("runId")} for f in kept),
                  key=lambda f: -(f["strength"] or 0.0))


def sources_of(payload: Any) -> list[Row]:
    """The distinct source files behind what a view shows (after withholding)."""
    found: dict[tuple[Any, Any], Row] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            source = value.get("source")
            if isinstance(source, dict) and source.get("file"):
                found.setdefault((source["file"], source.get("loadId")), {
                    "file": source["file"], "loadId": source.get("loadId"),
                    "partner": source.get("partner"), "tier": source.get("tier"),
                    "loadedAt": source.get("loadedAt")})
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(payload)
    return sorted(found.values(), key=lambda s: (str(s["file"]), str(s["loadId"])))
