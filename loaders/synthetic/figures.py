"""Neighbourhood figures (no personal data): police counts per month, municipal and CBS per year."""

from __future__ import annotations

import math
import random
from datetime import date
from pathlib import Path

from .assets import Ownership
from .people import Population
from .town import Town
from .truth import GroundTruth
from .writers import TableWriter

FIGURE_COLUMNS = ("buurtcode", "periode", "bron", "categorie", "waarde")
# Incidents per 1,000 inhabitants per month, roughly the Dutch averages.
POLICE_RATES = (("vermogensdelicten", 2.2), ("geweldsdelicten", 0.5),
                ("overlast en vernieling", 1.6), ("ondermijning", 0.08))
# Per 1,000 inhabitants per year.
MUNICIPAL_RATES = (("huisverboden", 0.6), ("bijstand", 25.0), ("jeugdhulp", 45.0))
# A category of its own for the planted rise (drug nuisance reported to the police), per 1,000
# inhabitants per month, so the earlier categories' draws and values stay as they were.
RISE_CATEGORY, RISE_RATE = "drugsoverlast", 15.0


def poisson(rng: random.Random, lam: float) -> int:
    """A Poisson draw: Knuth's method for small means, a rounded normal for large ones."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def build_figures(folder: Path, rng: random.Random, town: Town, pop: Population, own: Ownership,
                  as_of: date, truth: GroundTruth | None = None) -> dict[str, int]:
    """Write `buurt_cijfers.csv` for the twelve full months before `as_of` and two years; with
    `truth`, also the planted rise (see `_plant_rise`), recorded there."""
    months = []
    year, month = as_of.year, as_of.month
    for _ in range(12):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        months.append(f"{year}-{month:02d}")
    months.reverse()
    with TableWriter(folder, "buurt_cijfers.csv", FIGURE_COLUMNS) as out:
        for b, code in enumerate(town.buurt_codes):
            inhabitants = pop.inhabitants[1][b]
            # Some buurten simply see more crime than others of the same size.
            factor = rng.lognormvariate(0, 0.35) * inhabitants / 1000
            for period in months:
                for category, rate in POLICE_RATES:
                    out.write((code, period, "politie", category, poisson(rng, rate * factor)))
            for category, rate in MUNICIPAL_RATES:
                out.write((code, str(as_of.year - 1), "gemeente", category,
                           poisson(rng, rate * factor)))
            if own.woz_count[b]:
                out.write((code, str(as_of.year), "gemeente", "gemiddelde WOZ-waarde",
                           round(own.woz_sum[b] / own.woz_count[b])))
            for j, period_year in enumerate((as_of.year - 1, as_of.year)):
                out.write((code, str(period_year), "CBS", "inwoners", pop.inhabitants[j][b]))
        if truth is not None:
            _plant_rise(out, random.Random(f"{truth.seed}:figures:rise"), town, pop, months, truth)
        return {"buurt_cijfers_rows": out.rows}


def _plant_rise(out: TableWriter, rng: random.Random, town: Town, pop: Population,
                months: list[str], truth: GroundTruth) -> None:
    """Monthly drug-nuisance counts for every buurt, steady except in one buurt, whose last
    month is about three times its usual level plus eight: a hotspot. Another buurt, left as
    it is, is recorded as the steady one a hotspot test must leave alone."""
    peopled = [b for b in range(len(town.buurt_codes)) if pop.inhabitants[1][b] > 0]
    risen, steady = rng.sample(peopled, 2)
    for b in range(len(town.buurt_codes)):
        lam = RISE_RATE * pop.inhabitants[1][b] / 1000
        counts = [poisson(rng, lam) for _ in months]
        if b == risen:
            counts[-1] = round(3 * lam) + 8
            truth.pattern("neighbourhood_rise", {
                "buurtcode": town.buurt_codes[b], "category": RISE_CATEGORY, "channel": "politie",
                "period": months[-1], "expected": round(lam, 2), "count": counts[-1]})
        elif b == steady:
            truth.decoy("steady_neighbourhood", {
                "buurtcode": town.buurt_codes[b], "category": RISE_CATEGORY, "channel": "politie"})
        for period, count in zip(months, counts, strict=True):
            out.write((town.buurt_codes[b], period, "politie", RISE_CATEGORY, count))
