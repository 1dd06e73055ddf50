"""Cost against size: load, match, analyze and the page routes at 10k, 100k and 1M persons.

    python -m bench scale [--persons 10000 100000 1000000] [--clients 8] [--requests 200]
                          [--workers 2] [--routes-only]

For each size a generated municipality (cached per size and seed; generation is not measured) is
loaded into an emptied Neo4j of this benchmark's own (`.speurnet/bench-scale`), then matched
(a full run), analysed (every step after matching) and served: the address page, search and a
two-hop expansion are timed over HTTP with `--clients` clients at once, served as
`speurnet serve --workers 2` would (one worker process per core of a 2-core machine), each route
warmed up first. Each of load, match and analyze runs in a process of its own, so its peak
Python memory (maximum resident set) is its own. Baselines, measured in the same run:
- load: the same sample of BRP rows written batched and one row per transaction (the naive load);
- routes: `/health` through the same HTTP stack and clients (the floor a route cannot beat);
- growth: the fitted exponent of cost against persons (1.0 is linear) over all sizes.
Results: bench/results/scale.json and bench/results/scale.png.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import resource
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.common import RESULTS, Timer, town, write_result
from graph import schema, server
from graph.db import Graph
from graph.settings import ROOT, Settings, get_settings

HOME = Path(os.environ.get("SPEURNET_BENCH_HOME") or ROOT / ".speurnet" / "bench-scale")
STEPS = ("load", "match", "analyze")
WARM_UP = 1000  # persons
WARM_REQUESTS = 40  # per route, before it is measured
TARGETS = {"load": 600, "match": 600, "analyze": 1200}  # seconds at 1M persons (issue 15)


def bench_settings() -> Settings:
    """The benchmark's server; memory sized for 1M persons unless the environment says otherwise."""
    base = get_settings()
    return replace(base, home=HOME / "server",
                   bolt_port=int(os.environ.get("SPEURNET_BENCH_BOLT_PORT", "7702")),
                   heap=os.environ.get("SPEURNET_HEAP", "4g"),
                   pagecache=os.environ.get("SPEURNET_PAGECACHE", "6g"))


def peak_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_step(step: str, persons: int, seed: int) -> dict[str, Any]:
    """One step in this process (called as `python -m bench.scale --step ...`)."""
    settings = bench_settings()
    folder = town(persons, seed)
    with Graph.connect(settings) as graph, Timer() as timer:
        figures = _STEP_FUNCTIONS[step](graph, folder)
    return {"seconds": round(timer.seconds, 2), "peak_mib": peak_mib(), **figures}


def _load(graph: Graph, folder: Path) -> dict[str, Any]:
    from loaders.load import load

    graph.autocommit("admin/wipe")
    graph.write("admin/drop_projections")
    report = load(graph, folder, HOME / "loads")
    rows = sum(f.read for f in report.files)
    return {"rows": rows, "rejected": sum(f.rejected for f in report.files),
            "files": {f.file: f.seconds for f in report.files}}


def _match(graph: Graph, _folder: Path) -> dict[str, Any]:
    from investigations.matching.run import run

    summary = run(graph, full=True)
    return {"records": summary.persons, "pairs": summary.pairs, "positive": summary.positive,
            "addresses": summary.addresses}


def _analyze(graph: Graph, _folder: Path) -> dict[str, Any]:
    from investigations.analysis import STEPS as PIPELINE
    from investigations.analysis import analyze

    report = analyze(graph, only=[s.name for s in PIPELINE if s.name != "match"])
    return {"steps": report.seconds}


_STEP_FUNCTIONS = {"load": _load, "match": _match, "analyze": _analyze}


