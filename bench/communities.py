"""Community detection benchmark: NMI of the networks step's Leiden (GDS, same configuration) on
LFR benchmark graphs, side by side with networkit's Leiden and PLM (Louvain) as references.

    python -m bench.communities [--sizes 1000 5000] [--mixing 0.1 0.2 0.3 0.4 0.5 0.6] [--seeds 3]

LFR graphs come from networkit's LFRGenerator (networkx's overshoots the requested mixing by
about 1.5x): average degree 20, maximum degree 50, community sizes 20 to 100, degree exponent 2,
community-size exponent 1. The measured mixing (share of edges leaving their community) is
reported beside the requested one. NMI is the arithmetic-mean normalised mutual information.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import networkit as nk
import numpy as np

from bench.common import bench_graph, write_result
from graph.db import Graph
from investigations.networks import step


def nmi(a: np.ndarray, b: np.ndarray) -> float:
    """Normalised mutual information (arithmetic mean of the two entropies)."""
    _, ia = np.unique(a, return_inverse=True)
    _, ib = np.unique(b, return_inverse=True)
    joint = np.zeros((ia.max() + 1, ib.max() + 1))
    np.add.at(joint, (ia, ib), 1.0)
    joint /= len(a)
    pa, pb = joint.sum(axis=1), joint.sum(axis=0)
    nz = joint > 0
    mi = float((joint[nz] * np.log(joint[nz] / np.outer(pa, pb)[nz])).sum())
    ha = -float((pa[pa > 0] * np.log(pa[pa > 0])).sum())
    hb = -float((pb[pb > 0] * np.log(pb[pb > 0])).sum())
    return 1.0 if ha + hb == 0 else 2 * mi / (ha + hb)


def lfr(n: int, mixing: float, seed: int) -> tuple[nk.Graph, np.ndarray]:
    nk.engineering.setSeed(seed, False)
    gen = nk.generators.LFRGenerator(n)
    gen.generatePowerlawDegreeSequence(20, 50, -2)
    gen.generatePowerlawCommunitySizeSequence(20, 100, -1)
    gen.setMu(mixing)
    gen.run()
    part = gen.getPartition()
    return gen.getGraph(), np.array([part.subsetOf(i) for i in range(n)])


def speurnet_leiden(graph: Graph, g: nk.Graph, seed: int) -> np.ndarray:
    """The networks step's Leiden configuration on a GDS projection of the plain edge list."""
    name = f"speurnet-bench-lfr-{seed}"
    edges = [[u, v] for u, v in g.iterEdges()]
    config = {k: v for k, v in step.LEIDEN.items() if k != "relationshipWeightProperty"}
    try:
        graph.write("networks/project_edges", graph=name, edges=edges)
        rows = graph.read("networks/communities_ids", graph=name, leiden=config)
    finally:
        graph.write("networks/drop", graph=name)
    found = np.zeros(g.numberOfNodes(), dtype=int)
    for r in rows:
        found[r["id"]] = r["community"]
    return found


def reference(g: nk.Graph, algo: str) -> np.ndarray:
    method = nk.community.ParallelLeiden(g) if algo == "leiden" else nk.community.PLM(g, True)
    method.run()
    part = method.getPartition()
    return np.array([part.subsetOf(i) for i in range(g.numberOfNodes())])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--mixing", type=float, nargs="+", default=[0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--name", default="communities", help="result file bench/results/NAME.json")
    args = parser.parse_args()
    nk.setNumberOfThreads(step.CONCURRENCY)
    rows: list[dict[str, Any]] = []
    with bench_graph() as graph:
        for n in args.sizes:
            for mu in args.mixing:
                runs: dict[str, list[float]] = {"speurnet": [], "nk_leiden": [], "nk_plm": [],
                                                "measured": [], "seconds": []}
                for seed in range(1, args.seeds + 1):
                    g, truth = lfr(n, mu, seed)
                    u, v = np.array(list(g.iterEdges())).T
                    runs["measured"].append(float((truth[u] != truth[v]).mean()))
                    started = time.perf_counter()
                    runs["speurnet"].append(nmi(truth, speurnet_leiden(graph, g, seed)))
                    runs["seconds"].append(time.perf_counter() - started)
                    runs["nk_leiden"].append(nmi(truth, reference(g, "leiden")))
                    runs["nk_plm"].append(nmi(truth, reference(g, "plm")))
                row = {"n": n, "mixing": mu, "seeds": args.seeds,
                       **{k: round(float(np.mean(x)), 4) for k, x in runs.items()},
                       **{f"{k}_std": round(float(np.std(x)), 4)
                          for k, x in runs.items() if k in ("speurnet", "nk_leiden")}}
                rows.append(row)
                print(f"n={n} mu={mu} (measured {row['measured']:.3f}): speurnet {row['speurnet']:.4f}"
                      f" nk-Leiden {row['nk_leiden']:.4f} nk-PLM {row['nk_plm']:.4f}"
                      f" ({row['seconds']:.1f}s)", flush=True)
    write_result(args.name, {"generator": "networkit LFRGenerator, avg degree 20, max 50, "
                                 "communities 20-100, exponents 2 and 1", "config": step.LEIDEN,
                                 "results": rows})


if __name__ == "__main__":
    main()
