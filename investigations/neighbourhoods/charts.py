"""Trend charts as PNG (matplotlib, drawn on the server): a buurt against the town, or the town.

Only what a reader may see is drawn: a withheld cell is a gap in the line, never a point.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # no display on a server

import matplotlib.pyplot as plt  # after choosing the backend
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from investigations.neighbourhoods.series import UNITS, Series

BUURT_COLOUR, TOWN_COLOUR = "#08519c", "#b15928"  # blue and brown: apart for colour-blind readers


def _nothing_shown(ax: Axes, *lines: list[float | None]) -> None:
    """Say so on an empty chart, rather than leave a reader guessing."""
    if all(v is None for line in lines for v in line):
        ax.text(0.5, 0.5, "Alle cijfers weggelaten: kleiner dan 5 of terug te rekenen",
                transform=ax.transAxes, ha="center", va="center", fontsize=9, color="#444444")
        ax.set_yticks([])
        ax.set_xlim(-0.5, max(0.5, len(lines[0]) - 0.5))


def _png(fig: Figure) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=96, bbox_inches="tight")
    plt.close(fig)
    return out.getvalue()


def _axes(series: Series, title: str) -> tuple[Figure, Axes]:
    fig, ax = plt.subplots(figsize=(7.5, 2.8))
    ax.set_title(title, fontsize=10, loc="left")
    ax.set_xlabel(UNITS[series.unit])
    ax.grid(axis="y", color="#dddddd")
    ax.spines[["top", "right"]].set_visible(False)
    ticks = range(0, len(series.periods), max(1, len(series.periods) // 8))
    ax.set_xticks(list(ticks), [series.periods[i] for i in ticks], fontsize=8, rotation=30)
    return fig, ax


def buurt_chart(series: Series, buurt: str, name: str) -> bytes:
    """The buurt's values per period with the town per buurt as reference."""
    fig, ax = _axes(series, f"{series.title}: {name} en de gemeente")
    xs = range(len(series.periods))
    values = [series.cell(buurt, p)[0] for p in series.periods]
    town = [series.reference(p) for p in series.periods]
    ax.plot(xs, [float("nan") if v is None else v for v in values], marker="o", markersize=3,
            color=BUURT_COLOUR, label=name)
    ax.plot(xs, [float("nan") if v is None else v for v in town], linestyle="--",
            color=TOWN_COLOUR, label="gemeente, per buurt" if series.count else "gemeente")
    ax.legend(fontsize=8, frameon=False)
    _nothing_shown(ax, values, town)
    return _png(fig)


def town_chart(series: Series) -> bytes:
    """The town's total (or mean) per period."""
    fig, ax = _axes(series, f"{series.title}: de gemeente")
    values = [series.total(p)[0] for p in series.periods]
    ax.plot(range(len(series.periods)), [float("nan") if v is None else v for v in values],
            marker="o", markersize=3, color=TOWN_COLOUR)
    _nothing_shown(ax, values)
    return _png(fig)
