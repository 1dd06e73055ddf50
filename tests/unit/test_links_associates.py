"""The person-person predictor on small hand-made graphs: features, training, candidates."""

from __future__ import annotations

import numpy as np

from investigations.links import associates


def ring_of_cliques(cliques: int = 12, size: int = 5) -> tuple[int, np.ndarray]:
    """Cliques joined in a ring: ties are dense inside a clique, rare between them."""
    edges = []
    for c in range(cliques):
        base = c * size
        edges += [(base + i, base + j) for i in range(size) for j in range(i + 1, size)]
        edges.append((base, ((c + 1) % cliques) * size + 1))
    return cliques * size, np.array(edges)


def test_features_count_common_neighbours_and_distance() -> None:
    a = associates.adjacency(4, np.array([[0, 1], [1, 2], [2, 3]]))
    x = associates.features(a, np.array([[0, 2], [0, 3]]))
    cols = {name: i for i, name in enumerate(associates.FEATURES)}
    assert x[0, cols["common"]] == 1.0
    assert x[1, cols["common"]] == 0.0
    assert x[0, cols["distance"]] == 2.0
    assert x[1, cols["distance"]] == 3.0
    assert x[0, cols["resourceAllocation"]] == 0.5


def test_non_edges_are_never_edges_or_forbidden() -> None:
    rng = np.random.default_rng(1)
    forbidden = {(0, 1), (1, 2)}
    pairs = associates.sample_non_edges(5, 6, forbidden, rng)
    assert len(pairs) == 6
    assert all(u < v and (u, v) not in forbidden for u, v in pairs.tolist())


def test_trained_model_ranks_hidden_ties_above_random_pairs() -> None:
    n, edges = ring_of_cliques()
    rng = np.random.default_rng(3)
    held = rng.permutation(len(edges))[:6]
    kept = np.delete(edges, held, axis=0)
    model = associates.train(n, kept, seed=0)
    known = {(int(u), int(v)) for u, v in edges}
    non = associates.sample_non_edges(n, 6, known, rng)
    x = associates.features(associates.adjacency(n, kept), np.vstack([edges[held], non]))
    p = model.predict(x)
    assert p[:6].mean() > p[6:].mean()
    assert model.contributions(x[:1]).shape == (1, len(associates.FEATURES))


def test_two_hop_pairs_are_the_untied_pairs_with_a_common_neighbour() -> None:
    a = associates.adjacency(4, np.array([[0, 1], [1, 2], [0, 2], [2, 3]]))
    assert sorted(map(tuple, associates.two_hop_pairs(a).tolist())) == [(0, 3), (1, 3)]


def test_logistic_fit_separates_a_separable_sample() -> None:
    x = np.array([[0.0], [0.2], [0.9], [1.0]])
    model = associates.fit_logistic(x, np.array([0.0, 0.0, 1.0, 1.0]))
    p = model.predict(x)
    assert p[0] < 0.5 < p[3]


def test_hop_distances_in_chunks_equal_one_dense_bfs() -> None:
    import numpy as np
    from scipy.sparse.csgraph import shortest_path

    from investigations.links.associates import adjacency, hop_distances

    rng = np.random.default_rng(1)
    edges = rng.integers(0, 500, size=(900, 2))
    a = adjacency(500, edges[edges[:, 0] != edges[:, 1]])
    u, v = rng.integers(0, 500, 300), rng.integers(0, 500, 300)
    sources, back = np.unique(u, return_inverse=True)
    dense = shortest_path(a, unweighted=True, directed=False, indices=sources)[back, v]
    assert np.array_equal(hop_distances(a, u, v, chunk=17), dense)
