"""The companies behind patterns and decoys, and the KvK phase mixing them with ordinary ones."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from .companies import CompanyWriter, Maker, Registry, Spec, distinct
from .ids import CompanyNumbers
from .patterns import Plan, Quotas
from .people import YEAR, Population
from .town import Town
from .truth import GroundTruth
from .vocab import HOME_BRANCHES, LETTERBOX_BRANCHES, NETWORK_BRANCHES, OFFICE_BRANCHES
from .writers import mixed

_CORPORATIONS = ("Woningstichting Zaanwonen", "Stichting Woonstede Zaanstreek",
                 "Stichting Eigen Erf Wonen")
STUDENT_HOUSING = "Stichting Studentenhuisvesting Zaanstede"


def build_companies(folder: Path, rng: random.Random, town: Town, pop: Population, plan: Plan,
                    quotas: Quotas, numbers: CompanyNumbers, as_of: date, truth: GroundTruth,
                    persons: int) -> tuple[Registry, dict[str, int]]:
    """Write both KvK files: about one company per 25 persons, patterns mixed in at random.

    Small towns get relatively more pattern companies; at least one ordinary company per 40
    persons keeps the ordinary economy in the majority.
    """
    today = as_of.toordinal()
    maker = Maker(rng, town, pop, numbers, today, plan.reserved)
    total = persons // 25
    writer = CompanyWriter(folder, rng, town, pop, numbers, as_of, truth,
                           quotas.name_variants // 2, int(total * 1.6))
    reg = writer.registry
    specs = _support(maker, reg, persons)
    specs += _landlords(maker, plan)
    specs += _letterboxes(maker, town, pop, truth)
    specs += _business_centres(maker, town, truth)
    specs += _hairdressers(maker, town, pop, truth)
    specs += _networks(maker, plan)
    if quotas.varied:
        specs += _company_groups(maker, truth, len(plan.networks) // 2)
    specs += _hidden(maker, plan)
    for spec in mixed(rng, specs, max(persons // 40, total - len(specs)), maker.ordinary):
        writer.write(spec)
    return reg, writer.close()


def _support(maker: Maker, reg: Registry, persons: int) -> list[Spec]:
    """Housing corporations, the student housing foundation and a pool of letting BVs."""
    rng, today = maker.rng, maker.today
    specs = []
    for name in (*_CORPORATIONS[: 2 if persons < 50_000 else 3], STUDENT_HOUSING):
        since = date(rng.randint(1910, 1995), rng.randint(1, 12), rng.randint(1, 28))
        spec = Spec(maker.numbers.kvk(), name, "Stichting", "6820", since.toordinal(), None,
                    maker.address("office"))
        spec.officers = [maker.person_officer("bestuurder", spec.founded, None, maker.adult(None))
                         for _ in range(2)]
        if name == STUDENT_HOUSING:
            reg.student_housing = spec.kvk
        else:
            reg.corporations.append(spec.kvk)
        specs.append(spec)
    for _ in range(max(3, persons // 3000)):
        owner = maker.adult(None, 35, 75)
        founded = today - rng.randint(YEAR, 25 * YEAR)
        address = maker.pop.home[owner] if rng.random() < 0.4 else maker.address("office")
        spec = Spec(maker.numbers.kvk(), maker.name("6820", "BV", owner), "BV", "6820", founded,
                    None, address, [maker.person_officer("bestuurder", founded, None, owner)])
        reg.landlords.append(spec.kvk)
        specs.append(spec)
    return specs


def _landlords(maker: Maker, plan: Plan) -> list[Spec]:
    """The letting BVs of the multi-owner landlords that own through a company."""
    rng, specs = maker.rng, []
    for landlord in plan.landlords:
        if not landlord.kvk:
            continue
        founded = maker.today - rng.randint(3 * YEAR, 20 * YEAR)
        home = maker.pop.home[landlord.person]
        address = home if home >= 0 and rng.random() < 0.6 else maker.address("office")
        specs.append(Spec(landlord.kvk, maker.name("6820", "BV", landlord.person), "BV", "6820",
                          founded, None, address,
                          [maker.person_officer("bestuurder", founded, None, landlord.person)]))
    return specs


def _letterboxes(maker: Maker, town: Town, pop: Population, truth: GroundTruth) -> list[Spec]:
    """Five to twenty mostly short-lived companies at each letterbox dwelling."""
    rng, specs = maker.rng, []
    for a in town.special["letterbox"]:
        item = truth.pattern("letterbox", {"address": town.key(a), "kvks": [],
                                           "residents": pop.residents[a]})
        for _ in range(rng.randint(5, 20)):
            sbi = rng.choice(LETTERBOX_BRANCHES)
            form = "BV" if rng.random() < 0.6 else "Eenmanszaak"
            founded, ended = maker.dates(short=rng.random() < 0.7)
            role = "bestuurder" if form == "BV" else "eigenaar"
            if rng.random() < 0.55:
                officer = maker.stranger_officer(role, founded, ended)
            else:
                officer = maker.person_officer(role, founded, ended, maker.adult(ended))
            spec = Spec(maker.numbers.kvk(), maker.name(sbi, form, officer.person), form, sbi,
                        founded, ended, a, [officer])
            item["kvks"].append(spec.kvk)
            specs.append(spec)
    return specs


def _business_centres(maker: Maker, town: Town, truth: GroundTruth) -> list[Spec]:
    """Eight to twenty-five ordinary office companies sharing each business centre address."""
    rng, specs = maker.rng, []
    for a in town.special["business_centre"]:
        item = truth.decoy("business_centre", {"address": town.key(a), "kvks": []})
        for _ in range(rng.randint(8, 25)):
            sbi = rng.choice(OFFICE_BRANCHES)
            form = "BV" if rng.random() < 0.8 else "Eenmanszaak"
            founded, ended = maker.dates(span=8)
            role = "bestuurder" if form == "BV" else "eigenaar"
            officer = maker.person_officer(role, founded, ended, maker.adult(ended))
            spec = Spec(maker.numbers.kvk(), maker.name(sbi, form, officer.person), form, sbi,
                        founded, ended, a, [officer])
            item["kvks"].append(spec.kvk)
            specs.append(spec)
    return specs


def _hairdressers(maker: Maker, town: Town, pop: Population, truth: GroundTruth) -> list[Spec]:
    """A hairdresser in business for 15-25 years, run by a resident: a risk branch, no risk."""
    rng, specs = maker.rng, []
    for a in town.special["hairdresser"]:
        owner = maker.adult(None, 40, 65)
        founded = maker.today - rng.randint(15 * YEAR, 25 * YEAR)
        officer = maker.person_officer("eigenaar", founded, None, owner)
        officer.exact = True
        spec = Spec(maker.numbers.kvk(), maker.name("9602", "Eenmanszaak", owner), "Eenmanszaak",
                    "9602", founded, None, a, [officer])
        truth.decoy("ordinary_hairdresser", {"kvk": spec.kvk, "address": town.key(a),
                                             "bsn": pop.bsn_text(owner),
                                             "founded": date.fromordinal(founded).isoformat()})
        specs.append(spec)
    return specs


def _networks(maker: Maker, plan: Plan) -> list[Spec]:
    """Each network's members take turns as officers of its short-lived risk-branch companies."""
    rng, specs = maker.rng, []
    helpers: set[int] = set()
    for net in plan.networks:
        m = len(net.members)
        for j in range(net.companies):
            sbi = rng.choice(NETWORK_BRANCHES)
            form = rng.choices(("BV", "Eenmanszaak", "VOF"), (50, 30, 20))[0]
            founded = maker.today - rng.randint(30, 4 * YEAR)
            ended: int | None = founded + rng.randint(45, 330)
            if ended is not None and ended >= maker.today:
                ended = None  # founded under a year ago and still trading
            role = {"Eenmanszaak": "eigenaar", "VOF": "vennoot"}.get(form, "bestuurder")
            # Company j has members j and j+1: the officers form one chain, and with more
            # companies than members everyone holds at least two roles.
            officers = [maker.person_officer(role, founded, ended, net.members[j % m]),
                        maker.person_officer("gevolmachtigde" if form == "Eenmanszaak" else role,
                                             founded, ended, net.members[(j + 1) % m])]
            spec = Spec(maker.numbers.kvk(), maker.name(sbi, form, officers[0].person), form,
                        sbi, founded, ended, net.addresses[j % len(net.addresses)], officers)
            net.item["kvks"].append(spec.kvk)
            specs.append(spec)
        own = specs[len(specs) - net.companies:]
        for helper in net.facilitators:
            # One role in one company of each network served: the tie that merges networks.
            spec = own[rng.randrange(len(own))]
            spec.officers.append(maker.person_officer("gevolmachtigde", spec.founded, spec.ended,
                                                      helper))
            if helper not in helpers:
                helpers.add(helper)
                specs.append(_office(maker, helper))
        specs += [_family_business(maker, m, partner) for m, partner in net.family]
    return specs


