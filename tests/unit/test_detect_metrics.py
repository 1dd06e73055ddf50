"""bench/detect.py's ranking metrics: ties are counted at their expected value."""

from __future__ import annotations

import pytest

from bench.detect import at_k, expected_hits


def test_hits_in_a_ranking_without_ties() -> None:
    ranked = [("a", 0.9), ("b", 0.8), ("c", 0.7), ("d", 0.1)]
    assert expected_hits(ranked, {"a", "c"}, 2) == 1.0
    assert expected_hits(ranked, {"a", "c"}, 3) == 2.0


def test_a_tie_straddling_k_counts_its_share() -> None:
    # Two places left for a tie of four holding one relevant item: half an expected hit.
    ranked = [("a", 3.0), ("b", 1.0), ("c", 1.0), ("d", 1.0), ("e", 1.0)]
    assert expected_hits(ranked, {"a", "e"}, 3) == pytest.approx(1.5)
    assert at_k(ranked, {"a", "e"}, ks=(3,)) == {"precision@3": 0.5, "recall@3": 0.75}
