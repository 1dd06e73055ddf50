"""Scores from flags and their calibration on outcomes (pure functions, no database)."""

from __future__ import annotations

import math

import pytest

from investigations.scoring.model import (
    DEFAULT_WEIGHT,
    MIN_EXAMPLES,
    Example,
    contributions,
    fit,
    score,
)


def test_score_is_zero_without_flags_and_grows_with_each() -> None:
    weights = {"a": 1.0, "b": 2.0}
    assert score({}, weights) == 0.0
    one = score({"a": 1.0}, weights)
    assert one == pytest.approx(1 - math.exp(-1))
    assert score({"a": 1.0, "b": 0.5}, weights) > one
    assert score({"a": 1.0, "b": 1.0, "c": 1.0}, weights) < 1.0


def test_unknown_flag_names_get_the_default_weight() -> None:
    assert score({"network": 1.0}, {}) == pytest.approx(1 - math.exp(-DEFAULT_WEIGHT))
    assert contributions({"a": 0.5, "network": 1.0}, {"a": 1.0}) == [
        ("network", DEFAULT_WEIGHT), ("a", 0.5)]


def _examples(n: int, flag: str, violation: bool) -> list[Example]:
    return [Example(f"{flag}{violation}{i}", {flag: 1.0}, violation) for i in range(n)]


def test_outcomes_move_weights_away_from_the_priors() -> None:
    priors = {"confirmed": 1.0, "refuted": 1.0}
    examples = (_examples(20, "confirmed", True) + _examples(20, "refuted", False)
                + _examples(40, "none", False))
    calibration = fit(examples, priors)
    assert calibration.weights["confirmed"] > 1.5
    assert calibration.weights["refuted"] < 0.5
    assert calibration.examples == 80 and calibration.violations == 20
    # A flag no outcome carries keeps its prior; an unknown one starts from the default.
    again = fit(examples, {**priors, "unseen": 1.7}, names=["unseen", "network"])
    assert again.weights["unseen"] == 1.7
    assert again.weights["network"] == DEFAULT_WEIGHT


def test_more_outcomes_move_the_weight_further() -> None:
    priors = {"x": 1.0}
    few = fit(_examples(3, "x", False) + _examples(9, "y", True), priors)
    many = fit(_examples(30, "x", False) + _examples(90, "y", True), priors)
    assert many.weights["x"] < few.weights["x"] < 1.0


def test_too_few_outcomes_keep_the_priors() -> None:
    examples = _examples(MIN_EXAMPLES - 1, "x", True)
    assert fit(examples, {"x": 1.0}).weights == {"x": 1.0}
