"""Person-person link prediction: a logistic model on topological features of the tie graph.

The model learns from the graph itself: it hides a share of the known ties, samples as many
non-ties at random, and fits how the features of the hidden ties differ (so no labelled data is
needed and the same code runs on any network). Features are the classic neighbourhood scores
(common neighbours, Adamic-Adar, resource allocation, Jaccard), resource allocation over paths of
length three, the degrees, and the hop distance, which carries the signal in sparse graphs where
most pairs share no neighbour. Each score comes with the weighted features that raised it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from scipy.sparse.csgraph import shortest_path

FEATURES = ("common", "adamicAdar", "resourceAllocation", "resourceAllocation3", "paths3",
            "jaccard", "degreeProduct", "degreeMin", "degreeMax", "distance", "unreachable")
FAR = 12.0  # hop distances are capped: beyond a dozen hops every pair is alike
HOLD_OUT = 0.1  # share of ties hidden to train on, as in the evaluation protocol
BFS_CELLS = 8_000_000  # distances held at once by hop_distances
MAX_TRAIN = 4000  # positive training pairs at most, so large graphs train in seconds
Pairs = np.ndarray  # int array of shape (k, 2)
Floats = NDArray[np.float64]


def adjacency(n: int, edges: Pairs) -> sp.csr_matrix:
    """Symmetric 0/1 adjacency of an undirected edge list over nodes 0..n-1."""
    if len(edges) == 0:
        return sp.csr_matrix((n, n))
    a = sp.coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n)).tocsr()
    a = (a + a.T).tocsr()
    a.data[:] = 1.0
    a.setdiag(0)
    a.eliminate_zeros()
    return a


def hop_distances(a: sp.csr_matrix, u: np.ndarray, v: np.ndarray,
                  chunk: int | None = None) -> np.ndarray:
    """Hop distance of each pair (u[i], v[i]); BFS from a block of sources at a time, since one
    dense row per source (sources x nodes) would not fit in memory. A block holds about
    BFS_CELLS distances (8 million: 64 MB, and scipy's working copies), so memory stays flat
    however many persons the graph has: 160 sources at 50,000 persons, 16 at 500,000."""
    if chunk is None:
        chunk = max(4, min(256, BFS_CELLS // max(1, a.shape[0])))
    hops = np.empty(len(u))
    sources, back = np.unique(u, return_inverse=True)
    for start in range(0, len(sources), chunk):
        block = shortest_path(a, unweighted=True, directed=False,
                              indices=sources[start:start + chunk])
        mine = (back >= start) & (back < start + chunk)
        hops[mine] = block[back[mine] - start, v[mine]]
    return hops


def features(a: sp.csr_matrix, pairs: Pairs, distances: bool = True) -> np.ndarray:
    """One row of FEATURES per pair; `distances=False` skips the BFS when every pair is known
    to be two hops apart (candidates that share a neighbour)."""
    deg = np.asarray(a.sum(axis=1)).ravel()
    u, v = pairs[:, 0], pairs[:, 1]
    au, av = a[u], a[v]
    common = au.multiply(av).tocsr()
    inv = np.divide(1.0, deg, out=np.zeros_like(deg), where=deg > 0)
    invlog = np.divide(1.0, np.log(np.maximum(deg, 2.0)), out=np.zeros_like(deg), where=deg > 1)
    cn = np.asarray(common.sum(axis=1)).ravel()
    d_inv = sp.diags(inv)
    ra3 = np.asarray((au @ d_inv @ a @ d_inv).multiply(av).sum(axis=1)).ravel()
    p3 = np.asarray((au @ a).multiply(av).sum(axis=1)).ravel()
    if distances:
        hops = hop_distances(a, u, v)
    else:
        hops = np.where(cn > 0, 2.0, np.inf)
    unreachable = np.isinf(hops)
    du, dv = deg[u], deg[v]
    return np.column_stack([
        cn, common @ invlog, common @ inv, ra3, np.log1p(p3),
        cn / np.maximum(1.0, du + dv - cn), np.log1p(du * dv), np.log1p(np.minimum(du, dv)),
        np.log1p(np.maximum(du, dv)), np.minimum(np.where(unreachable, FAR, hops), FAR),
        unreachable.astype(float),
    ])


def sample_non_edges(n: int, k: int, forbidden: set[tuple[int, int]],
                     rng: np.random.Generator) -> Pairs:
    """k distinct node pairs (u < v) drawn uniformly among pairs not in `forbidden`."""
    found: set[tuple[int, int]] = set()
    if n < 2:
        return np.zeros((0, 2), dtype=int)
    k = min(k, n * (n - 1) // 2 - len(forbidden))
    while len(found) < k:
        for x, y in rng.integers(0, n, size=(2 * (k - len(found)) + 8, 2)):
            pair = (int(min(x, y)), int(max(x, y)))
            if x != y and pair not in forbidden and pair not in found:
                found.add(pair)
                if len(found) >= k:
                    break
    return np.array(sorted(found), dtype=int).reshape(-1, 2)


@dataclass
class Model:
    """Standardisation and logistic weights over FEATURES."""

    mean: Floats
    scale: Floats
    weights: Floats
    bias: float

    def logits(self, x: Floats) -> Floats:
        return ((x - self.mean) / self.scale) @ self.weights + self.bias

    def predict(self, x: Floats) -> Floats:
        """Probability of a tie per row (on a balanced sample: a ranking score)."""
        return 1.0 / (1.0 + np.exp(-np.clip(self.logits(x), -30, 30)))

    def contributions(self, x: Floats) -> Floats:
        """Per row, what each feature adds to the logit: the explanation of a score."""
        return ((x - self.mean) / self.scale) * self.weights


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> Model:
    """L2-regularised logistic regression by Newton's method on standardised features."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.column_stack([(x - mean) / scale, np.ones(len(x))])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # the intercept is not shrunk
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Model(mean, scale, w[:-1], float(w[-1]))


def train(n: int, edges: Pairs, seed: int = 0, forbidden: set[tuple[int, int]] | None = None
          ) -> Model:
    """Fit the model on the graph itself: hide a share of `edges`, sample as many non-edges
    (never one in `forbidden`, e.g. pairs held out for an evaluation), learn the difference."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(edges))
    hidden = max(1, min(MAX_TRAIN, round(HOLD_OUT * len(edges))))
    positives, kept = edges[order[:hidden]], edges[order[hidden:]]
    known = {(int(min(a, b)), int(max(a, b))) for a, b in edges} | (forbidden or set())
    negatives = sample_non_edges(n, len(positives), known, rng)
    x = features(adjacency(n, kept), np.vstack([positives, negatives]))
    y = np.r_[np.ones(len(positives)), np.zeros(len(negatives))]
    return fit_logistic(x, y)


def two_hop_pairs(a: sp.csr_matrix) -> Pairs:
    """Pairs (u < v) that share a neighbour but are not tied themselves: the candidates."""
    two = (a @ a).tocoo()
    keep = two.row < two.col
    pairs = np.column_stack([two.row[keep], two.col[keep]])
    if len(pairs) == 0:
        return pairs.astype(int)
    tied = np.asarray(a[pairs[:, 0], pairs[:, 1]]).ravel() > 0
    return pairs[~tied].astype(int)
