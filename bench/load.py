"""Load throughput: batched UNWIND loads against a naive one-row-per-transaction baseline.

    python -m bench.load [--persons 10000 100000] [--sample 5000]

For each size: the whole generated municipality is loaded into an empty database (rows/s and
nodes+relationships/s). The baseline comparison loads the same fixed sample (the first N BRP rows,
after the BAG) twice, batched and one row per transaction, through the same validation and the
same statement, so only the batching differs. Results: bench/results/load.json.
"""

from __future__ import annotations

import argparse
import csv
import shutil
from pathlib import Path
from typing import Any

from bench.common import Timer, bench_graph, town, wipe, write_result
from graph.db import Graph
from loaders.load import load


def graph_size(graph: Graph) -> tuple[int, int]:
    rows = graph.read("admin/counts")
    nodes = sum(r["count"] for r in rows if r["kind"] == "node")
    rels = sum(r["count"] for r in rows if r["kind"] == "relationship")
    return nodes, rels


def full_load(graph: Graph, folder: Path, reports: Path) -> dict[str, Any]:
    wipe(graph)
    with Timer() as t:
        report = load(graph, folder, reports)
    nodes, rels = graph_size(graph)
    read = sum(f.read for f in report.files)
    return {"seconds": round(t.seconds, 2), "rows": read, "rejected": sum(f.rejected for f in report.files),
            "nodes": nodes, "relationships": rels, "rows_per_s": round(read / t.seconds),
            "graph_items_per_s": round((nodes + rels) / t.seconds)}


def sample_folder(folder: Path, rows: int, out: Path) -> Path:
    """The BAG plus the first `rows` BRP records, as a folder of their own."""
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(folder / "bag_verblijfsobjecten.csv", out / "bag_verblijfsobjecten.csv")
    with (folder / "brp_inschrijvingen.csv").open(encoding="utf-8", newline="") as src, \
            (out / "brp_inschrijvingen.csv").open("w", encoding="utf-8", newline="") as dst:
        reader, writer = csv.reader(src, delimiter=";"), csv.writer(dst, delimiter=";")
        for n, record in enumerate(reader):
            if n > rows:
                break
            writer.writerow(record)
    return out


def timed_sample(graph: Graph, folder: Path, reports: Path, batch_size: int) -> float:
    wipe(graph)
    load(graph, folder / "bag_verblijfsobjecten.csv", reports)
    graph.batch_size = batch_size
    try:
        with Timer() as t:
            report = load(graph, folder / "brp_inschrijvingen.csv", reports)
    finally:
        graph.batch_size = 2000
    assert report.ok, report.to_json()
    return t.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--persons", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--sample", type=int, default=5000)
    args = parser.parse_args()
    results: dict[str, Any] = {"sizes": {}}
    with bench_graph() as graph:
        for persons in args.persons:
            folder = town(persons)
            reports = folder.parent / "reports"
            results["sizes"][str(persons)] = full_load(graph, folder, reports)
            print(f"{persons} persons: {results['sizes'][str(persons)]}", flush=True)
        folder = town(args.persons[0])
        sample = sample_folder(folder, args.sample, folder.parent / f"sample-{args.sample}")
        batched = timed_sample(graph, sample, folder.parent / "reports", 2000)
        naive = timed_sample(graph, sample, folder.parent / "reports", 1)
        results["baseline"] = {
            "sample_rows": args.sample, "batched_s": round(batched, 2), "naive_s": round(naive, 2),
            "batched_rows_per_s": round(args.sample / batched), "naive_rows_per_s": round(args.sample / naive),
            "speedup": round(naive / batched, 1)}
        print(f"baseline: {results['baseline']}", flush=True)
    print(f"written to {write_result('load', results)}")


if __name__ == "__main__":
    main()
