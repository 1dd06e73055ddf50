"""Figures as series: one table of buurten by periods per category, suppressed line by line.

A series comes from the graph (monthly counts, or a count on the reference date) or from a
delivered `buurt_cijfers.csv` category. Every period is one line: its buurten and the town's
total. Pages and exports read cells only through `Series.cell`, so they show the same marks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from investigations.neighbourhoods.suppression import (
    ABSENT,
    SHOWN,
    SMALL,
    WITHHELD,
    suppress_line,
)
from investigations.scoring.monitor import MIN_COUNT

UNITS = {"month": "maand", "week": "week", "year": "jaar", "date": "peildatum"}
_WEEK = re.compile(r"^\d{4}-W\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")


def slug(text: str) -> str:
    """A URL-safe name for a series: `vermogensdelicten-politie`."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def unit_of(period: str) -> str:
    """The kind of period a `buurt_cijfers` period names (ISO week, month, year) or `date`."""
    if _WEEK.match(period):
        return "week"
    if _MONTH.match(period):
        return "month"
    return "year" if _YEAR.match(period) else "date"


@dataclass
class Series:
    """One category's values per buurt (rows) and period (columns), with their marks."""

    slug: str
    title: str
    source: str  # "graaf" (derived from the graph) or the delivering channel (politie, CBS, ...)
    unit: str  # month, week, year or date
    count: bool  # a count (suppressed) or another figure such as an average (shown as is)
    values: pd.DataFrame
    forced: frozenset[tuple[str, str]] = frozenset()  # (buurt, period) cells to withhold
    # Periods whose sum per buurt another page publishes (the monitor's cases of two years): a
    # row line too, so a withheld month cannot be had from that sum minus the shown months.
    row_window: tuple[str, ...] = ()
    town_total: bool = True  # False: no total is shown (the monitor shows these cells already)
    marks: pd.DataFrame = field(init=False)
    totals: dict[str, float | None] = field(init=False)
    total_marks: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.values = self.values.reindex(columns=sorted(self.values.columns))
        self.totals, self.total_marks = {}, {}
        marks: dict[str, dict[str, str]] = {}
        for period in self.values.columns:
            column = {str(k): float(v) for k, v in self.values[period].items()}
            present = [v for v in column.values() if not math.isnan(v)]
            if not self.count:  # an average: no town total, the mean of the buurten as reference
                marks[period] = {k: ABSENT if math.isnan(v) else SHOWN for k, v in column.items()}
                self.total_marks[period] = SHOWN if present else ABSENT
                self.totals[period] = sum(present) / len(present) if present else None
            else:
                self.totals[period] = sum(present)
        self.marks = pd.DataFrame(marks if not self.count else SHOWN, index=self.values.index,
                                  columns=self.values.columns, dtype=object)
        if self.count:
            self._suppress()

    def _suppress(self) -> None:
        """Columns (a period's buurten and the town's total) and, where another page publishes
        a sum per buurt, rows, until withholding a cell in one line breaks no other line."""
        withheld = set(self.forced)
        while True:
            before = len(withheld)
            for period in self.periods:
                column = {str(k): float(v) for k, v in self.values[period].items()}
                forced = {b for b, p in withheld if p == period}
                if self.town_total:
                    found, self.total_marks[period] = suppress_line(column, forced)
                else:
                    found = {k: ABSENT if math.isnan(v) else SMALL if v < MIN_COUNT
                             else WITHHELD if k in forced else SHOWN for k, v in column.items()}
                    self.total_marks[period] = ABSENT
                for buurt, mark in found.items():
                    self.marks.at[buurt, period] = mark
                    if mark == WITHHELD:
                        withheld.add((buurt, period))
            for buurt in self.values.index if self.row_window else ():
                row = {p: float(self.values.at[buurt, p]) for p in self.row_window}
                found, _ = suppress_line(row, {p for b, p in withheld if b == buurt})
                withheld |= {(str(buurt), p) for p, mark in found.items() if mark == WITHHELD}
            if len(withheld) == before:
                return

    @property
    def periods(self) -> list[str]:
        return [str(p) for p in self.values.columns]

    @property
    def last(self) -> str:
        return self.periods[-1]

    def cell(self, buurt: str, period: str) -> tuple[float | None, str]:
        """The value a reader may see (None when withheld) and the cell's mark."""
        if buurt not in self.values.index or period not in self.values.columns:
            return None, ABSENT
        mark = str(self.marks.at[buurt, period])
        return (float(self.values.at[buurt, period]) if mark == SHOWN else None), mark

    def total(self, period: str) -> tuple[float | None, str]:
        """The town's total (a count) or mean (another figure) of a period, as it may be seen."""
        mark = self.total_marks.get(period, ABSENT)
        return (self.totals.get(period) if mark == SHOWN else None), mark

    def reference(self, period: str) -> float | None:
        """The town per buurt: the total over the buurten that have a value, or the mean."""
        value, _ = self.total(period)
        if value is None or not self.count:
            return value
        delivered = int(self.values[period].notna().sum())
        return value / delivered if delivered else None

    def as_dict(self) -> dict[str, Any]:
        return {"slug": self.slug, "title": self.title, "source": self.source, "unit": self.unit,
                "unitName": UNITS[self.unit], "count": self.count, "periods": self.periods}


def frame(rows: Iterable[tuple[str, str, float]], buurten: list[str], periods: list[str],
          fill: float) -> pd.DataFrame:
    """Buurten by periods from (buurt, period, value) rows; `fill` where no row says (0 for the
    graph's counts: nothing happened; NaN for delivered figures: not delivered)."""
    data = pd.DataFrame(fill, index=pd.Index(buurten, dtype=object),
                        columns=pd.Index(periods, dtype=object), dtype=float)
    for buurt, period, value in rows:
        if buurt in data.index and period in data.columns:
            data.at[buurt, period] = float(value)
    return data
