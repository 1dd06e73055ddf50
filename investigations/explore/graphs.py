"""Exploring the graph: neighbourhood expansion (paged), shortest paths and full-text search."""

from __future__ import annotations

import re

from graph.db import Graph, Row
from investigations.access.gate import release, resolve_key
from investigations.access.scope import Scope
from investigations.errors import BadParameter, NotFound
from investigations.explore import nodes

MAX_DEPTH = 3
MAX_PAGE = 500
MAX_PATH = 8
# Lucene's special characters; a user's words are searched as words, never as query syntax.
LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
SEARCH_KINDS = ("address", "company", "person")


def _page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise BadParameter("limit", f"between 1 and {MAX_PAGE}")
    if offset < 0:
        raise BadParameter("offset", "0 or more")


def neighbourhood(graph: Graph, scope: Scope, key: str, depth: int = 1, limit: int = 100,
                  offset: int = 0) -> Row:
    """One page of the entities within `depth` hops, nearest first, with the links to them."""
    scope.require("view")
    purpose = scope.require_purpose("Expanding a neighbourhood")
    if not 1 <= depth <= MAX_DEPTH:
        raise BadParameter("depth", f"between 1 and {MAX_DEPTH}")
    _page(limit, offset)
    real = resolve_key(graph, scope, key, "key")
    params = {"depth": depth, "limit": limit, "offset": offset}
    rows = graph.read("api/neighbourhood", **nodes.lookup(real), depth=depth, limit=limit + 1,
                      offset=offset)
    if not rows and offset == 0:
        release(graph, scope, {}, "expand", real, {**params, "found": False})
        raise NotFound(f"{key} not found")
    found, rels = [], []
    for i, row in enumerate(rows[:limit]):
        node = nodes.node(row["labels"], row["props"])
        found.append({**node, "distance": row["distance"]})
        rel = row["rel"]
        if rel is not None:
            prev = nodes.node(rel["fromLabels"], rel["fromProps"])["id"]
            start, end = (prev, node["id"]) if rel["forward"] else (node["id"], prev)
            rels.append(nodes.relationship(rel["type"], start, end, rel["props"], offset + i))
    payload = {"center": real, "depth": depth, "offset": offset, "limit": limit,
               "hasMore": len(rows) > limit, "purpose": purpose,
               "graph": {"nodes": found, "relationships": rels}}
    # A relationship to a node on an earlier page stays: the caller already has that node.
    return release(graph, scope, payload, "expand", real, params)


def shortest_path(graph: Graph, scope: Scope, source: str, target: str,
                  max_length: int = 6) -> Row:
    """The shortest chain of facts linking two entities (not through a shared CBS buurt)."""
    scope.require("view")
    purpose = scope.require_purpose("Finding a path")
    if not 1 <= max_length <= MAX_PATH:
        raise BadParameter("max_length", f"between 1 and {MAX_PATH}")
    a = resolve_key(graph, scope, source, "source")
    b = resolve_key(graph, scope, target, "target")
    rows = graph.read("api/path", a=nodes.lookup(a, "source"), b=nodes.lookup(b, "target"))
    params = {"source": a, "target": b, "max_length": max_length}
    if not rows:
        release(graph, scope, {}, "path", f"{a} -> {b}", {**params, "found": False})
        raise NotFound(f"{source} or {target} not found")
    row = rows[0]
    found = [nodes.node(n["labels"], n["props"]) for n in row["nodes"]]
    by_eid = {eid: n["id"] for eid, n in zip(row["eids"], found, strict=True)}
    rels = []
    for i, rel in enumerate(row["rels"]):
        here, there = found[i]["id"], found[i + 1]["id"]
        start, end = (here, there) if by_eid.get(rel["start"]) == here else (there, here)
        rels.append(nodes.relationship(rel["type"], start, end, rel["props"], i))
    if len(rels) > max_length:
        found, rels = [], []
    payload = {"source": a, "target": b, "length": len(rels) if rels else None,
               "purpose": purpose, "graph": {"nodes": found, "relationships": rels}}
    return release(graph, scope, payload, "path", f"{a} -> {b}", params)


def lucene_query(text: str) -> str:
    """The user's words as a Lucene query: special characters escaped, every word required,
    each as a prefix (`kerkstr` finds Kerkstraat)."""
    words = [LUCENE_SPECIAL.sub(r"\\\1", w) for w in text.lower().split()]
    return " AND ".join(f"{w}*" for w in words if w)


def search(graph: Graph, scope: Scope, text: str, kinds: list[str] | None = None,
           limit: int = 20) -> Row:
    """Addresses, companies and persons whose label or name matches the words of `text`.
    Pseudonymised users do not search names: a hit would tell them who is in the data."""
    scope.require("search")
    purpose = scope.require_purpose("Searching")
    words = text.strip()
    if not words or len(words) > 200:
        raise BadParameter("q", "1 to 200 characters")
    if not 1 <= limit <= 100:
        raise BadParameter("limit", "between 1 and 100")
    wanted = set(kinds or SEARCH_KINDS)
    if unknown := wanted - set(SEARCH_KINDS):
        raise BadParameter("kind", f"unknown {sorted(unknown)}; one of {', '.join(SEARCH_KINDS)}")
    persons = "person" in wanted and scope.identities
    query = lucene_query(words)
    if not query.strip("*"):
        raise BadParameter("q", "needs a word to search for")
    rows = graph.read("api/search", query=query, persons=persons,
                      addresses="address" in wanted, companies="company" in wanted, limit=limit)
    hits = [{**nodes.node(r["labels"], r["props"]), "score": round(r["score"], 4)} for r in rows]
    payload = {"query": words, "personsSearched": persons, "purpose": purpose, "hits": hits}
    params = {"q": words, "kinds": sorted(wanted), "limit": limit}
    return release(graph, scope, payload, "search", None, params)
