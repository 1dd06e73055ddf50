"""What the neighbourhood pages and their exports show, for one user: only aggregates.

The pages need the `aggregates` capability (a role without personal data has it), leave out the
facts of files the user may not see, and are written to the audit log like every other view.
Every number comes from `Series.cell` or `Series.total`, so a page, its CSV and its chart
withhold the same cells.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from graph.db import Graph
from investigations.access import audit
from investigations.access.scope import Scope
from investigations.cells import neutralise
from investigations.errors import NotFound
from investigations.neighbourhoods import charts, maps
from investigations.neighbourhoods.picture import Picture, picture
from investigations.neighbourhoods.series import Series
from investigations.neighbourhoods.suppression import SHOWN

SHOWN_PERIODS = 12  # columns of a trend table on a page; the CSV has every period


def hidden_files(scope: Scope) -> list[str]:
    """The files whose facts this user may not see (left out of every figure)."""
    if scope.operator:
        return []
    return sorted(f for f, info in scope.sources.latest.items() if not scope.sees(info))


def reference_date(graph: Graph) -> date:
    """The latest analysis run's reference date, else today."""
    latest = graph.read("analysis/latest_run")
    found = latest[0].get("asOf") if latest else None
    return found if isinstance(found, date) else date.today()


def opened(graph: Graph, scope: Scope) -> Picture:
    """The picture this user may see (refused without the `aggregates` capability)."""
    scope.require("aggregates")
    return picture(graph, reference_date(graph), hidden_files(scope))


def text(series: Series, value: float | None, mark: str) -> str:
    """A cell as shown: the number (Dutch decimal comma), or its mark."""
    if mark != SHOWN or value is None:
        return mark
    if series.count or float(value).is_integer():
        return f"{round(value):d}"
    return f"{value:.1f}".replace(".", ",")


def chosen(pic: Picture, name: str | None) -> Series:
    """The series named (its slug), else the first; unknown names are refused."""
    if not pic.series:
        raise NotFound("er zijn nog geen buurtcijfers: laad de BAG en de andere bronnen")
    if not name:
        return pic.series[0]
    found = pic.get(name)
    if found is None:
        raise NotFound(f"onbekend cijfer {name!r}")
    return found


def _row(series: Series, code: str, periods: list[str]) -> list[str]:
    return [text(series, *series.cell(code, p)) for p in periods]


def _totals(series: Series, periods: list[str]) -> list[str]:
    return [text(series, *series.total(p)) for p in periods]


def _reference(series: Series, periods: list[str]) -> list[str]:
    out = []
    for p in periods:
        value = series.reference(p)
        out.append("–" if value is None else f"{value:.1f}".replace(".", ","))
    return out


def overview(graph: Graph, scope: Scope, name: str | None) -> dict[str, Any]:
    """The /buurten page: map and table of one figure, the town's trend, every hotspot."""
    pic = opened(graph, scope)
    series = chosen(pic, name)
    periods = series.periods[-SHOWN_PERIODS:]
    codes = [b["buurtcode"] for b in pic.buurten]
    fills, legend = maps.classes(series, series.last, codes)
    audit.record(graph, scope, "view", "buurten", {"cijfer": series.slug})
    return {
        "asOf": pic.as_of.isoformat(), "series": series.as_dict(),
        "choices": [s.as_dict() for s in pic.series], "periods": periods,
        "rows": [{**b, "cells": _row(series, b["buurtcode"], periods),
                  "fill": fills.get(b["buurtcode"])} for b in pic.buurten],
        # What a square of the map says when pointed at: the buurt and its figure.
        "labels": {b["buurtcode"]: f"{b['name'] or b['buurtcode']}: "
                   f"{text(series, *series.cell(b['buurtcode'], series.last))}"
                   for b in pic.buurten},
        "totals": _totals(series, periods), "reference": _reference(series, periods),
        "map": maps.coloured(pic.map, fills),
        "legend": [{**c, "low": text(series, c["low"], SHOWN),
                    "high": text(series, c["high"], SHOWN)} for c in legend],
        "hotspots": [{**t.as_dict(), "name": _name(pic, t.buurtcode)} for t in pic.flagged()],
        "tests": pic.n_tests,
    }


def _name(pic: Picture, code: str) -> str:
    return next((b["name"] or code for b in pic.buurten if b["buurtcode"] == code), code)


def _buurt(pic: Picture, code: str) -> dict[str, Any]:
    found = next((b for b in pic.buurten if b["buurtcode"] == code), None)
    if found is None:
        raise NotFound(f"onbekende buurt {code!r}")
    return found


def buurt(graph: Graph, scope: Scope, code: str) -> dict[str, Any]:
    """The /buurt/{code} page: every figure's trend against the town, and its hotspots."""
    pic = opened(graph, scope)
    found = _buurt(pic, code)
    trends: list[dict[str, Any]] = []
    snapshot: list[dict[str, Any]] = []
    for series in pic.series:
        periods = series.periods[-SHOWN_PERIODS:]
        entry = {**series.as_dict(), "shownPeriods": periods,
                 "cells": _row(series, code, periods), "totals": _totals(series, periods),
                 "reference": _reference(series, periods)}
        (snapshot if len(series.periods) == 1 else trends).append(entry)
    audit.record(graph, scope, "view", f"buurt:{code}")
    return {"asOf": pic.as_of.isoformat(), "buurt": found, "trends": trends,
            "snapshot": snapshot, "hotspots": [t.as_dict() for t in pic.flagged(code)],
            "tests": pic.n_tests}


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[neutralise(c) for c in row] for row in rows])
    return out.getvalue()


def overview_csv(graph: Graph, scope: Scope, name: str | None) -> tuple[str, str]:
    """One figure for every buurt and period, with the town's total: (file name, CSV text)."""
    pic = opened(graph, scope)
    series = chosen(pic, name)
    rows = [[b["buurtcode"], b["name"] or "", p, text(series, *series.cell(b["buurtcode"], p))]
            for p in series.periods for b in pic.buurten]
    rows += [["gemeente", "totaal" if series.count else "gemiddelde", p,
              text(series, *series.total(p))] for p in series.periods]
    audit.record(graph, scope, "export", "buurten", {"cijfer": series.slug, "format": "csv"})
    return f"buurten-{series.slug}.csv", _csv(["buurtcode", "buurtnaam", "periode", "waarde"], rows)


def buurt_csv(graph: Graph, scope: Scope, code: str, name: str) -> tuple[str, str]:
    """One figure of one buurt per period beside the town: (file name, CSV text)."""
    pic = opened(graph, scope)
    _buurt(pic, code)
    series = chosen(pic, name)
    rows = [[p, text(series, *series.cell(code, p)), text(series, *series.total(p)),
             _reference(series, [p])[0]] for p in series.periods]
    audit.record(graph, scope, "export", f"buurt:{code}", {"cijfer": series.slug, "format": "csv"})
    return (f"{code}-{series.slug}.csv",
            _csv(["periode", code, "gemeente_totaal", "gemeente_per_buurt"], rows))


def chart(graph: Graph, scope: Scope, code: str | None, name: str) -> bytes:
    """A figure's trend chart as PNG: a buurt against the town, or the town alone."""
    pic = opened(graph, scope)
    series = chosen(pic, name)
    png = pic.charts.get((code, series.slug))
    if png is None:
        png = (charts.town_chart(series) if code is None else
               charts.buurt_chart(series, code, _buurt(pic, code)["name"] or code))
        pic.charts[(code, series.slug)] = png
    audit.record(graph, scope, "export", f"buurt:{code}" if code else "buurten",
                 {"cijfer": series.slug, "format": "png"})
    return png