def _office(maker: Maker, helper: int) -> Spec:
    """The facilitator's own long-standing administration office."""
    founded = maker.today - maker.rng.randint(5 * YEAR, 25 * YEAR)
    return Spec(maker.numbers.kvk(), maker.name("6920", "BV", helper), "BV", "6920", founded,
                None, maker.address("office"),
                [maker.person_officer("bestuurder", founded, None, helper)])


def _family_business(maker: Maker, member: int, partner: int) -> Spec:
    """A lawful VOF of a network member and their partner at home, running for years."""
    rng, pop = maker.rng, maker.pop
    sbi = rng.choice(HOME_BRANCHES)
    founded = maker.today - rng.randint(5 * YEAR, 20 * YEAR)
    return Spec(maker.numbers.kvk(), maker.name(sbi, "VOF", member), "VOF", sbi, founded, None,
                pop.home[member], [maker.person_officer("vennoot", founded, None, member),
                                   maker.person_officer("vennoot", founded, None, partner)])


def _company_groups(maker: Maker, truth: GroundTruth, count: int) -> list[Spec]:
    """Lawful groups that look like networks on paper: two to four persons (a family, business
    partners) running two to five long-standing companies together, often in risk branches
    (restaurants, garages, hairdressers), each company with two of them as officers."""
    rng, specs = maker.rng, []
    for _ in range(count):
        persons = [maker.adult(None, 30, 70) for _ in range(rng.randint(2, 4))]
        persons = list(dict.fromkeys(persons))
        if len(persons) < 2:
            continue
        for p in persons:
            maker.pop.special[p] = 1  # no random roles elsewhere
        item = truth.decoy("company_group", {"bsns": [maker.pop.bsn_text(p) for p in persons],
                                             "kvks": []})
        m = len(persons)
        for j in range(max(2, rng.randint(m, m + 2))):
            sbi = rng.choice(("5610", "4520", "9602", "4711", "6920", "4321"))
            form = rng.choices(("BV", "VOF"), (60, 40))[0]
            founded = maker.today - rng.randint(3 * YEAR, 30 * YEAR)
            ended = None if rng.random() < 0.8 else \
                min(maker.today - 30, founded + rng.randint(3 * YEAR, 20 * YEAR))
            role = "vennoot" if form == "VOF" else "bestuurder"
            officers = [maker.person_officer(role, founded, ended, persons[j % m]),
                        maker.person_officer(role, founded, ended, persons[(j + 1) % m])]
            spec = Spec(maker.numbers.kvk(), maker.name(sbi, form, persons[j % m]), form, sbi,
                        founded, ended, maker.address("shop" if sbi in ("5610", "9602", "4711")
                                                      else "office"), distinct(officers))
            item["kvks"].append(spec.kvk)
            specs.append(spec)
    return specs


def _hidden(maker: Maker, plan: Plan) -> list[Spec]:
    """A one-person business registered at the address where its hidden owner really lives."""
    rng, specs = maker.rng, []
    for hidden in plan.hidden:
        if "officer" not in hidden.kinds:
            continue
        sbi = rng.choice(HOME_BRANCHES)
        founded = maker.today - rng.randint(100, 6 * YEAR)
        officer = maker.person_officer("eigenaar", founded, None, hidden.person)
        officer.exact = True
        officer.evidence = hidden.item["evidence"]
        specs.append(Spec(maker.numbers.kvk(), maker.name(sbi, "Eenmanszaak", hidden.person),
                          "Eenmanszaak", sbi, founded, None, hidden.address, [officer]))
    return specs

