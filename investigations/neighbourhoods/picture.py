"""The neighbourhood picture of one moment, as a user may see it: buurten, series, hotspots.

Built from the graph by the statements in cypher/neighbourhoods/ (facts of files the user may not
see are left out), kept until the next load or analysis (or KEEP_SECONDS) per set of hidden files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from graph.db import Graph
from investigations.fresh import FreshCache
from investigations.indicators.thresholds import RISK_BRANCHES
from investigations.neighbourhoods import maps
from investigations.neighbourhoods.hotspots import Test, hotspots
from investigations.neighbourhoods.series import Series, frame, slug, unit_of
from investigations.scoring.monitor import CASE_YEARS, HIGH, MIN_COUNT

MONTHS = 24  # months of graph-derived counts: the last full month and the 23 before it
KEEP_SECONDS = 120.0
CASE_DAYS = 365 * CASE_YEARS
RISK_CODES: list[str] = [str(code) for code in RISK_BRANCHES.value]  # type: ignore[union-attr]
# Graph-derived monthly series: (category in monthly.cypher, title on the page, source file).
MONTHLY = (("meldingen", "Meldingen", "meldingen"), ("zaken", "Zaken gestart", "zaken"),
           ("overtredingen", "Zaken gestart die een overtreding vonden", "zaken"),
           ("inschrijvingen", "Inschrijvingen (BRP, woonadres)", "brp_inschrijvingen"),
           ("uitschrijvingen", "Uitschrijvingen (BRP, woonadres)", "brp_inschrijvingen"),
           ("nieuwe risicobranchebedrijven", "Nieuwe bedrijven in een risicobranche",
            "kvk_vestigingen"))
# Counts on the reference date: (column of snapshot.cypher or buurten.cypher, slug, title, the
# source files it needs; scores are derived, and a score may reflect any source).
SNAPSHOT = (("addresses", "adressen", "Adressen", ("bag_verblijfsobjecten",)),
            ("dwellings", "woningen", "Woningen", ("bag_verblijfsobjecten",)),
            ("vacant", "leegstand", "Woningen zonder ingeschrevene (leegstand)",
             ("bag_verblijfsobjecten", "brp_inschrijvingen")),
            ("risk", "risicobranche-actief", "Actieve bedrijven in een risicobranche",
             ("kvk_vestigingen",)),
            ("high", "hoge-score", f"Adressen met een score van {HIGH} of meer", ()))


def withheld(stems: tuple[str, ...], hidden: list[str]) -> bool:
    """Is a source a figure is counted from hidden from the user? Then the figure is left out
    altogether: zeros would say that nothing happened, where the user may just not see it."""
    return any(f.rsplit(".", 1)[0] in stems for f in hidden)


@dataclass
class Picture:
    as_of: date
    buurten: list[dict[str, Any]]  # buurtcode, name, wijkcode (no counts: those are series)
    series: list[Series]
    tests: list[Test]
    map: list[dict[str, Any]]  # the squares of maps.squares, uncoloured
    # Drawn PNG charts by (buurtcode or None for the town, series slug): a chart takes ~0.1 s of
    # CPU, and is drawn again only with a new picture (after a load or an analysis).
    charts: dict[tuple[str | None, str], bytes] = field(default_factory=dict)

    @property
    def n_tests(self) -> int:
        return len(self.tests)

    def get(self, name: str) -> Series | None:
        return next((s for s in self.series if s.slug == name), None)

    def flagged(self, buurt: str | None = None) -> list[Test]:
        return [t for t in self.tests if t.flagged and buurt in (None, t.buurtcode)]


def months_before(as_of: date, n: int) -> list[str]:
    """The n full months before `as_of`, oldest first, as `YYYY-MM`."""
    year, month, out = as_of.year, as_of.month, []
    for _ in range(n):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        out.append(f"{year}-{month:02d}")
    return out[::-1]


def _graph_series(graph: Graph, as_of: date, codes: list[str], hidden: list[str],
                  buurten: list[dict[str, Any]]) -> list[Series]:
    months = months_before(as_of, MONTHS)
    start = date(int(months[0][:4]), int(months[0][5:]), 1)
    until = date(as_of.year, as_of.month, 1)
    rows = graph.read("neighbourhoods/monthly", hidden=hidden, riskCodes=RISK_CODES,
                      **{"from": start, "until": until})
    found = []
    for category, title, stem in MONTHLY:
        if withheld((stem,), hidden):
            continue
        picked = [(r["buurtcode"], r["period"], r["value"]) for r in rows
                  if r["category"] == category]
        # The monitor shows each buurt's cases (and violations) started in its last two years.
        window = tuple(m for m in months if category in ("zaken", "overtredingen")
                       and date(int(m[:4]), int(m[5:]), 1) >= as_of - timedelta(days=CASE_DAYS))
        found.append(Series(slug(category), title, "graaf", "month", True,
                            frame(picked, codes, months, 0.0), row_window=window))
    snap = {r["buurtcode"]: r for r in graph.read(
        "neighbourhoods/snapshot", asOf=as_of, hidden=hidden,
        riskCodes=RISK_CODES, high=HIGH)}
    day = as_of.isoformat()
    merged = {b["buurtcode"]: {**b, **snap.get(b["buurtcode"], {})} for b in buurten}
    for column, name, title, stems in SNAPSHOT:
        if withheld(stems, hidden):
            continue
        picked = [(code, day, merged[code][column]) for code in codes]
        # Dwellings minus vacant ones are the occupied ones: where fewer than 5, the vacancy
        # figure would give that small count away beside the dwellings, so it is withheld.
        forced = frozenset((code, day) for code in codes if column == "vacant"
                           and merged[code]["dwellings"] - merged[code]["vacant"] < MIN_COUNT)
        # The monitor shows addresses and high scores per buurt (small ones suppressed) without
        # a total: a total here would let its withheld cells be worked out.
        found.append(Series(name, title, "graaf", "date", True,
                            frame(picked, codes, [day], 0.0), forced,
                            town_total=column not in ("addresses", "high")))
    return found


def _delivered_series(graph: Graph, codes: list[str], hidden: list[str]) -> list[Series]:
    groups: dict[tuple[str, str, str], list[tuple[str, str, float]]] = {}
    for r in graph.read("neighbourhoods/figures", hidden=hidden):
        if r["value"] is None or not r["period"]:
            continue
        key = (r["category"] or "", r["channel"] or "", unit_of(r["period"]))
        groups.setdefault(key, []).append((r["buurtcode"], r["period"], float(r["value"])))
    found = []
    for (category, channel, unit), rows in sorted(groups.items()):
        periods = sorted({p for _, p, _ in rows})
        # An average (gemiddelde WOZ-waarde) is no count: shown as delivered, never summed.
        count = not category.lower().startswith("gemiddeld") and all(
            float(v).is_integer() for _, _, v in rows)
        name = f"{category} ({channel})" if channel else category
        suffix = "" if unit == "month" else f"-{unit}"
        found.append(Series(slug(name) + suffix, name[:1].upper() + name[1:], channel or "bron",
                            unit, count, frame(rows, codes, periods, float("nan"))))
    return found


def build(graph: Graph, as_of: date, hidden: list[str]) -> Picture:
    """The picture for a user who may not see the files in `hidden`."""
    buurten = graph.read("neighbourhoods/buurten", hidden=hidden)
    codes = [b["buurtcode"] for b in buurten]
    series = (_graph_series(graph, as_of, codes, hidden, buurten) if codes else []) + \
        _delivered_series(graph, codes, hidden)
    tests, _ = hotspots(series)
    names = [{k: b[k] for k in ("buurtcode", "name", "wijkcode")} for b in buurten]
    return Picture(as_of, names, series, tests, maps.squares(graph, hidden))


_cache: FreshCache[Picture] = FreshCache(KEEP_SECONDS)


def picture(graph: Graph, as_of: date, hidden: list[str]) -> Picture:
    """`build`, kept until a load or an analysis changes the graph (or KEEP_SECONDS)."""
    key = (as_of, tuple(sorted(hidden)))
    return _cache.get(graph, key, lambda: build(graph, as_of, hidden))