def in_child(step: str, persons: int, seed: int) -> dict[str, Any]:
    """Run a step in a fresh process and read its figures from the last line it prints."""
    command = [sys.executable, "-m", "bench.scale", "--step", step,
               "--persons", str(persons), "--seed", str(seed)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{step} at {persons} persons failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def graph_size(graph: Graph) -> dict[str, int]:
    rows = graph.read("admin/counts")
    return {kind: sum(r["count"] for r in rows if r["kind"] == kind)
            for kind in ("node", "relationship")}


def search_terms(folder: Path, count: int, seed: int) -> list[str]:
    """What an officer types: a street with a house number, or a surname."""
    rng = random.Random(seed)
    terms: list[str] = []
    with (folder / "bag_verblijfsobjecten.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for _, r in zip(range(5000), csv.DictReader(handle, delimiter=";"))]
    terms += [f"{r['openbare_ruimte']} {r['huisnummer']}" for r in rng.sample(rows, count // 2)]
    with (folder / "brp_inschrijvingen.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for _, r in zip(range(5000), csv.DictReader(handle, delimiter=";"))]
    terms += [r["geslachtsnaam"] for r in rng.sample(rows, count - count // 2)]
    rng.shuffle(terms)
    return terms


def routes(settings: Settings, folder: Path, clients: int, requests: int,
           seed: int, workers: int) -> dict[str, Any]:
    """p50/p95 of the address page, search and a two-hop expansion with `clients` at once."""
    from urllib.parse import quote

    from bench import api
    from investigations.access import users

    with Graph.connect(settings) as graph:
        users.add_user(graph, "bench", "case_preparer", "bench-wachtwoord", "bench", "gemeente")
        token = users.create_token(graph, "bench")
    keys = api.samples(settings, requests)
    paths = {
        "address_page": [f"/adres/{k.removeprefix('adres:')}" for k in keys["address"]],
        "search": [f"/api/search?q={quote(t)}" for t in search_terms(folder, requests, seed)],
        "expand_2_hops": [f"/api/neighbourhood/{k}?depth=2&limit=100" for k in keys["address"]],
        "baseline_health": ["/health"] * requests,
    }
    process = api.serve(settings, workers=workers)
    measured: dict[str, Any] = {}
    try:
        for name, batch in paths.items():
            # A served route is warm: its query planned, its code compiled by the JVM, the pool
            # open. The first requests of each route are not counted.
            api.measure(batch[:WARM_REQUESTS], token, clients)
            measured[name] = api.measure(batch, token, clients)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return measured


def load_baseline(settings: Settings, persons: int, seed: int, sample: int) -> dict[str, Any]:
    """Batched against one row per transaction on the same BRP sample (see bench/load.py)."""
    from bench.load import sample_folder, timed_sample

    folder = town(persons, seed)
    rows = sample_folder(folder, sample, HOME / f"sample-{persons}-{sample}")
    with Graph.connect(settings) as graph:
        batched = timed_sample(graph, rows, HOME / "loads", 2000)
        naive = timed_sample(graph, rows, HOME / "loads", 1)
    return {"sample_rows": sample, "batched_rows_per_s": round(sample / batched),
            "naive_rows_per_s": round(sample / naive), "speedup": round(naive / batched, 1)}


def exponent(sizes: list[int], costs: list[float]) -> float | None:
    """The least-squares slope of log(cost) against log(size)."""
    points = [(math.log(s), math.log(c)) for s, c in zip(sizes, costs) if c > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return round(sum((x - mx) * (y - my) for x, y in points) / sxx, 3) if sxx else None


def plot(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [int(s) for s in results["sizes"]]
    figure, axis = plt.subplots(figsize=(7, 4.5))
    for step in STEPS:
        costs = [results["sizes"][str(s)][step]["seconds"] for s in sizes]
        axis.plot(sizes, costs, marker="o",
                  label=f"{step} (exponent {results['exponents'].get(step)})")
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_xlabel("persons")
    axis.set_ylabel("seconds")
    axis.set_title("Speurnet: cost against municipality size")
    axis.grid(True, which="both", alpha=0.3)
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def table(results: dict[str, Any]) -> str:
    head = (f"{'persons':>9} {'load s':>8} {'match s':>8} {'analyze s':>10} {'peak MiB':>9} "
            f"{'page p95':>9} {'search p95':>11} {'2-hop p95':>10}")
    lines = [head]
    for size, row in results["sizes"].items():
        peak = max(row[s]["peak_mib"] for s in STEPS)
        r = row.get("routes", {})
        lines.append(f"{int(size):>9} {row['load']['seconds']:>8} {row['match']['seconds']:>8} "
                     f"{row['analyze']['seconds']:>10} {peak:>9} "
                     f"{r.get('address_page', {}).get('p95_ms', '-'):>9} "
                     f"{r.get('search', {}).get('p95_ms', '-'):>11} "
                     f"{r.get('expand_2_hops', {}).get('p95_ms', '-'):>10}")
    lines.append(f"exponents: {results['exponents']}; load baseline: {results.get('baseline')}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--persons", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=200, help="per route")
    parser.add_argument("--sample", type=int, default=5000, help="rows of the load baseline")
    parser.add_argument("--workers", type=int, default=2,
                        help="API worker processes (speurnet serve --workers; one per core here)")
    parser.add_argument("--routes-only", action="store_true",
                        help="time the routes on the graph as loaded (one size) and stop")
    parser.add_argument("--step", choices=STEPS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(run_step(args.step, args.persons[0], args.seed)))
        return
    settings = bench_settings()
    server.start(settings)
    with Graph.connect(settings) as graph:
        schema.install(graph)
    if args.routes_only:
        folder = town(args.persons[0], args.seed)
        print(json.dumps(routes(settings, folder, args.clients, args.requests, args.seed,
                                args.workers)))
        return
    # Warm-up, not measured: the server's first statements are planned and compiled cold.
    in_child("load", WARM_UP, args.seed)
    results: dict[str, Any] = {"seed": args.seed, "clients": args.clients, "workers": args.workers,
                               "heap": settings.heap, "pagecache": settings.pagecache,
                               "targets_at_1m_s": TARGETS, "sizes": {}}
    for persons in sorted(args.persons):
        with Timer() as generated:
            folder = town(persons, args.seed)
        row: dict[str, Any] = {"generate_s": round(generated.seconds, 1)}
        for step in STEPS:
            row[step] = in_child(step, persons, args.seed)
            print(f"{persons} persons, {step}: {row[step]}", flush=True)
        with Graph.connect(settings) as graph:
            row["graph"] = graph_size(graph)
        row["routes"] = routes(settings, folder, args.clients, args.requests, args.seed,
                               args.workers)
        print(f"{persons} persons, routes: {row['routes']}", flush=True)
        results["sizes"][str(persons)] = row
        results["load_average"] = round(os.getloadavg()[0], 2)
        _finish(results, args)  # written after every size, so a long run keeps what it measured
    results["baseline"] = load_baseline(settings, min(args.persons), args.seed, args.sample)
    _finish(results, args)
    print(table(results))


def _finish(results: dict[str, Any], args: argparse.Namespace) -> None:
    sizes = [int(s) for s in results["sizes"]]
    results["exponents"] = {step: exponent(sizes, [results["sizes"][str(s)][step]["seconds"]
                                                   for s in sizes]) for step in STEPS}
    write_result("scale", results)
    if len(sizes) > 1:
        plot(results, RESULTS / "scale.png")


if __name__ == "__main__":
    main()
