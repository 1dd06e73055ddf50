"""Link-prediction benchmark: the person-person predictor against common neighbours, Adamic-Adar
and resource allocation on plain networks (deduplicated, undirected, each line a link).

    python -m bench.linkpred [EDGE_LIST ...] [--seeds 10] [--small-seeds 20]

Without arguments: the seven networks in shared/data/linkpred and the two Montagna networks in
shared/data/criminal. Protocol (Zhou, Lue & Zhang 2009; Zhang & Chen 2018): hold out 10% of the
links at random, sample as many non-links, score both from the remaining 90%, report ROC-AUC and
average precision, mean and standard deviation over the seeds (networks under 500 links get
--small-seeds). The predictor trains only on the 90%, never on the held-out pairs.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import rankdata

from bench.common import write_result
from graph.settings import ROOT
from investigations.links import associates

DATA = ROOT.parent / "shared" / "data"
DEFAULT = sorted((DATA / "linkpred").glob("*.txt")) + sorted((DATA / "criminal").glob("*.csv"))
SMALL = 500  # links; below this the spread over seeds is wide, so more seeds are run
METHODS = ("CN", "AA", "RA", "speurnet")


def read_edges(path: Path) -> tuple[int, np.ndarray]:
    """Persons and links of an edge list: ids in the first two columns, any separator."""
    pairs: set[tuple[str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.replace(",", " ").split()
        if len(cells) >= 2 and cells[0] != cells[1]:
            pairs.add((min(cells[0], cells[1]), max(cells[0], cells[1])))
    ids = {name: i for i, name in enumerate(sorted({x for p in pairs for x in p}))}
    edges = np.array(sorted((ids[a], ids[b]) for a, b in pairs), dtype=int).reshape(-1, 2)
    return len(ids), edges


def roc_auc(y: np.ndarray, score: np.ndarray) -> float:
    """ROC-AUC as the Mann-Whitney statistic (ties count half)."""
    ranks = rankdata(score)
    pos = y == 1
    n_pos, n_neg = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def average_precision(y: np.ndarray, score: np.ndarray) -> float:
    """Mean precision at each positive in the ranking (ties broken pessimistically)."""
    order = np.lexsort((y, -score))  # among equal scores, negatives first
    hits = y[order] == 1
    precision = np.cumsum(hits) / np.arange(1, len(y) + 1)
    return float(precision[hits].mean())


def one_split(n: int, edges: np.ndarray, seed: int) -> dict[str, tuple[float, float]]:
    """Hold out 10% of the links, score them and as many non-links with every method."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(edges))
    k = max(1, round(0.1 * len(edges)))
    held, kept = edges[order[:k]], edges[order[k:]]
    every = {(int(a), int(b)) for a, b in edges}
    non = associates.sample_non_edges(n, k, every, rng)
    pairs, y = np.vstack([held, non]), np.r_[np.ones(k), np.zeros(len(non))]
    x = associates.features(associates.adjacency(n, kept), pairs)
    model = associates.train(n, kept, seed=seed, forbidden={(int(a), int(b)) for a, b in non})
    scores = {"CN": x[:, 0], "AA": x[:, 1], "RA": x[:, 2], "speurnet": model.predict(x)}
    return {m: (roc_auc(y, s), average_precision(y, s)) for m, s in scores.items()}


def evaluate(path: Path, seeds: int) -> dict[str, Any]:
    n, edges = read_edges(path)
    started = time.perf_counter()
    runs = [one_split(n, edges, seed) for seed in range(seeds)]
    out: dict[str, Any] = {"persons": n, "links": len(edges), "seeds": seeds}
    for m in METHODS:
        auc = np.array([r[m][0] for r in runs]) * 100
        ap = np.array([r[m][1] for r in runs]) * 100
        out[m] = {"auc": round(auc.mean(), 2), "auc_std": round(auc.std(), 2),
                  "ap": round(ap.mean(), 2), "ap_std": round(ap.std(), 2)}
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edge_lists", nargs="*", type=Path)
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--small-seeds", type=int, default=20)
    args = parser.parse_args()
    results: dict[str, Any] = {}
    for path in args.edge_lists or DEFAULT:
        links = len(read_edges(path)[1])
        results[path.stem] = evaluate(path, args.small_seeds if links < SMALL else args.seeds)
        r = results[path.stem]
        print(f"{path.stem:32} " + "  ".join(
            f"{m} {r[m]['auc']:.2f}±{r[m]['auc_std']:.2f}" for m in METHODS), flush=True)
    seven = [r for name, r in results.items() if not name.startswith("Montagna")]
    summary = {m: round(float(np.mean([r[m]["auc"] for r in seven])), 2) for m in METHODS} \
        if seven else {}
    print(f"mean ROC-AUC over {len(seven)} plain networks: {summary}")
    write_result("linkpred", {"protocol": "10% held out, as many non-links, ROC-AUC and AP (%)",
                              "networks": results, "mean_auc": summary})


if __name__ == "__main__":
    main()
