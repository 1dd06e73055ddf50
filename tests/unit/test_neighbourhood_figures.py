"""Suppression, the hotspot test and its correction on hand-made series (no database needed)."""

from __future__ import annotations

import math
import random

import pandas as pd
from scipy.optimize import linprog
from scipy.stats import false_discovery_control

from investigations.neighbourhoods import charts
from investigations.neighbourhoods.hotspots import benjamini_hochberg, chance, hotspots
from investigations.neighbourhoods.series import Series
from investigations.neighbourhoods.suppression import SHOWN, SMALL, WITHHELD, suppress_line

BOUNDS = {SMALL: (0, 4), WITHHELD: (5, 10**9)}


def feasible(marks: dict[str, str], values: dict[str, float], total: float, cell: str
             ) -> tuple[float, float]:
    """What a reader can tell about one withheld cell from the total and the other marks."""
    rest = total - sum(v for k, v in values.items() if marks[k] == SHOWN)
    others = [marks[k] for k in marks if k != cell and marks[k] in BOUNDS]
    lo, hi = BOUNDS[marks[cell]]
    return (max(lo, rest - sum(BOUNDS[o][1] for o in others)),
            min(hi, rest - sum(BOUNDS[o][0] for o in others)))


def test_no_withheld_cell_can_be_worked_out_from_its_total() -> None:
    rng = random.Random(5)
    withheld = 0
    for _ in range(3000):
        values = {f"b{i}": float(rng.choice((0, 1, 2, 3, 4, 5, 6, 8, 12, 40)))
                  for i in range(rng.randint(1, 7))}
        marks, total_mark = suppress_line(values)
        total = sum(values.values())
        for k, v in values.items():
            assert (marks[k] == SHOWN) <= (v >= 5)  # nothing below 5 is shown
            assert (marks[k] == SMALL) == (v < 5)  # "<5" means below 5, and only that
        if total_mark != SHOWN:
            assert total < 5 or all(m != SHOWN for m in marks.values())
            continue
        for k in values:
            if marks[k] in BOUNDS:
                lo, hi = feasible(marks, values, total, k)
                assert lo < hi, (values, marks)
                withheld += 1
    assert withheld > 1000


def test_a_line_without_small_counts_is_shown_whole() -> None:
    marks, total = suppress_line({"a": 7.0, "b": 12.0, "c": math.nan})
    assert marks == {"a": SHOWN, "b": SHOWN, "c": "–"} and total == SHOWN


def test_a_forced_cell_is_withheld_and_the_line_stays_safe() -> None:
    values = {"a": 9.0, "b": 12.0, "c": 30.0}
    marks, total = suppress_line(values, forced={"a"})
    assert marks["a"] == WITHHELD and total == SHOWN
    assert [k for k, m in marks.items() if m != SHOWN] == ["a", "b"]  # b keeps a from the total
    for k in ("a", "b"):
        lo, hi = feasible(marks, values, sum(values.values()), k)
        assert lo < hi


def test_benjamini_hochberg_agrees_with_scipy() -> None:
    rng = random.Random(9)
    p = [rng.random() ** 3 for _ in range(40)]
    assert [round(x, 12) for x in benjamini_hochberg(p)] == \
        [round(float(x), 12) for x in false_discovery_control(p)]


def series(rows: dict[str, list[float]]) -> Series:
    periods = [f"{2025 + (i // 12)}-{i % 12 + 1:02d}" for i in range(13)]  # 2025-01 .. 2026-01
    return Series("meldingen", "Meldingen", "graaf", "month", True,
                  pd.DataFrame(rows, index=periods).T)


def test_a_rise_above_its_own_history_is_a_hotspot_and_a_steady_buurt_is_not() -> None:
    rng = random.Random(3)
    steady = {f"BU{i:08d}": [float(rng.randint(6, 12)) for _ in range(13)] for i in range(8)}
    risen = [float(rng.randint(6, 12)) for _ in range(12)] + [40.0]
    found, n = hotspots([series({**steady, "BU99999999": risen})])
    flagged = [t for t in found if t.flagged]
    assert n == 9 and [t.buurtcode for t in flagged] == ["BU99999999"]
    text = flagged[0].text
    assert text.startswith("Meldingen: 40 in 2026-01, boven de ")
    assert "per maand in de 12 maanden ervoor; kans bij toeval" in text
    assert "(Poisson-toets, eenzijdig, gecorrigeerd voor 9 toetsen met Benjamini-Hochberg)" in text


def test_chance_in_words() -> None:
    assert chance(0.0004, True) == "kleiner dan 0,1%"
    assert chance(0.002, True) == "0,20%" and chance(0.023, True) == "2,3%"
    assert chance(0.002, False) == "kleiner dan 1%"


def test_rows_another_page_sums_are_lines_too_and_nothing_is_pinned() -> None:
    """A withheld cell must keep more than one value under every column total (shown here) and
    every row total (shown by the monitor), solved together as a linear programme."""
    values = {"A": [3.0, 10.0, 10.0], "B": [8.0, 9.0, 7.0], "C": [9.0, 6.0, 12.0]}
    periods = ["2026-01", "2026-02", "2026-03"]
    data = pd.DataFrame(values, index=periods).T
    s = Series("zaken", "Zaken", "graaf", "month", True, data, row_window=tuple(periods))
    cells = [(b, p) for b in values for p in periods]
    hidden = [c for c in cells if s.cell(*c)[0] is None]
    assert ("A", "2026-01") in hidden and len(hidden) >= 4
    index = {c: i for i, c in enumerate(hidden)}
    equations, totals = [], []
    lines = [[(b, p) for b in values] for p in periods] + [[(b, p) for p in periods] for b in values]
    for line in lines:
        total = sum(data.at[b, p] for b, p in line)
        equations.append([1.0 if c in line else 0.0 for c in hidden])
        totals.append(total - sum(data.at[b, p] for b, p in line if (b, p) not in index))
    bounds = [(0, 4) if s.cell(*c)[1] == SMALL else (5, None) for c in hidden]
    for c, i in index.items():
        objective = [1.0 if j == i else 0.0 for j in range(len(hidden))]
        low = linprog(objective, A_eq=equations, b_eq=totals, bounds=bounds)
        high = linprog([-x for x in objective], A_eq=equations, b_eq=totals, bounds=bounds)
        assert low.success and high.success
        assert -high.fun - low.fun >= 1, c  # at least two whole values remain possible


def test_a_chart_of_withheld_cells_only_is_drawn_and_says_so() -> None:
    data = pd.DataFrame({"2026-01": [0.0, 1.0], "2026-02": [2.0, 0.0]}, index=["A", "B"])
    s = Series("zaken", "Zaken", "graaf", "month", True, data)
    assert s.cell("A", "2026-01") == (None, SMALL) and s.total("2026-02") == (None, SMALL)
    png = charts.buurt_chart(s, "A", "Centrum")
    assert png.startswith(b"\x89PNG") and png != charts.town_chart(s)
