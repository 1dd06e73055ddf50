"""A map of the buurten drawn from the town's own data, without tiles: squares of CELL metres
(RD New), each given to the buurt most of its addresses lie in, coloured by a chosen figure.
No address or coordinate of one is drawn: a square is all that is shown of where it lies.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.db import Graph
from investigations.neighbourhoods.series import Series
from investigations.neighbourhoods.suppression import ABSENT

CELL = 200  # metres: a town of 10 km fits in 50 x 50 squares; a square holds a street or two
# Light to dark blue (ColorBrewer Blues): ordered, and legible for colour-blind readers.
PALETTE = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
WITHHELD_FILL, ABSENT_FILL = "#bdbdbd", "#ffffff"


def squares(graph: Graph, hidden: list[str]) -> list[dict[str, Any]]:
    """Runs of neighbouring squares of one buurt in a row: x, y, width, height in map units."""
    owner: dict[tuple[int, int], tuple[int, str]] = {}
    for r in graph.read("neighbourhoods/map_cells", cell=float(CELL), hidden=hidden):
        key = (r["col"], r["row"])
        if key not in owner or (r["addresses"], r["buurtcode"]) > owner[key]:
            owner[key] = (r["addresses"], r["buurtcode"])
    if not owner:
        return []
    top = max(row for _, row in owner)
    left = min(col for col, _ in owner)
    runs: list[dict[str, Any]] = []
    for (col, row) in sorted(owner, key=lambda k: (k[1], k[0])):
        code = owner[(col, row)][1]
        x, y = col - left, top - row  # north up
        last = runs[-1] if runs else None
        if last and last["buurtcode"] == code and last["y"] == y and last["x"] + last["w"] == x:
            last["w"] += 1
        else:
            runs.append({"buurtcode": code, "x": x, "y": y, "w": 1, "h": 1})
    return runs


def classes(series: Series, period: str, buurten: list[str]) -> tuple[dict[str, str],
                                                                      list[dict[str, Any]]]:
    """Each buurt's fill for the figure in `period`, and the legend (equal-count classes of the
    values that may be shown; withheld and absent cells have fills of their own)."""
    shown = sorted(v for b in buurten if (v := series.cell(b, period)[0]) is not None)
    k = min(len(PALETTE), len(set(shown)))
    bounds = sorted({shown[(len(shown) * (i + 1)) // k - 1] for i in range(k)})
    n = len(bounds)
    palette = PALETTE[len(PALETTE) - n:] if n else ()
    fills: dict[str, str] = {}
    for b in buurten:
        value, mark = series.cell(b, period)
        if value is None:
            fills[b] = ABSENT_FILL if mark == ABSENT else WITHHELD_FILL
        else:
            fills[b] = palette[next(i for i, bound in enumerate(bounds) if value <= bound)]
    lower = [min(v for v in shown if i == 0 or v > bounds[i - 1]) for i in range(n)]
    legend = [{"fill": palette[i], "low": lower[i], "high": bounds[i]} for i in range(n)]
    return fills, legend


def coloured(runs: list[dict[str, Any]], fills: Mapping[str, str]) -> list[dict[str, Any]]:
    """The map's squares with the fill of their buurt."""
    return [{**r, "fill": fills.get(r["buurtcode"], ABSENT_FILL)} for r in runs]
