"""Canonical persons from judgements: rules that keep wrong joins out."""

from __future__ import annotations

import pytest

from investigations.matching.judgements import Edge, JudgementError, pair_order, resolve

KEYS = ["bsn:1", "bsn:2", "person:a", "person:b", "person:c"]


def test_pairs_are_stored_record_to_registry() -> None:
    assert pair_order("bsn:1", "person:a") == ("person:a", "bsn:1")
    assert pair_order("person:b", "person:a") == ("person:a", "person:b")
    with pytest.raises(JudgementError):
        pair_order("bsn:1", "bsn:2")
    with pytest.raises(JudgementError):
        pair_order("person:a", "person:a")


def test_machine_links_join_a_record_to_its_best_registry_person_only() -> None:
    out = resolve(KEYS, [Edge("person:a", "bsn:1", "positive", 0.99, "speurnet"),
                         Edge("person:a", "bsn:2", "positive", 0.97, "speurnet"),
                         Edge("person:b", "bsn:2", "unsure", 0.7, "speurnet")])
    assert out["person:a"].canonical == "bsn:1"
    assert (out["person:a"].judgement, out["person:a"].score) == ("positive", 0.99)
    assert out["bsn:2"].canonical == "bsn:2"
    assert (out["person:b"].canonical, out["person:b"].judgement) == ("person:b", "unsure")
    assert out["person:b"].candidate == "bsn:2"
    assert out["person:c"].judgement == "positive" and out["person:c"].canonical == "person:c"


def test_record_links_never_carry_a_record_into_a_registry_person() -> None:
    edges = [Edge("person:a", "bsn:1", "positive", 0.99, "speurnet"),
             Edge("person:a", "person:b", "positive", 0.99, "speurnet"),
             Edge("person:b", "person:c", "positive", 0.98, "speurnet")]
    out = resolve(KEYS, edges)
    assert out["person:b"].canonical == out["person:c"].canonical == "person:b"
    # An analyst may do what the machine may not; c's machine link to b still does not count.
    out = resolve(KEYS, [*edges, Edge("person:a", "person:b", "positive", None, "analist")])
    assert out["person:b"].canonical == "bsn:1" and out["person:c"].canonical == "person:c"


def test_a_rejection_wins_and_keeps_clusters_apart() -> None:
    out = resolve(KEYS, [Edge("person:a", "bsn:1", "negative", 0.99, "analist"),
                         Edge("person:a", "person:b", "positive", 0.99, "speurnet"),
                         Edge("person:b", "bsn:1", "positive", 0.98, "speurnet")])
    assert out["person:a"].canonical == "person:a"
    assert (out["person:a"].judgement, out["person:a"].candidate) == ("negative", "bsn:1")
    assert out["person:b"].canonical == "bsn:1"
