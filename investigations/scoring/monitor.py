"""The bias monitor: score distributions per CBS neighbourhood and scores against case outcomes.

A score that quietly concentrates on one neighbourhood, or a feedback loop that only inspects
where it already looked, shows up here. Only aggregates leave this module, and every count
below `min_count` (and every figure computed from one) is suppressed: shown as None ("<5").
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from graph.db import Graph

MIN_COUNT = 5  # the usual small-count rule for published figures about people
HIGH = 0.5  # a score from which an address is a lead worth reviewing
BANDS = (0.2, 0.5, 0.8)  # score band bounds above 0; band labels below
BAND_LABELS = ("0", "0-0.2", "0.2-0.5", "0.5-0.8", "0.8-1")
OUTCOMES = ("overtreding", "geen overtreding", "onbekend", "open")
# A neighbourhood whose share of high scores is at least this many times the municipality's
# is marked for a closer look: is it the facts, or where signals and inspections come from?
STANDOUT = 2.0
CASE_YEARS = 2  # inspections counted per neighbourhood: the last two years


def suppress(count: int, min_count: int = MIN_COUNT) -> int | None:
    """The count, or None when it is below `min_count`."""
    return count if count >= min_count else None


def band(score: float) -> int:
    """Index into BAND_LABELS."""
    return 0 if score <= 0 else 1 + sum(score >= b for b in BANDS)


@dataclass
class Neighbourhood:
    buurtcode: str
    name: str | None
    addresses: int | None
    flagged: int | None  # addresses with a score above 0
    high: int | None  # addresses with a score of at least HIGH
    high_share: float | None
    mean_score: float | None
    cases: int | None  # cases about its addresses in the last CASE_YEARS years
    violations: int | None
    standout: bool = False


@dataclass
class Report:
    run_id: str | None
    as_of: str | None
    min_count: int
    high: float
    case_years: int = CASE_YEARS
    bands: tuple[str, ...] = BAND_LABELS
    distribution: dict[str, list[int | None]] = field(default_factory=dict)  # label -> per band
    neighbourhoods: list[Neighbourhood] = field(default_factory=list)
    outcomes: dict[str, dict[str, int | None]] = field(default_factory=dict)  # band -> outcome
    hit_rate: dict[str, float | None] = field(default_factory=dict)  # band -> share overtreding
    weights: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _neighbourhoods(rows: list[dict[str, Any]], min_count: int) -> list[Neighbourhood]:
    total = sum(r["addresses"] for r in rows)
    town_share = sum(r["high"] for r in rows) / total if total else 0.0
    out = []
    for r in rows:
        addresses, high = suppress(r["addresses"], min_count), suppress(r["high"], min_count)
        share = round(r["high"] / r["addresses"], 3) if addresses and high else None
        out.append(Neighbourhood(
            r["buurtcode"], r["name"], addresses, suppress(r["flagged"], min_count), high, share,
            round(r["meanScore"], 3) if addresses else None, suppress(r["cases"], min_count),
            suppress(r["violations"], min_count),
            standout=bool(share and town_share and share >= STANDOUT * town_share)))
    return out


def _outcomes(rows: list[dict[str, Any]],
              min_count: int) -> tuple[dict[str, dict[str, int | None]], dict[str, float | None]]:
    counts = {label: dict.fromkeys(OUTCOMES, 0) for label in BAND_LABELS}
    for r in rows:
        counts[BAND_LABELS[band(r["score"])]][r["outcome"]] += 1
    table = {b: {o: suppress(n, min_count) for o, n in c.items()} for b, c in counts.items()}
    rates: dict[str, float | None] = {}
    for b, c in counts.items():
        judged = c["overtreding"] + c["geen overtreding"]
        # A rate computed from a suppressed count would give that count away.
        shown = table[b]["overtreding"] is not None and table[b]["geen overtreding"] is not None
        rates[b] = round(c["overtreding"] / judged, 3) if shown and judged else None
    return table, rates


def _figures(graph: Graph, as_of: date, min_count: int, high: float) -> list[Neighbourhood]:
    since = as_of - timedelta(days=365 * CASE_YEARS)
    return _neighbourhoods(
        graph.read("scoring/monitor_neighbourhoods", high=high, since=since), min_count)


def neighbourhood_figures(graph: Graph, min_count: int = MIN_COUNT,
                          high: float = HIGH) -> list[dict[str, Any]]:
    """Only the monitor's neighbourhood table (for the overview), small counts suppressed."""
    latest = graph.read("analysis/latest_run")
    as_of: date = (latest[0].get("asOf") if latest else None) or date.today()
    return [asdict(n) for n in _figures(graph, as_of, min_count, high)]


def monitor(graph: Graph, min_count: int = MIN_COUNT, high: float = HIGH) -> Report:
    """Score distributions per neighbourhood and label, and scores against case outcomes."""
    latest = graph.read("analysis/latest_run")
    run = latest[0] if latest else {}
    as_of: date = run.get("asOf") or date.today()
    report = Report(run.get("runId"), as_of.isoformat() if run else None, min_count, high)
    steps = json.loads(run["steps"]) if run.get("steps") else {}
    report.weights = steps.get("figures", {}).get("scoring", {}).get("weights", {})
    for row in graph.read("scoring/monitor_scores", bands=list(BANDS)):
        per_band = report.distribution.setdefault(row["label"], [0] * len(BAND_LABELS))
        per_band[row["band"]] = row["count"]
    report.distribution = {label: [suppress(n or 0, min_count) for n in counts]
                           for label, counts in report.distribution.items()}
    report.neighbourhoods = _figures(graph, as_of, min_count, high)
    report.outcomes, report.hit_rate = _outcomes(graph.read("scoring/monitor_outcomes"),
                                                 min_count)
    return report
