"""The indicator catalogue as data: every declaration is complete, its query exists and takes
exactly its thresholds, and no indicator reads a protected attribute."""

from __future__ import annotations

import re

import pytest

from graph import queries
from graph.terms import protected_term
from investigations.indicators import INDICATORS
from investigations.indicators.model import SUBJECTS, reason
from investigations.scoring.features import feature_set, priors
from investigations.scoring.model import ProtectedFeature, check_features

PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.name)
def test_indicator_is_declared_completely(indicator) -> None:  # type: ignore[no-untyped-def]
    assert re.fullmatch(r"[a-z][a-z_]*", indicator.name)
    assert indicator.title and indicator.description and indicator.reason
    assert set(indicator.subjects) <= set(SUBJECTS) and indicator.subjects
    assert 0 < indicator.weight <= 5
    assert indicator.uses and indicator.evidence
    for name, threshold in indicator.thresholds.items():
        assert len(threshold.why) > 30, name  # a reason, not a label
    # Every fact the reason sentence names is evidence the query returns.
    fields = set(re.findall(r"{(\w+)}", indicator.reason))
    assert fields <= set(indicator.evidence) | set(indicator.thresholds), fields


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.name)
def test_query_takes_exactly_the_thresholds(indicator) -> None:  # type: ignore[no-untyped-def]
    query = queries.get(indicator.query)
    used = set(PARAM.findall(query.text))
    assert used == {"asOf", *indicator.thresholds}
    assert query.description


def test_names_are_unique() -> None:
    names = [i.name for i in INDICATORS]
    assert len(names) == len(set(names))


def test_no_feature_reads_a_protected_attribute() -> None:
    """Walk the feature set: each flag name and every fact its indicator reads, and the text of
    every indicator and scoring query. Gender (`gender`, `geslacht`) is never among them."""
    features = feature_set(priors())
    assert set(features) == {i.name for i in INDICATORS}
    check_features(features)
    for facts in features.values():
        assert not [fact for fact in facts if protected_term(fact)]
    texts = [q.text for name, q in queries.all_queries().items()
             if name.startswith(("indicators/", "scoring/"))]
    assert len(texts) > len(INDICATORS)
    for text in texts:
        words = set(re.findall(r"[a-z]+", text.lower()))
        assert not [w for w in words if protected_term(w)]


def test_a_protected_feature_is_refused() -> None:
    with pytest.raises(ProtectedFeature):
        check_features({"risk": ("Person.gender",)})
    with pytest.raises(ProtectedFeature):
        check_features({"geslacht_afwijkend": ()})
    with pytest.raises(ProtectedFeature):
        check_features(feature_set(["nationaliteit"]))


def test_reason_fills_facts_and_tolerates_gaps() -> None:
    indicator = next(i for i in INDICATORS if i.name == "overbewoning")
    text = reason(indicator, {"persons": 9, "area": 59, "perPerson": 6.5, "norm": 12})
    assert text == "9 personen ingeschreven op 59 m² (6,5 m² per persoon, norm 12 m²)"
    assert "?" in reason(indicator, {"persons": 9})
