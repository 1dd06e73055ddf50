"""Hotspots: a buurt whose count in the last period lies well above its own history.

The test, per buurt and category: the count k of the last period against a Poisson rate equal to
the buurt's mean over its preceding periods (up to HISTORY of them, at least MIN_HISTORY), one-
sided (only a rise is a hotspot): p = P(X >= k). A history of only zeros gets the rate of half
an event over those periods, so one incident after a quiet year is not infinitely surprising.
The p-values of all buurten x categories tested together are corrected with Benjamini-Hochberg
(false discovery rate ALPHA); a hotspot is flagged only where its count may be shown (>= 5).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from scipy.stats import false_discovery_control, poisson

from investigations.neighbourhoods.series import UNITS, Series
from investigations.neighbourhoods.suppression import SHOWN

HISTORY = 12  # periods of the buurt's own history the rate is taken from (a year of months)
MIN_HISTORY = 6  # fewer periods than this say too little about a buurt's usual level
ALPHA = 0.05  # false discovery rate over all tests of one picture
TESTED_UNITS = ("month", "week")
PLURAL = {"month": "maanden", "week": "weken"}


@dataclass
class Test:
    buurtcode: str
    series: str
    period: str
    count: float
    rate: float  # the mean of the history (before the floor for an all-zero history)
    history: int  # periods in the history
    history_shown: bool  # every history cell may be shown, so its mean may be too
    p: float
    adjusted: float = 1.0
    flagged: bool = False
    text: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _tests(series: Series) -> list[Test]:
    periods = series.periods
    if series.unit not in TESTED_UNITS or not series.count or len(periods) < MIN_HISTORY + 1:
        return []
    last, before = periods[-1], periods[:-1]
    found = []
    for buurt in series.values.index:
        k = series.values.at[buurt, last]
        past = [p for p in before if not math.isnan(series.values.at[buurt, p])][-HISTORY:]
        if math.isnan(k) or len(past) < MIN_HISTORY:
            continue
        rate = float(series.values.loc[buurt, past].mean())
        p = float(poisson.sf(k - 1, max(rate, 0.5 / len(past)))) if k > 0 else 1.0
        shown = all(series.cell(str(buurt), q)[1] == SHOWN for q in past)
        found.append(Test(str(buurt), series.slug, last, float(k), rate, len(past), shown, p))
    return found


def benjamini_hochberg(p: list[float]) -> list[float]:
    """Adjusted p-values (the smallest false discovery rate at which each would be rejected)."""
    return [float(a) for a in false_discovery_control(p, method="bh")] if p else []


def dutch(x: float, digits: int = 1) -> str:
    """A number with a decimal comma: 4,1."""
    return f"{x:.{digits}f}".replace(".", ",")


def chance(p: float, exact: bool) -> str:
    """A probability in words; in bands where an exact value would give a withheld count away."""
    if p < 0.001:
        return "kleiner dan 0,1%"
    if not exact:
        return "kleiner dan 1%" if p < 0.01 else "kleiner dan 5%" if p < ALPHA else "groter dan 5%"
    return f"{dutch(100 * p, 1 if p >= 0.01 else 2)}%"


def explain(test: Test, series: Series, tests: int) -> str:
    """The hotspot in words, with the test, its correction and its p-value."""
    unit, units = UNITS[series.unit], PLURAL[series.unit]
    level = (f"de {dutch(test.rate)} per {unit} in de {test.history} {units} ervoor"
             if test.history_shown else
             f"het niveau van de {test.history} {units} ervoor (een gemiddelde is niet te "
             "geven: enkele daarvan zijn kleiner dan 5)")
    return (f"{series.title}: {int(test.count)} in {test.period}, boven {level}; "
            f"kans bij toeval {chance(test.adjusted, test.history_shown)} (Poisson-toets, "
            f"eenzijdig, gecorrigeerd voor {tests} toetsen met Benjamini-Hochberg).")


def hotspots(all_series: list[Series]) -> tuple[list[Test], int]:
    """Every test of every buurt and category, adjusted and explained; and how many there were."""
    tests = [t for s in all_series for t in _tests(s)]
    by_slug = {s.slug: s for s in all_series}
    for t, adjusted in zip(tests, benjamini_hochberg([t.p for t in tests]), strict=True):
        t.adjusted = adjusted
        series = by_slug[t.series]
        shown = series.cell(t.buurtcode, t.period)[1] == SHOWN
        t.flagged = adjusted < ALPHA and t.count > t.rate and shown
        if t.flagged:
            t.text = explain(t, series, len(tests))
    return tests, len(tests)
