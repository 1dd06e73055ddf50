"""Shared benchmark plumbing: a Neo4j of their own, generated towns, and result files."""

from __future__ import annotations

import json
import os
import platform
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from graph import schema, server
from graph.db import Graph
from graph.settings import ROOT, get_settings

RESULTS = ROOT / "bench" / "results"
# Benchmark store and generated towns; SPEURNET_BENCH_HOME gives a benchmark its own (parallel runs).
CACHE = Path(os.environ.get("SPEURNET_BENCH_HOME") or ROOT / ".speurnet" / "bench")


@contextmanager
def bench_graph() -> Iterator[Graph]:
    """A Neo4j for benchmarks: the project's own on port 7689 in `.speurnet/bench` (emptied
    freely), or NEO4J_URI when SPEURNET_BENCH_WIPE=1 allows emptying that server."""
    base = get_settings()
    if not base.managed:
        if os.environ.get("SPEURNET_BENCH_WIPE") != "1":
            raise SystemExit("benchmarks empty their database: set SPEURNET_BENCH_WIPE=1 to allow it")
        settings = base
    else:
        settings = replace(base, home=CACHE / "server", bolt_port=int(
            os.environ.get("SPEURNET_BENCH_BOLT_PORT", "7689")))
        server.start(settings)
    with Graph.connect(settings) as graph:
        schema.install(graph)
        yield graph


def wipe(graph: Graph) -> None:
    graph.autocommit("admin/wipe")
    graph.write("admin/drop_projections")


def town(persons: int, seed: int = 7) -> Path:
    """A generated municipality, cached per size and seed (generation is not what is measured)."""
    from loaders.synthetic import generate

    folder = CACHE / f"town-{persons}-{seed}"
    if not (folder / "ground_truth.json").exists():
        generate(folder, persons=persons, seed=seed)
    return folder


class Timer:
    def __enter__(self) -> Self:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *_: object) -> None:
        self.seconds = time.perf_counter() - self.start


def write_result(name: str, data: dict[str, Any]) -> Path:
    """Write `bench/results/<name>.json` with the machine and time of the run."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    meta = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": os.cpu_count(),
            "python": platform.python_version()}
    path.write_text(json.dumps({"meta": meta, **data}, indent=2, default=str) + "\n", encoding="utf-8")
    return path
