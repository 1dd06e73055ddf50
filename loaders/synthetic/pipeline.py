"""`generate`: one run of all phases, in the order their dependencies need."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

from faker import Faker

from .assets import build_ownership, build_utilities
from .company_patterns import build_companies
from .figures import build_figures
from .ids import CompanyNumbers, OutsideAddresses
from .layout import build_town
from .patterns import Quotas, plan_patterns
from .people import build_people
from .records import build_cases, build_permits
from .signals import build_signals
from .truth import GroundTruth
from .writers import write_sources

MIN_PERSONS = 500  # below this the planted patterns would crowd out the ordinary town
COUNT_KEYS = (
    "bag_rows", "addresses", "dwellings", "buildings", "neighbourhoods", "wijken", "brp_rows",
    "brp_persons", "outside_addresses", "companies", "establishment_rows",
    "kvk_rows_without_address_key", "officer_rows", "officer_rows_person", "officer_rows_company",
    "officer_persons", "permits", "permits_held_by_company", "permits_held_by_person", "signals",
    "signals_with_address_key", "signals_with_address_text", "signals_with_person",
    "signals_with_company", "cases", "case_address_subjects", "case_person_subjects",
    "case_company_subjects", "utility_rows", "brk_rows", "brk_rows_person_owner",
    "brk_rows_company_owner", "buurt_cijfers_rows",
)


def generate(folder: Path, persons: int, seed: int, as_of: date = date(2026, 11, 1),
             progress: Callable[[int], None] | None = None) -> GroundTruth:
    """Write a synthetic municipality of `persons` people into `folder` and return its truth.

    The same seed gives byte-identical files. `progress`, if given, is called with the number
    of persons generated so far (every 10,000 and at the end).
    """
    if persons < MIN_PERSONS:
        raise ValueError(f"persons must be at least {MIN_PERSONS}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    truth = GroundTruth(seed, persons, as_of)
    quotas = Quotas.for_persons(persons)
    today = as_of.toordinal()

    # One generator per phase: a change in one phase leaves the draws of the others alone.
    def rng(phase: str) -> random.Random:
        """The seeded generator of one phase."""
        return random.Random(f"{seed}:{phase}")

    faker = Faker("nl_NL")
    faker.seed_instance(seed)
    numbers = CompanyNumbers(rng("numbers"))
    outside = OutsideAddresses(rng("outside"))
    regular = round((persons - quotas.special_persons()) / 2.2)
    town = build_town(folder, rng("town"), faker, persons, as_of.year, regular, quotas.specials())
    counts: dict[str, int] = {
        "bag_rows": len(town), "addresses": len(town), "dwellings": len(town),
        "buildings": town.buildings, "neighbourhoods": len(set(town.buurt)),
        "wijken": len(town.wijk_codes),
    }
    pop, brp = build_people(folder, rng("people"), town, as_of, persons,
                            quotas.hidden_outside(), outside, truth, progress)
    plan = plan_patterns(rng("plan"), town, pop, quotas, numbers, truth, today)
    reg, kvk = build_companies(folder, rng("kvk"), town, pop, plan, quotas, numbers, as_of,
                               truth, persons)
    own, brk = build_ownership(folder, rng("brk"), town, pop, plan, reg, as_of, truth)
    permits = build_permits(folder, rng("permits"), town, pop, plan, reg, own, as_of, truth,
                            persons)
    # Voorvoegsel variants come on top of the quota (see names.VOORVOEGSEL_SHARE).
    drawn = [v for v in truth.patterns["name_variants"] if v["variant"] != "voorvoegsel"]
    variants_left = max(0, quotas.name_variants - len(drawn))
    signals = build_signals(folder, rng("signals"), town, pop, plan, reg, as_of, truth, persons,
                            variants_left)
    cases = build_cases(folder, rng("cases"), town, pop, plan, reg, as_of, persons)
    utilities = build_utilities(folder, rng("utilities"), town, pop, as_of, truth)
    figures = build_figures(folder, rng("figures"), town, pop, own, as_of, truth)
    write_sources(folder)
    counts.update(brp, outside_addresses=len(outside.keys), **kvk, **permits, **signals, **cases,
                  **utilities, **brk, **figures)
    truth.counts = {key: counts[key] for key in COUNT_KEYS}
    truth.save(folder / "ground_truth.json")
    return truth
