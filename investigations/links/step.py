"""The link-prediction steps: hidden residents, associates and look-alike addresses.

Each step stores its predictions as `PREDICTED_LINK` relationships with the run id (never as
facts such as REGISTERED_AT), replaces the previous run's predictions of its kind, and writes
flags for the scoring step on the strongest ones only: a long tail of weak
predictions would put a reason on almost every address.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import numpy as np

from graph.db import Graph
from investigations.links import associates, lookalike, residents
from investigations.pipeline import Context

RESIDENT_FLAG = 0.5  # resident predictions from this score on flag person and address
MAX_RESIDENTS = 40  # registrations at one address beyond which co-residence is no tie
ASSOCIATE_MIN = 0.5
LOOKALIKE_MIN = 0.5
LOOKALIKE_TOP = 10  # look-alikes kept: at least this many, else one per 200 dwellings
FLAG_NAMES = {"resident": ["predicted_resident"], "associate": ["predicted_associate"],
              "lookalike": ["lookalike"]}
# Every link and flag carries `sources`: the files whose facts its evidence and reasons quote,
# so masking withholds it from a user who may not see one of them (as an indicator flag).


def _files(*groups: Iterable[str | None]) -> list[str]:
    return sorted({f for group in groups for f in group if f})


def _store(graph: Graph, ctx: Context, kind: str, links: list[dict[str, Any]],
           flags: list[dict[str, Any]]) -> dict[str, int]:
    now = datetime.now(UTC)
    for _ in graph.write_batches("links/write", links, runId=ctx.run_id, computedAt=now):
        pass
    for _ in graph.write_batches("networks/flags_write", flags, runId=ctx.run_id):
        pass
    old = graph.write("links/clean", runId=ctx.run_id, kind=kind, flagNames=FLAG_NAMES[kind])[0]
    return {"links": len(links), "flags": len(flags), "removedOld": old["links"]}


def predict_residents(graph: Graph, ctx: Context) -> dict[str, Any]:
    """Score every (person, dwelling) pair tied by a fact but not by a registration."""
    links, flags = [], []
    for row in graph.read("links/resident_evidence", asOf=ctx.as_of):
        total, reasons = residents.score(row["items"], row["registry"], row["registeredAt"],
                                         ctx.as_of)
        if total <= 0:
            continue
        evidence = json.dumps({"items": row["items"], "registeredAt": row["registeredAt"]},
                              default=str)
        files = _files(row["registrationSources"],
                       *(item.get("sources") or [] for item in row["items"]))
        links.append({"source": row["person"], "sourceKind": "person", "target": row["address"],
                      "targetKind": "address", "kind": "resident", "score": total,
                      "reasons": reasons, "evidence": evidence, "sources": files})
        if total >= RESIDENT_FLAG:
            why = f"Woont mogelijk op {row['label'] or row['address']} zonder inschrijving: " \
                  + "; ".join(reasons[:3]) + "."
            flags += [{"name": "predicted_resident", "kind": kind, "subject": subject,
                       "strength": total, "reason": why, "evidence": evidence,
                       "sources": files}
                      for kind, subject in (("person", row["person"]),
                                            ("address", row["address"]))]
    # One flag per subject: the strongest prediction (MERGE on the flag key keeps the last).
    flags.sort(key=lambda f: f["strength"])
    return _store(graph, ctx, "resident", links, flags)


def predict_associates(graph: Graph, ctx: Context) -> dict[str, Any]:
    """Train on the tie graph, score pairs two steps apart, keep the best; flag associates of
    members of suspect networks (the risk a prediction carries comes from whom it ties to)."""
    ties = graph.read("links/person_ties", asOf=ctx.as_of, maxResidents=MAX_RESIDENTS)
    keys = sorted({t["a"] for t in ties} | {t["b"] for t in ties})
    if len(ties) < 10:
        return _store(graph, ctx, "associate", [], [])
    index = {k: i for i, k in enumerate(keys)}
    edges = np.array([(index[t["a"]], index[t["b"]]) for t in ties], dtype=int)
    kinds = {(index[t["a"]], index[t["b"]]): t["kinds"] for t in ties}
    tie_files = {(index[t["a"]], index[t["b"]]): t["sources"] for t in ties}
    model = associates.train(len(keys), edges, seed=0)
    a = associates.adjacency(len(keys), edges)
    pairs = associates.two_hop_pairs(a)
    if len(pairs) == 0:
        return _store(graph, ctx, "associate", [], [])
    x = associates.features(a, pairs, distances=False)
    p = model.predict(x)
    members = {r["person"]: r for r in graph.read("links/network_members", runId=ctx.run_id)}
    # The best pairs overall (the rest is a family's wider circle), and every likely associate
    # of a member of a suspect network: those are the leads a case preparer follows.
    keep = max(100, len(keys) // 20)
    near = np.array([keys[u] in members or keys[v] in members for u, v in pairs.tolist()])
    chosen = set(np.argsort(-p)[:keep].tolist()) | set(np.flatnonzero(near).tolist())
    order = sorted((i for i in chosen if p[i] >= ASSOCIATE_MIN), key=lambda i: -p[i])
    links, flags = [], []
    for i in order:
        u, v = (int(n) for n in pairs[i])
        common = sorted(set(a[u].indices) & set(a[v].indices))
        via = [f"{keys[c]} ({'/'.join(kinds.get((min(u, c), max(u, c)), []))} met de een, "
               f"{'/'.join(kinds.get((min(v, c), max(v, c)), []))} met de ander)"
               for c in common[:5]]
        reasons = [f"{len(common)} gemeenschappelijke contacten: " + ", ".join(via)]
        contributions = model.contributions(x[i:i + 1])[0]
        top = {associates.FEATURES[f]: round(float(contributions[f]), 3)
               for f in np.argsort(-contributions)[:3]}
        evidence = json.dumps({"common": [keys[c] for c in common], "features": dict(
            zip(associates.FEATURES, np.round(x[i], 4).tolist(), strict=True)), "top": top})
        score = round(float(p[i]), 4)
        files = _files(*(tie_files.get((min(w, c), max(w, c)), []) for c in common
                         for w in (u, v)))
        links.append({"source": keys[u], "sourceKind": "person", "target": keys[v],
                      "targetKind": "person", "kind": "associate", "score": score,
                      "reasons": reasons, "evidence": evidence, "sources": files})
        # A flag needs a common contact tied by more than living together (a role, property,
        # a signal or case): an ex-housemate's relative is no lead. An associate is a weaker
        # lead than a member, hence half the pair's score times the network's.
        chosen_ties = {k for c in common for k in kinds.get((min(u, c), max(u, c)), [])
                       + kinds.get((min(v, c), max(v, c)), [])}
        if not chosen_ties - {"resident"}:
            continue
        for me, other in ((keys[u], keys[v]), (keys[v], keys[u])):
            if other in members and me not in members:
                strength = round(0.5 * score * float(members[other]["strength"]), 4)
                flags.append({"name": "predicted_associate", "kind": "person", "subject": me,
                              "strength": strength, "evidence": evidence, "sources": files,
                              "reason":
                              f"Waarschijnlijk verbonden met {other}, lid van een verdacht "
                              f"netwerk: {reasons[0]}."})
    flags.sort(key=lambda f: f["strength"])
    return _store(graph, ctx, "associate", links, flags) | {"persons": len(keys),
                                                            "ties": len(ties)}


def predict_lookalikes(graph: Graph, ctx: Context) -> dict[str, Any]:
    """Dwellings that resemble dwellings where a closed case found a violation."""
    rows = graph.read("links/address_profiles", asOf=ctx.as_of, runId=ctx.run_id,
                      ownNames=["lookalike", "predicted_resident", "predicted_associate"])
    holdings = {r["key"]: r["ownerHoldings"]
                for r in graph.read("links/owner_holdings", asOf=ctx.as_of)}
    for row in rows:
        row["ownerHoldings"] = holdings.get(row["key"], 0)
    matches, figures = lookalike.score(rows)
    profiles = {r["key"]: r for r in rows}
    links, flags = [], []
    best = [m for m in sorted(matches, key=lambda m: -m.score)
            if m.score >= LOOKALIKE_MIN and m.shared]
    for m in best[:max(LOOKALIKE_TOP, len(rows) // 200)]:
        reason = (f"Lijkt op {m.nearest}, waar zaak {m.case} een overtreding vond: "
                  + ", ".join(m.shared))
        evidence = json.dumps({"nearest": m.nearest, "case": m.case, "shared": m.shared})
        files = lookalike.sources(m, profiles)
        links.append({"source": m.key, "sourceKind": "address", "target": m.nearest,
                      "targetKind": "address", "kind": "lookalike", "score": m.score,
                      "reasons": [reason], "evidence": evidence, "sources": files})
        flags.append({"name": "lookalike", "kind": "address", "subject": m.key,
                      "strength": m.score, "reason": reason + ".", "evidence": evidence,
                      "sources": files})
    counts: dict[str, float] = defaultdict(float, figures)
    return _store(graph, ctx, "lookalike", links, flags) | dict(counts)
