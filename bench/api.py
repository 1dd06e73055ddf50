"""API latency: p50/p95 of the entity routes and a two-hop expansion, with concurrent clients.

    python -m bench.api [--persons 100000] [--clients 8] [--requests 400] [--workers 1]

A generated municipality is loaded once into a Neo4j of this benchmark's own (`.speurnet/
bench-api`, port SPEURNET_BENCH_BOLT_PORT or 7698), the app is served by uvicorn in a separate
process, and clients in threads call it over HTTP with a bearer token and a purpose, as an API
client would: authentication, the source filter, masking and the audit write are all measured.
Each route is measured with one client (the baseline, same run) and with `--clients` at once.
Results: bench/results/api.json.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import httpx

from bench.common import write_result
from graph import schema, server
from graph.db import Graph
from graph.settings import ROOT, get_settings
from investigations.access import users
from loaders.load import load

HOME = ROOT / ".speurnet" / "bench-api"
PORT = 8765
PURPOSE = "benchmark"


def bench_settings() -> Any:
    port = int(os.environ.get("SPEURNET_BENCH_BOLT_PORT", "7698"))
    return replace(get_settings(), home=HOME, bolt_port=port)


def prepare(persons: int, seed: int) -> tuple[Any, str]:
    """The loaded graph (once per size) and a token of a case preparer."""
    from loaders.synthetic import generate

    settings = bench_settings()
    server.start(settings)
    folder = HOME / f"town-{persons}-{seed}"
    if not (folder / "ground_truth.json").exists():
        generate(folder, persons=persons, seed=seed)
    with Graph.connect(settings) as graph:
        schema.install(graph)
        if not graph.read("demo/loaded", folder=str(folder))[0]["loaded"]:
            graph.autocommit("admin/wipe")
            started = time.perf_counter()
            load(graph, folder, HOME / "loads")
            print(f"loaded {persons} persons in {time.perf_counter() - started:.0f} s",
                  file=sys.stderr)
        users.add_user(graph, "bench", "case_preparer", "bench-wachtwoord", "bench", "gemeente")
        token = users.create_token(graph, "bench")
    return settings, token


def samples(settings: Any, count: int) -> dict[str, list[str]]:
    """Random keys of each kind, from a read-only investigation run as the operator would."""
    with Graph.connect(settings) as graph:
        rows = graph.read("api/bench_samples", limit=count)
    found: dict[str, list[str]] = {"address": [], "person": [], "company": []}
    for row in rows:
        found[row["kind"]].append(row["key"])
    return found


def serve(settings: Any, workers: int, port: int = PORT) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SPEURNET_HOME": str(settings.home),
           "SPEURNET_BOLT_PORT": str(settings.bolt_port)}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--port", str(port),
         "--workers", str(workers), "--log-level", "warning"], env=env, cwd=ROOT)
    for _ in range(100):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("the API did not start")


def measure(paths: list[str], token: str, clients: int) -> dict[str, float]:
    """Latency of every path, `clients` at a time; milliseconds."""
    headers = {"Authorization": f"Bearer {token}", "X-Purpose": PURPOSE}
    client = httpx.Client(base_url=f"http://127.0.0.1:{PORT}", headers=headers, timeout=30,
                          limits=httpx.Limits(max_connections=clients))

    def one(path: str) -> float:
        start = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code} {response.text[:200]}")
        return elapsed

    with ThreadPoolExecutor(clients) as pool:
        started = time.perf_counter()
        times = sorted(pool.map(one, paths))
        wall = time.perf_counter() - started
    client.close()
    return {"n": len(times), "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
            "max_ms": round(times[-1], 1), "per_s": round(len(times) / wall, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400, help="per route and setting")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    args = parser.parse_args()
    settings, token = prepare(args.persons, args.seed)
    keys = samples(settings, args.requests)
    routes = {
        "address": [f"/api/addresses/{k.removeprefix('adres:')}" for k in keys["address"]],
        "person": [f"/api/persons/{k}" for k in keys["person"]],
        "company": [f"/api/companies/{k.removeprefix('kvk:')}" for k in keys["company"]],
        "expand_2_hops": [f"/api/neighbourhood/{k}?depth=2&limit=100" for k in keys["address"]],
    }
    process = serve(settings, args.workers)
    results: dict[str, Any] = {}
    try:
        measure(routes["address"][:20], token, 1)  # warm caches and the connection pool
        for name, paths in routes.items():
            random.Random(args.seed).shuffle(paths)
            results[name] = {"1_client": measure(paths, token, 1),
                             f"{args.clients}_clients": measure(paths, token, args.clients)}
            print(name, results[name], file=sys.stderr)
    finally:
        process.terminate()
        process.wait(timeout=30)
    load = os.getloadavg()[0]
    path = write_result("api", {"persons": args.persons, "clients": args.clients,
                                "workers": args.workers, "load_average_after": round(load, 2),
                                "requests_per_route": args.requests, "routes": results,
                                "target": "address p95 < 150 ms with 8 clients"})
    print(f"written {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
