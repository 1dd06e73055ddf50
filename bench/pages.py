"""Address page server time: GET /adres/{id} rendered in-process (authentication, the entity
view with its masking and audit entry, the collaboration panel, the template), p50/p95.

    python -m bench.pages [--persons 100000] [--requests 200]

Uses the graph of bench/api.py (`.speurnet/bench-api`, loaded once per size). Server time is
measured inside the process (an ASGI call, no network), for random addresses with residents
and separately for the busiest addresses (first page of 100 links). Target: p95 < 300 ms.
Results: bench/results/pages.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from bench.api import prepare, samples
from bench.common import write_result
from graph.db import Graph

PURPOSE = "benchmark"


def time_pages(settings: Any, token: str, paths: list[str]) -> dict[str, float]:
    """Server time of each page, one request at a time; milliseconds."""
    headers = {"Authorization": f"Bearer {token}", "X-Purpose": PURPOSE, "Accept": "text/html"}
    times = []
    with TestClient(create_app(settings)) as client:
        client.get(paths[0], headers=headers)  # warm the driver and the template cache
        for path in paths:
            start = time.perf_counter()
            response = client.get(path, headers=headers)
            times.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{path}: {response.status_code} {response.text[:200]}")
    times.sort()
    return {"n": len(times), "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
            "max_ms": round(times[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    settings, token = prepare(args.persons, args.seed)
    keys = samples(settings, args.requests)["address"]
    with Graph.connect(settings) as graph:
        busy = graph.read("api/bench_busy_addresses", limit=20)
    pages = {"address": [f"/adres/{k.removeprefix('adres:')}" for k in keys],
             "busiest_addresses": [f"/adres/{r['key'].removeprefix('adres:')}" for r in busy]}
    results = {name: time_pages(settings, token, paths) for name, paths in pages.items()}
    results["busiest_addresses"]["max_degree"] = busy[0]["degree"] if busy else 0
    print(results, file=sys.stderr)
    path = write_result("pages", {"persons": args.persons, "pages": results,
                                  "load_average_after": round(os.getloadavg()[0], 2),
                                  "target": "address page p95 < 300 ms server time"})
    print(f"written {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
