"""The `networks` analysis step: communities of the cooperation graph, scored and stored.

1. Project canonical persons, companies and addresses with their roles, establishments and
   ownership into GDS (`networks/project`); Leiden finds communities, WCC the components.
2. A network is a group of persons who run companies together (`boundary`: each member holds
   roles in at least two companies another member also runs at the same time, the roles'
   periods from `networks/roles`; a person whose removal splits the
   group into two is a hub and context of both), with those companies and the addresses they
   are established at or the members own. Leiden's communities explain the boundary: a group
   kept apart from another in the same community, or joined across communities, says so in its
   reason. Betweenness and PageRank within each network (a second projection holding only ties
   inside one network) pick its key figures: the persons who hold it together.
3. Each candidate is scored from its structure, the facts about its members and the flags that
   the indicators wrote in this run (see `scoring`), and stored as a `Network` node
   with `HAS_MEMBER` relationships; members of suspect networks get a `network` flag, key figures
   a `key_figure` flag, for the scoring step.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph.db import Graph
from investigations.networks import boundary, scoring
from investigations.pipeline import Context

MAX_OWNED = 10  # owners of more addresses are institutions, not a tie between their tenants
CONCURRENCY = 2  # Open GDS allows 4; two cores are shared
LEIDEN: dict[str, Any] = {"relationshipWeightProperty": "weight", "concurrency": CONCURRENCY,
                          "randomSeed": 42, "maxLevels": 10, "gamma": 1.0, "theta": 0.01,
                          "tolerance": 1e-4}
WCC: dict[str, Any] = {"concurrency": CONCURRENCY}
FLAG_NAMES = ("network", "key_figure")
KEY_FIGURES = 3  # at most this many per network


@dataclass
class Candidate:
    """One community that may be a network: its members by kind and its WCC component."""

    community: int
    component: int
    persons: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)  # hubs and one-company officers
    reasons: list[str] = field(default_factory=list)  # why the boundary is where it is

    @property
    def keys(self) -> list[str]:
        return self.persons + self.companies + self.addresses


def projection_name(run_id: str, part: str) -> str:
    """GDS graph names come from the generated run id, never from user input."""
    return f"speurnet-{run_id}-{part}"


def candidates(rows: list[dict[str, Any]], ties: list[dict[str, Any]],
               periods: list[dict[str, Any]] | None = None) -> list[Candidate]:
    """Networks of the persons who run companies together (see `boundary`), with the addresses
    their companies are established at and the members own.

    Leiden's communities are not the boundary: they join neighbouring networks through a shared
    business address, an accountant or a landlord. They are kept to explain the boundary: a
    network that Leiden puts together with another is kept apart (and why), one that Leiden cuts
    in pieces is joined (the companies its members run together).
    """
    kind = {r["key"]: r["kind"] for r in rows}
    community = {r["key"]: r["community"] for r in rows}
    component = {r["key"]: r["component"] for r in rows}
    roles: set[tuple[str, str]] = set()
    held: dict[str, set[str]] = {}
    for t in ties:
        a, b = t["source"], t["target"]
        if kind.get(a) != "person":
            a, b = b, a
        if t["kind"] == "ROLE" and kind.get(a) == "person" and kind.get(b) == "company":
            roles.add((a, b))
        elif t["kind"] in ("ESTABLISHED", "OWNS"):
            owner, address = (a, b) if kind.get(b) == "address" else (b, a)
            held.setdefault(owner, set()).add(address)
    if periods is not None:  # the projected roles, each company cut where no role overlaps
        dated = [(r["person"], r["company"], r["start"], r["end"]) for r in periods
                 if (r["person"], r["company"]) in roles]
        roles = set(boundary.by_period(dated))
    found = []
    for g in boundary.groups(sorted(roles)):
        addresses = sorted({x for k in g.persons + g.companies for x in held.get(k, ())})
        communities = sorted({community[k] for k in g.persons})
        c = Candidate(Counter(community[k] for k in g.persons).most_common(1)[0][0],
                      component[g.persons[0]], g.persons, g.companies, addresses,
                      context=g.hubs + g.context, reasons=list(g.reasons))
        if len(communities) > 1:
            c.reasons.append(f"samengevoegd: Leiden verdeelt de leden over {len(communities)} "
                             f"gemeenschappen, maar zij hebben {len(g.companies)} bedrijven samen")
        found.append(c)
    by_community: dict[int, list[Candidate]] = {}
    for c in found:
        by_community.setdefault(c.community, []).append(c)
    for together in by_community.values():
        for c in together:
            if len(together) > 1:
                c.reasons.append(f"apart gehouden van {len(together) - 1} andere groep(en) in "
                                 "dezelfde Leiden-gemeenschap: geen bedrijf met twee leden van "
                                 "beide; alleen verbonden via adressen, eigenaren of "
                                 "verbindingspersonen")
    return sorted(found, key=lambda c: c.keys[0])


def key_figures(persons: list[str], central: dict[str, dict[str, float]]) -> list[str]:
    """The persons who hold a network together: highest betweenness, then PageRank; someone
    no shortest path runs through is a key figure only in a network where nobody is."""
    ranked = sorted(persons, key=lambda k: (-central.get(k, {}).get("betweenness", 0.0),
                                            -central.get(k, {}).get("pageRank", 0.0), k))
    top = [k for k in ranked if central.get(k, {}).get("betweenness", 0.0) > 0]
    return (top or ranked[:1])[:max(1, min(KEY_FIGURES, len(persons) // 3))]


def find(graph: Graph, ctx: Context) -> tuple[list[Candidate], dict[str, dict[str, float]]]:
    """Project, detect communities, and measure centrality inside each candidate network."""
    name = projection_name(ctx.run_id, "coop")
    try:
        graph.write("networks/project", graph=name, asOf=ctx.as_of, maxOwned=MAX_OWNED,
                    members=None)
        found = candidates(graph.read("networks/communities", graph=name, leiden=LEIDEN, wcc=WCC),
                           graph.read("networks/ties", graph=name), graph.read("networks/roles"))
    finally:
        graph.write("networks/drop", graph=name)
    if not found:
        return [], {}
    members = {k: i for i, c in enumerate(found) for k in c.keys}
    name = projection_name(ctx.run_id, "members")
    try:
        graph.write("networks/project", graph=name, asOf=ctx.as_of, maxOwned=MAX_OWNED,
                    members=members)
        rows = graph.read("networks/centrality", graph=name, concurrency=CONCURRENCY)
    finally:
        graph.write("networks/drop", graph=name)
    return found, {r["key"]: {"betweenness": r["betweenness"] or 0.0, "pageRank": r["pageRank"]}
                   for r in rows}


def facts(graph: Graph, ctx: Context, found: list[Candidate]) -> list[scoring.Facts]:
    """The facts each candidate is scored from (one query for all)."""
    rows = graph.read("networks/facts", runId=ctx.run_id, riskBranches=scoring.RISK_BRANCHES,
                      asOf=ctx.as_of, youngDays=scoring.YOUNG_DAYS,
                      signalCategories=scoring.SIGNAL_CATEGORIES, ownNames=list(FLAG_NAMES),
                      networks=[{"id": i, "persons": c.persons, "companies": c.companies,
                                 "addresses": c.addresses} for i, c in enumerate(found)])
    by_id = {r["id"]: r for r in rows}
    out = []
    for i, c in enumerate(found):
        r = by_id.get(i, {})
        out.append(scoring.Facts(
            len(c.persons), len(c.companies), len(c.addresses), r.get("shortLived", 0),
            r.get("riskBranch", 0), r.get("rotating", 0), r.get("maxRoles", 0),
            r.get("permits", []), r.get("signals", []), r.get("cases", []), r.get("flags", [])))
    return out


def run(graph: Graph, ctx: Context) -> dict[str, Any]:
    """The step: find, score, store, flag; returns figures for the run record."""
    found, central = find(graph, ctx)
    scored = []
    for c, f in zip(found, facts(graph, ctx, found), strict=True):
        total, parts = scoring.score(f)
        scored.append((total, c, f, parts))
    scored.sort(key=lambda s: (-s[0], s[1].keys[0]))
    rows, flags = [], []
    for rank, (total, c, f, parts) in enumerate(scored, start=1):
        net_id = f"net-{rank:04d}"
        figures = key_figures(c.persons, central)
        why = scoring.reason(f, parts) + "".join(f" Grens: {r}." for r in c.reasons)
        kinds = [("person", c.persons), ("company", c.companies), ("address", c.addresses)]
        rows.append({
            "id": net_id, "score": total, "size": len(c.keys), "persons": len(c.persons),
            "companies": len(c.companies), "addresses": len(c.addresses),
            "component": c.component, "reason": why, "keyFigures": figures,
            "features": json.dumps({**parts, "permits": f.permits, "signals": f.signals,
                                    "cases": f.cases, "flaggedMembers": len(f.flags),
                                    "context": c.context, "boundary": c.reasons}),
            "members": [{"key": k, "kind": kind, **central.get(k, {}), "keyFigure": k in figures}
                        for kind, keys in kinds for k in keys]})
        if total < scoring.SUSPECT:
            continue
        evidence = json.dumps({"network": net_id, "score": total, **parts})
        flags += [{"name": "network", "kind": kind, "subject": k, "strength": total,
                   "reason": f"Lid van verdacht netwerk {net_id}: {why}", "evidence": evidence}
                  for kind, keys in kinds for k in keys]
        flags += [{"name": "key_figure", "kind": "person", "subject": k, "strength": total,
                   "reason": f"Spilfiguur in netwerk {net_id}: hoogste tussenliggendheid "
                             "(betweenness) en PageRank binnen het netwerk.",
                   "evidence": json.dumps({"network": net_id, **central.get(k, {})})}
                  for k in figures]
    now = datetime.now(UTC)
    for _ in graph.write_batches("networks/write", rows, runId=ctx.run_id, computedAt=now):
        pass
    for _ in graph.write_batches("networks/flags_write", flags, runId=ctx.run_id):
        pass
    cleaned = graph.write("networks/clean", runId=ctx.run_id, flagNames=list(FLAG_NAMES))[0]
    suspect = sum(total >= scoring.SUSPECT for total, *_ in scored)
    return {"networks": len(rows), "suspect": suspect, "flags": len(flags),
            "removedOld": cleaned["networks"]}
