"""Neighbourhood figures (no personal data): police counts per month, municipal and CBS per year."""

from __future__ import annotations

import math
import random
from datetime import date
from pathlib import Path

from .assets import Ownership
from .people import Population
from .town import Town
from .writers import TableWriter

FIGURE_COLUMNS = ("buurtcode", "periode", "bron", "categorie", "waarde")
# Incidents per 1,000 inhabitants per month, roughly the Dutch averages.
POLICE_RATES = (("vermogensdelicten", 2.2), ("geweldsdelicten", 0.5),
                ("overlast en vernieling", 1.6), ("ondermijning", 0.08))
# Per 1,000 inhabitants per year.
MUNICIPAL_RATES = (("huisverboden", 0.6), ("bijstand", 25.0), ("jeugdhulp", 45.0))


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
                  as_of: date) -> dict[str, int]:
    """Write `buurt_cijfers.csv` for the twelve full months before `as_of` and two years."""
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
        return {"buurt_cijfers_rows": out.rows}
