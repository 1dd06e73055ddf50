"""Many users at once: mixed page and API traffic against uvicorn, at rising concurrency.

    python -m bench users [--persons 100000] [--levels 8,32,64] [--seconds 60] [--quick]

The 100k-person graph of the API benchmark is reused (`.speurnet/bench-api`, Neo4j on
SPEURNET_BENCH_BOLT_PORT), the app runs in one uvicorn process on 127.0.0.1, and each virtual user
logs in through the login form (a page session) and then, without pause, picks its next request
from a fixed mix: the overview page, the search page, an address, person or company, a search, a neighbourhood. At
most `level` requests are open at once (one per user). Per level: requests/s, p50/p95/max and
errors (any status but 200, or a timeout). Results: bench/results/users.json.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from collections import Counter
from typing import Any

import httpx

from bench.api import PURPOSE, prepare, samples, serve
from bench.common import write_result
from graph.db import Graph
from investigations.access import users as accounts

PORT = 8766
PASSWORD = "bench-wachtwoord"
SEARCHES = ("kerk", "straat", "van", "bv", "dorpsweg 3", "holding", "1501")
# Weights of the traffic mix (what an officer's morning looks like: pages, entities, a search).
MIX = {"overview": 1, "search_page": 1, "address": 3, "person": 2, "company": 1, "search": 2,
       "neighbourhood": 1}


def paths(kind: str, keys: dict[str, list[str]], rng: random.Random) -> str:
    if kind == "overview":
        return "/"
    if kind == "search_page":
        return f"/zoeken?q={rng.choice(SEARCHES)}"
    if kind == "address":
        return f"/api/addresses/{rng.choice(keys['address']).removeprefix('adres:')}"
    if kind == "person":
        return f"/api/persons/{rng.choice(keys['person'])}"
    if kind == "company":
        return f"/api/companies/{rng.choice(keys['company']).removeprefix('kvk:')}"
    if kind == "search":
        return f"/api/search?q={rng.choice(SEARCHES)}"
    return f"/api/neighbourhood/{rng.choice(keys['address'])}?depth=1&limit=50"


async def login(client: httpx.AsyncClient, name: str) -> None:
    answer = await client.post("/login", data={"name": name, "password": PASSWORD, "next": "/"})
    if answer.status_code != 303 or not client.cookies:
        raise SystemExit(f"login of {name} failed: {answer.status_code} {answer.text[:200]}")


async def user(name: str, keys: dict[str, list[str]], until: float, seed: int,
               times: dict[str, list[float]], errors: Counter[str]) -> None:
    """One virtual user: log in, then request after request until the time is up."""
    rng = random.Random(seed)
    kinds = [k for k, w in MIX.items() for _ in range(w)]
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{PORT}", timeout=60,
                                 headers={"X-Purpose": PURPOSE, "Accept": "text/html,*/*"}) as client:
        await login(client, name)
        while time.perf_counter() < until:
            kind = rng.choice(kinds)
            start = time.perf_counter()
            try:
                answer = await client.get(paths(kind, keys, rng))
                if answer.status_code != 200:
                    errors[f"{kind} {answer.status_code}"] += 1
            except httpx.HTTPError as exc:
                errors[f"{kind} {type(exc).__name__}"] += 1
            times[kind].append((time.perf_counter() - start) * 1000)


def summary(all_times: list[float], seconds: float, errors: Counter[str]) -> dict[str, Any]:
    ordered = sorted(all_times)
    if not ordered:
        return {"requests": 0, "errors": dict(errors)}
    return {"requests": len(ordered), "per_s": round(len(ordered) / seconds, 1),
            "p50_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
            "max_ms": round(ordered[-1], 1), "errors": sum(errors.values()),
            "error_kinds": dict(errors)}


async def level(count: int, seconds: float, keys: dict[str, list[str]]) -> dict[str, Any]:
    times: dict[str, list[float]] = {k: [] for k in MIX}
    errors: Counter[str] = Counter()
    until = time.perf_counter() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(user(f"bench-{i % 64}", keys, until, i, times, errors)
                           for i in range(count)))
    wall = time.perf_counter() - started
    result = summary([t for ts in times.values() for t in ts], wall, errors)
    result["by_kind"] = {k: summary(ts, wall, Counter()) for k, ts in times.items()}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--levels", default="8,32,64", help="concurrent users, comma-separated")
    parser.add_argument("--seconds", type=float, default=60, help="per level")
    parser.add_argument("--quick", action="store_true", help="smoke run: 2 and 4 users, 5 s each")
    args = parser.parse_args()
    levels = [2, 4] if args.quick else [int(x) for x in args.levels.split(",")]
    seconds = 5.0 if args.quick else args.seconds
    settings, _ = prepare(args.persons, args.seed)
    with Graph.connect(settings) as graph:
        for i in range(64):  # one login per user; sessions are per client
            accounts.add_user(graph, f"bench-{i}", "case_preparer", PASSWORD, "bench", "gemeente")
    keys = samples(settings, 500)
    process = serve(settings, 1, PORT)
    results: dict[str, Any] = {}
    try:
        asyncio.run(level(2, 2, keys))  # warm caches and the connection pool
        for count in levels:
            results[str(count)] = asyncio.run(level(count, seconds, keys))
            print(count, {k: v for k, v in results[str(count)].items() if k != "by_kind"},
                  file=sys.stderr)
    finally:
        process.terminate()
        process.wait(timeout=30)
    path = write_result("users" if not args.quick else "users-quick", {
        "persons": args.persons, "seconds_per_level": seconds, "workers": 1, "mix": MIX,
        "load_average_after": round(os.getloadavg()[0], 2), "levels": results})
    print(f"written {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
