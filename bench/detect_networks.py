"""Detection benchmark for networks and hidden residents on a generated municipality.

    python -m bench.detect_networks [--persons 10000] [--seed 31]   # bench/results/detect_networks.json

Loads the town into the benchmark store, runs entity resolution and the analysis steps up to
order 80 (indicators, networks, links; not the scoring), then measures against the ground truth:
- per planted officer network the best person-Jaccard with a found network (members' BRP keys;
  any other person in the found network counts against it), beside two baselines: connected
  components of the raw graph and of the cooperation projection (no Leiden);
- the score of networks holding a decoy (business centre, student housing, large family);
- the rank of every planted hidden resident among the predicted resident links, beside common
  neighbours on the resolved graph and on the raw graph (ties ranked at their mean).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from bench.common import Timer, bench_graph, town, wipe, write_result
from graph.db import Graph
from investigations import analysis, exports
from investigations.matching.run import run as run_matching
from investigations.networks import scoring, step
from loaders.load import load
from loaders.synthetic import GroundTruth


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def best_jaccard(truth: set[str], groups: list[set[str]]) -> float:
    return max((jaccard(truth, g) for g in groups), default=0.0)


def mean_rank(target: float, scores: list[float]) -> float:
    """1-based rank of a score among all scores, ties at their mean rank."""
    above = sum(s > target for s in scores)
    tied = sum(s == target for s in scores)
    return above + (tied + 1) / 2


def resident_ranks(pairs: dict[tuple[str, str], float], hidden: list[tuple[str, str]]
                   ) -> list[float | None]:
    scores = list(pairs.values())
    return [mean_rank(pairs[h], scores) if h in pairs else None for h in hidden]


def components(graph: Graph, name: str, rows: list[dict[str, Any]], field: str
               ) -> list[set[str]]:
    groups: dict[int, set[str]] = defaultdict(set)
    for r in rows:
        if r.get("kind", "person") == "person":
            groups[r[field]].add(r["key"])
    graph.write("networks/drop", graph=name)
    return list(groups.values())


def networks(graph: Graph, truth: GroundTruth, as_of: date) -> dict[str, Any]:
    found = exports.rows(graph, "networks")
    persons = [{m for m in r["members"] if m.startswith(("bsn:", "person:"))} for r in found]
    raw = components(graph, "bench-raw", graph.read("networks/baseline_components",
                                                    graph="bench-raw"), "component")
    graph.write("networks/project", graph="bench-coop", asOf=as_of, maxOwned=step.MAX_OWNED,
                members=None)
    coop = components(graph, "bench-coop", graph.read(
        "networks/communities", graph="bench-coop", leiden=step.LEIDEN, wcc=step.WCC),
        "component")
    planted = []
    for net in truth.patterns["officer_networks"]:
        members = {f"bsn:{b}" for b in net["bsns"]}
        best = max(range(len(found)), key=lambda i: jaccard(members, persons[i]), default=-1)
        planted.append({
            "members": len(members), "jaccard": round(best_jaccard(members, persons), 3),
            "network": found[best]["network_id"] if best >= 0 else None,
            "score": found[best]["score"] if best >= 0 else None,
            "raw_components_jaccard": round(best_jaccard(members, raw), 3),
            "projection_components_jaccard": round(best_jaccard(members, coop), 3)})
    decoys = {}
    for kind in ("business_centre", "student_housing", "large_family"):
        keys = {f"adres:{d['address']}" for d in truth.decoys.get(kind, [])}
        scores = [r["score"] for r in found if keys & set(r["members"])]
        decoys[kind] = {"instances": len(keys), "networks": len(scores),
                        "max_score": max(scores, default=None),
                        "suspect": sum(s >= scoring.SUSPECT for s in scores)}
    return {"found": len(found), "suspect": sum(r["score"] >= scoring.SUSPECT for r in found),
            "planted": planted, "decoys": decoys}


def residents(graph: Graph, truth: GroundTruth, as_of: date) -> dict[str, Any]:
    hidden = [(f"bsn:{h['bsn']}", f"adres:{h['address']}")
              for h in truth.patterns["hidden_residents"]]
    ours = {(r["source"], r["target"]): float(r["score"])
            for r in exports.rows(graph, "links") if r["kind"] == "resident"}
    out: dict[str, Any] = {"planted": len(hidden)}
    for name, pairs in (
            ("speurnet", ours),
            ("common_neighbours_resolved", {(r["person"], r["address"]): float(r["common"])
                                            for r in graph.read("links/baseline_common_neighbours",
                                                                asOf=as_of, resolved=True)}),
            ("common_neighbours_raw", {(r["person"], r["address"]): float(r["common"])
                                       for r in graph.read("links/baseline_common_neighbours",
                                                           asOf=as_of, resolved=False)})):
        ranks = resident_ranks(pairs, hidden)
        out[name] = {"candidates": len(pairs), "found": sum(r is not None for r in ranks),
                     "in_top20": sum(r is not None and r <= 20 for r in ranks),
                     "ranks": ranks}
    return out


def analysed(graph: Graph, folder: Path, truth: GroundTruth) -> dict[str, Any]:
    """Empty the store, load the town, match, and run every analysis step the scores are made
    from (not the scoring); returns the steps, timings, figures and whether the load was clean."""
    names = [s.name for s in analysis.STEPS]
    steps = names[:names.index("scoring")]
    wipe(graph)
    with Timer() as t_load:
        report = load(graph, folder, folder.parent / "loads")
    with Timer() as t_match:
        run_matching(graph, full=True)
    with Timer() as t_analyze:
        run = analysis.analyze(graph, truth.as_of, only=steps)
    return {"steps": steps, "load_ok": report.ok,
            "seconds": {"load": round(t_load.seconds, 1), "match": round(t_match.seconds, 1),
                        "analyze": round(t_analyze.seconds, 1)},
            "step_seconds": run.seconds, "figures": run.steps}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=31)
    parser.add_argument("--name", default="detect_networks", help="bench/results/NAME.json")
    args = parser.parse_args()
    folder = town(args.persons, args.seed)
    truth = GroundTruth.load(folder / "ground_truth.json")
    with bench_graph() as graph:
        result = {"persons": args.persons, "seed": args.seed, **analysed(graph, folder, truth),
                  "networks": networks(graph, truth, truth.as_of),
                  "residents": residents(graph, truth, truth.as_of)}
    path = write_result(args.name, result)
    for p in result["networks"]["planted"]:
        print(f"planted network of {p['members']}: Jaccard {p['jaccard']} ({p['network']}, score "
              f"{p['score']}); raw components {p['raw_components_jaccard']}, projection "
              f"components {p['projection_components_jaccard']}")
    print("decoys:", result["networks"]["decoys"])
    for name in ("speurnet", "common_neighbours_resolved", "common_neighbours_raw"):
        r = result["residents"][name]
        print(f"hidden residents, {name}: {r['in_top20']}/{len(r['ranks'])} in top 20, ranks "
              f"{r['ranks']}")
    print(f"-> {path}")


if __name__ == "__main__":
    main()
