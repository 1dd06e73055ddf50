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
PAIR_CHUNK = 200_000  # candidate pairs scored at a time
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


Ties = tuple[list[str], np.ndarray, dict[tuple[int, int], list[str]],
             dict[tuple[int, int], list[str]]]


def _read_ties(graph: Graph, ctx: Context) -> Ties:
    """The tie graph: sorted person keys, edges as index pairs, and per edge its kinds and files.

    Streamed and kept compact (a 1M-person town has millions of ties): the few distinct lists of
    kinds and of files are shared, not stored once per tie."""
    shared: dict[tuple[str, ...], list[str]] = {}
    index: dict[str, int] = {}
    ends: list[int] = []
    kinds, files = [], []
    for tie in graph.stream("links/person_ties", asOf=ctx.as_of, maxResidents=MAX_RESIDENTS):
        for key in (tie["a"], tie["b"]):
            ends.append(index.setdefault(key, len(index)))
        kinds.append(shared.setdefault(tuple(tie["kinds"]), tie["kinds"]))
        files.append(shared.setdefault(tuple(tie["sources"]), tie["sources"]))
    keys = sorted(index)
    renumber = np.empty(len(index), dtype=np.int64)  # first-seen number -> sorted position
    for position, key in enumerate(keys):
        renumber[index[key]] = position
    edges = renumber[np.array(ends, dtype=np.int64)].reshape(-1, 2) if ends else \
        np.empty((0, 2), dtype=np.int64)
    pairs = [(int(u), int(v)) for u, v in edges]
    return keys, edges, dict(zip(pairs, kinds)), dict(zip(pairs, files))


def predict_associates(graph: Graph, ctx: Context) -> dict[str, Any]:
    """Train on the tie graph, score pairs two steps apart, keep the best; flag associates of
    members of suspect networks (the risk a prediction carries comes from whom it ties to)."""
    keys, edges, kinds, tie_files = _read_ties(graph, ctx)
    if len(edges) < 10:
        return _store(graph, ctx, "associate", [], [])
    model = associates.train(len(keys), edges, seed=0)
    a = associates.adjacency(len(keys), edges)
    pairs = associates.two_hop_pairs(a)
    if len(pairs) == 0:
        return _store(graph, ctx, "associate", [], [])
    # Scored in chunks: the features of every candidate pair at once would not fit at 1M persons.
    p = np.concatenate([model.predict(associates.features(a, pairs[s:s + PAIR_CHUNK],
                                                          distances=False))
                        for s in range(0, len(pairs), PAIR_CHUNK)])
    members = {r["person"]: r for r in graph.read("links/network_members", runId=ctx.run_id)}
    # The best pairs overall (the rest is a family's wider circle), and every likely associate
    # of a member of a suspect network: those are the leads a case preparer follows.
    keep = max(100, len(keys) // 20)
    member = np.isin(np.array(keys, dtype=object), list(members))
    near = member[pairs[:, 0]] | member[pairs[:, 1]]
    chosen = set(np.argsort(-p)[:keep].tolist()) | set(np.flatnonzero(near).tolist())
    order = sorted((i for i in chosen if p[i] >= ASSOCIATE_MIN), key=lambda i: -p[i])
    rows = {i: n for n, i in enumerate(order)}
    x = associates.features(a, pairs[order], distances=False) if order else np.empty((0, 0))
    links: list[dict[str, Any]] = []
    flags: list[dict[str, Any]] = []
    for i in order:
        u, v = (int(n) for n in pairs[i])
        common = sorted(set(a[u].indices) & set(a[v].indices))
        via = [f"{keys[c]} ({'/'.join(kinds.get((min(u, c), max(u, c)), []))} met de een, "
               f"{'/'.join(kinds.get((min(v, c), max(v, c)), []))} met de ander)"
               for c in common[:5]]
        reasons = [f"{len(common)} gemeenschappelijke contacten: " + ", ".join(via)]
        row = rows[i]
        contributions = model.contributions(x[row:row + 1])[0]
        top = {associates.FEATURES[f]: round(float(contributions[f]), 3)
               for f in np.argsort(-contributions)[:3]}
        evidence = json.dumps({"common": [keys[c] for c in common], "features": dict(
            zip(associates.FEATURES, np.round(x[row], 4).tolist(), strict=True)), "top": top})
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
                                                            "ties": len(edges)}


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
