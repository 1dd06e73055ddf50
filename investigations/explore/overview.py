"""The overview page's data: where to act (rankings with reasons), open cases, recent signals,
the map's points and the neighbourhood aggregates, released like any other view.

Persons are ranked only when the page may show them (a stated purpose); whatever the user may
not see is withheld and persons are pseudonymised by `release`, which also writes the audit entry.
"""

from __future__ import annotations

from graph.db import Graph, Row
from investigations.access.gate import release
from investigations.access.scope import Scope
from investigations.explore import nodes
from investigations.explore.names import QuotedName, named, names_of, quoted_keys
from investigations.fresh import FreshCache
from investigations.scoring.monitor import neighbourhood_figures

TOP = 10
MAP_POINTS = 500
GROUPS = (("Address", "addresses"), ("Company", "companies"), ("Person", "persons"))
KEEP_SECONDS = 120.0  # aggregates are reused this long at most (app outcomes change them too)
_cache: FreshCache[Row] = FreshCache(KEEP_SECONDS)


def _ranked(row: Row) -> Row:
    entry = nodes.node(row["labels"], row["props"])
    entry["score"] = row["props"].get("score")
    # {reason, sources}: a flag's reason quotes its evidence, so it goes where its sources do.
    entry["reasons"] = list(row["reasons"])
    return entry


def _with_subjects(row: Row) -> Row:
    entry = nodes.node(row["labels"], row["props"])
    entry["subjects"] = [nodes.node(s["labels"], s["props"]) for s in row["subjects"] if s]
    return entry


def _aggregates(graph: Graph, top: int, persons: bool) -> Row:
    """The overview's rows before release. They are the same for every user (release masks
    per user), and on a large graph they take a second or more, so they are kept until the next
    load or analysis, or KEEP_SECONDS, and computed by one request while the others wait."""
    return _cache.get(graph, (top, persons), lambda: _compute(graph, top, persons))


def _compute(graph: Graph, top: int, persons: bool) -> Row:
    ranked: dict[str, list[Row]] = {name: [] for _, name in GROUPS}
    for row in graph.read("pages/top_subjects", limit=top, persons=persons):
        entry = _ranked(row)
        ranked[dict(GROUPS)[entry["kind"]]].append(entry)
    points = [{"id": r["id"], "label": r["label"], "score": r["score"], "lat": r["lat"],
               "lon": r["lon"], "source": {"file": r["file"], "loadId": r["loadId"]}}
              for r in graph.read("pages/map_points", limit=MAP_POINTS)]
    return {
        **ranked,
        "networks": graph.read("pages/top_networks", limit=top),
        "cases": [_with_subjects(r) for r in graph.read("pages/open_cases", limit=top)],
        "signals": [_with_subjects(r) for r in graph.read("pages/recent_signals", limit=top)],
        "points": points,
        "neighbourhoods": neighbourhood_figures(graph),
        "counts": graph.read("pages/label_counts"),
        "names": _quoted_names(graph, [e for _, name in GROUPS for e in ranked[name]]),
    }


def _quoted_names(graph: Graph, ranked: list[Row]) -> list[QuotedName]:
    """Who and what the reasons quote by key, to be shown by name (released, so masked)."""
    return names_of(graph, quoted_keys([r.get("reason") for e in ranked for r in e["reasons"]]))


def _named(shown: Row) -> None:
    """Reasons with the keys they quote replaced by the names the user may see."""
    names = {n["id"]: n["label"] for n in shown.get("names") or [] if n.get("label")}
    for _, group in GROUPS:
        for entry in shown.get(group) or []:
            for r in entry.get("reasons") or []:
                if isinstance(r.get("reason"), str):
                    r["reason"] = named(r["reason"], names)


def overview(graph: Graph, scope: Scope, top: int = TOP) -> Row:
    """Everything the overview shows, as the user may see it (audited as one view)."""
    scope.require("view")
    persons = bool(scope.purpose)
    rows = _aggregates(graph, top, persons)
    payload = {**{k: v for k, v in rows.items() if k != "counts"}, "personsShown": persons}
    shown: Row = release(graph, scope, payload, "view", "overzicht", {"top": top})
    shown["counts"] = rows["counts"]  # per label, no facts: nothing to mask
    _named(shown)
    return shown
