"""The bulk path for a first national load: seconds per step, graph size and peak memory.

    python -m bench bulk [--persons 100000] [--seed 7]

For each size a generated municipality (cached; generation is not measured) is bulk loaded into
the benchmark's own managed server (`speurnet load --bulk`, replacing what it holds): reading,
validating and shaping the rows in memory, writing the import CSV files, stopping the server,
`neo4j-admin database import full`, starting it, and the constraints, indexes and load log.
Peak memory is the Python process's (the in-memory graph) and the largest child's (the importer).
Results: bench/results/bulk.json.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from dataclasses import replace
from typing import Any

from bench.common import CACHE, town, write_result
from graph import server
from graph.db import Graph
from graph.settings import get_settings
from loaders.bulk import bulk_load


def run(persons: int, seed: int) -> dict[str, Any]:
    folder = town(persons, seed)
    settings = replace(get_settings(), home=CACHE / "server",
                       bolt_port=int(os.environ.get("SPEURNET_BENCH_BOLT_PORT", "7689")))
    started = time.perf_counter()
    report = bulk_load(settings, folder, CACHE / "loads", force=True)
    total = time.perf_counter() - started
    with Graph.connect(settings) as graph:
        [counted] = graph.read("bulk/counts")
    seconds = report.seconds
    return {
        "persons": persons, "seed": seed,
        "seconds_total": round(total, 2),
        "seconds_read_validate_shape": seconds.get("shape"),
        "seconds_csv_writing": seconds.get("csv"),
        "seconds_import": seconds.get("import"),
        "seconds_server_stop_start": round(seconds.get("stop", 0) + seconds.get("start", 0), 2),
        "seconds_constraints_indexes_log": seconds.get("after"),
        "rows": sum(f.read for f in report.files),
        "rejected": sum(f.rejected for f in report.files),
        "nodes": report.nodes, "relationships": report.relationships,
        "graph_nodes": counted["nodes"], "graph_relationships": counted["relationships"],
        "peak_python_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "peak_child_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "heap": settings.heap, "pagecache": settings.pagecache,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, nargs="+", default=[100_000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sizes = {}
    for persons in args.persons:
        sizes[str(persons)] = result = run(persons, args.seed)
        print(result, flush=True)
    print(write_result("bulk", {"sizes": sizes}))
    server.stop(replace(get_settings(), home=CACHE / "server"))


if __name__ == "__main__":
    main()
