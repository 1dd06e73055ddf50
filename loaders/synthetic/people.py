"""Households and their BRP registration periods, streamed out as `brp_inschrijvingen.csv`."""

from __future__ import annotations

import random
from array import array
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from .ids import BsnSequence, OutsideAddresses, iso
from .names import SURNAMES, given_names
from .town import LOGIES, Town
from .truth import GroundTruth
from .writers import TableWriter

BRP_COLUMNS = (
    "bsn", "voornamen", "voorvoegsel", "geslachtsnaam", "geboortedatum", "geslacht",
    "nummeraanduiding_id", "datum_aanvang", "datum_einde", "soort_adres",
)
YEAR = 365
# Household size by floor area class (<50, <80, <120, larger m²): small flats hold singles.
_SIZE_WEIGHTS = (
    (60, 30, 8, 2, 0, 0), (40, 35, 13, 10, 2, 0), (25, 35, 15, 17, 6, 2), (12, 35, 17, 22, 10, 4),
)
_SIZES = (1, 2, 3, 4, 5, 6)


class Population:
    """Compact arrays of everyone in the BRP export, and per-address occupancy."""

    def __init__(self, addresses: int, buurten: int) -> None:
        self.bsn, self.birth = array("q"), array("l")
        self.given, self.surname = array("l"), array("l")
        self.home, self.prev = array("l"), array("l")  # in-town address index, or -1
        self.sex = bytearray()  # 0 M, 1 V, 2 O
        self.special = bytearray()  # 1: part of a planted group, never drawn at random
        self.given_names: list[str] = []
        self._given_ids: dict[str, int] = {}
        self.residents = array("l", [0]) * addresses
        self.first = array("l", [-1]) * addresses
        self.movein = array("l", [0]) * addresses
        self.couple = bytearray(addresses)
        self.inhabitants = [array("l", [0]) * buurten, array("l", [0]) * buurten]
        self.hidden_outside: dict[int, str] = {}  # person -> outside address key
        self.items: dict[int, dict[str, Any]] = {}  # ground-truth item per special address

    def __len__(self) -> int:
        return len(self.bsn)

    def add(self, bsn: int, birth: int, sex: int, given: str, surname: int, home: int,
            special: bool) -> int:
        """Append one person and return their index."""
        gid = self._given_ids.get(given)
        if gid is None:
            gid = self._given_ids[given] = len(self.given_names)
            self.given_names.append(given)
        self.bsn.append(bsn)
        self.birth.append(birth)
        self.sex.append(sex)
        self.given.append(gid)
        self.surname.append(surname)
        self.home.append(home)
        self.prev.append(-1)
        self.special.append(1 if special else 0)
        return len(self.bsn) - 1

    def parts(self, p: int) -> tuple[str, str, str]:
        """(voornamen, voorvoegsel, geslachtsnaam) of person p."""
        prefix, surname = SURNAMES[self.surname[p]]
        return self.given_names[self.given[p]], prefix, surname

    def bsn_text(self, p: int) -> str:
        """The BSN of person p as nine digits."""
        return f"{self.bsn[p]:09d}"

    def random_adult(self, rng: random.Random, today: int, lo: int = 18, hi: int = 80,
                     in_town: bool = True) -> int:
        """A random person outside planted groups, aged lo..hi, by default living in town."""
        n = len(self.bsn)
        for _ in range(1000):
            p = rng.randrange(n)
            age = (today - self.birth[p]) // YEAR
            if not self.special[p] and lo <= age <= hi and (self.home[p] >= 0 or not in_town):
                return p
        raise RuntimeError("no suitable adult found: too few persons")


class _People:
    """Generates persons household by household and writes their registration periods."""

    def __init__(self, rng: random.Random, town: Town, as_of: date, out: TableWriter,
                 outside: OutsideAddresses, progress: Callable[[int], None] | None) -> None:
        self.rng, self.town, self.out, self.outside = rng, town, out, outside
        self.today = as_of.toordinal()
        self.refs = (date(as_of.year - 1, 1, 1).toordinal(), date(as_of.year, 1, 1).toordinal())
        self.pop = Population(len(town), len(town.buurt_codes))
        self.bsns = BsnSequence(rng)
        self.progress = progress
        self.homes = town.ordinary_homes()

    def person(self, age: int | None, female: bool, home: int, special: bool = False,
               surname: int | None = None, birth: int | None = None) -> int:
        """Create a person of `age` years (or born on `birth`) and return the index."""
        rng = self.rng
        if birth is None:
            birth = self.today - (age or 0) * YEAR - rng.randint(0, YEAR - 1)
        sex = 2 if rng.random() < 0.001 else int(female)
        given = given_names(rng, female, date.fromordinal(birth).year)
        if surname is None:
            surname = rng.randrange(len(SURNAMES))
        p = self.pop.add(self.bsns.next(), birth, sex, given, surname, home, special)
        if self.progress and len(self.pop) % 10_000 == 0:
            self.progress(len(self.pop))
        return p

    def row(self, p: int, addr: int, start: int, end: int | None = None, soort: str = "W",
            key: str = "") -> None:
        """Write one registration period of person p at address index addr (or outside `key`)."""
        pop = self.pop
        given, prefix, surname = pop.parts(p)
        self.out.write((
            pop.bsn_text(p), given, prefix, surname, iso(pop.birth[p]), "MVO"[pop.sex[p]],
            self.town.key(addr) if addr >= 0 else key, iso(start), iso(end) if end else None,
            soort,
        ))
        if addr < 0:
            self.outside.keys.add(key)
        elif soort == "W":
            buurt = self.town.buurt[addr]
            for j, ref in enumerate(self.refs):
                if start <= ref and (end is None or end > ref):
                    pop.inhabitants[j][buurt] += 1

    def history(self, p: int, movein: int, share: float = 0.3) -> tuple[int, int, str] | None:
        """Maybe give p an earlier address; returns (address index or -1, start, outside key)."""
        rng = self.rng
        earliest = self.pop.birth[p] + 18 * YEAR
        if rng.random() >= share or movein - earliest < YEAR:
            return None
        start = max(earliest, movein - rng.randint(YEAR, 12 * YEAR))
        if rng.random() < 0.6:
            addr = self.homes[rng.randrange(len(self.homes))]
            if addr != self.pop.home[p]:
                return addr, start, ""
        return -1, start, self.outside.pick()

    def settle(self, p: int, addr: int, start: int, prev: tuple[int, int, str] | None,
               soort: str = "W") -> None:
        """Write p's earlier period (if any) and the current one at addr from `start`."""
        if prev is not None:
            prev_addr, prev_start, key = prev
            self.pop.prev[p] = prev_addr
            self.row(p, prev_addr, max(prev_start, self.pop.birth[p]), start, key=key)
        self.row(p, addr, max(start, self.pop.birth[p]), soort=soort)

    def household(self, a: int, size: int, special: bool = False) -> list[int]:
        """An ordinary household of `size` at dwelling a: single, couple, family or house share."""
        rng, today = self.rng, self.today
        r = rng.random()
        # Age bands roughly follow the Dutch population: many older singles and couples.
        if size == 1:
            ages = [rng.randint(*rng.choices(((18, 30), (30, 65), (65, 95)), (25, 40, 35))[0])]
            adults, couple = 1, False
        elif (size == 2 and r < 0.12) or (size > 2 and r < 0.03):  # a house share
            ages = [rng.randint(19, 35) for _ in range(size)]
            adults, couple = size, False
        elif (size == 2 and r < 0.77) or (size > 2 and r < 0.88):
            if size > 2:
                head = rng.randint(27, 58)
            else:
                head = rng.randint(22, 40) if rng.random() < 0.4 else rng.randint(45, 92)
            ages = [head, max(18, head + rng.randint(-6, 6))]
            adults, couple = 2, True
        else:  # a single parent
            ages = [rng.randint(28, 85)]
            adults, couple = 1, False
        youngest_parent = min(ages[:adults])
        while len(ages) < size:  # parents were 20 to 42 when their children were born
            oldest = max(0, min(24, youngest_parent - 20))
            ages.append(rng.randint(min(oldest, max(0, youngest_parent - 42)), oldest))
        days = min(int(rng.expovariate(1 / 3300)), (youngest_parent - 18) * YEAR)
        movein = today - max(7, days)
        surnames = [rng.randrange(len(SURNAMES)) for _ in range(adults)]
        family = surnames[0] if rng.random() < 0.85 else surnames[-1]
        members: list[int] = []
        for k, age in enumerate(ages):
            if couple and k < 2:  # mostly a man and a woman; 3% same-sex couples
                female = k == 1 and rng.random() > 0.03
            else:
                female = rng.random() < 0.5
            surname = surnames[k] if k < adults else family
            members.append(self.person(age, female, a, special, surname))
        prev0 = self.history(members[0], movein)
        soort = "B" if size == 1 and rng.random() < 0.005 else "W"
        for k, p in enumerate(members):
            if k < adults:
                prev = prev0 if k == 0 else self.history(p, movein)
            else:  # children moved with the first parent, or were born here
                prev = prev0 if prev0 and self.pop.birth[p] < movein else None
            self.settle(p, a, movein, prev, soort)
        pop = self.pop
        pop.first[a], pop.movein[a], pop.couple[a] = members[0], movein, int(couple)
        pop.residents[a] += size
        return members

    def stranger(self, a: int, lo: int, hi: int, days_lo: int, days_hi: int,
                 surname: int) -> int:
        """An unrelated adult (own surname) registered at a since a recent date."""
        rng = self.rng
        p = self.person(rng.randint(lo, hi), rng.random() < 0.35, a, True, surname)
        start = max(self.pop.birth[p] + 17 * YEAR, self.today - rng.randint(days_lo, days_hi))
        prev = None
        others = self.town.special["overcrowded"]
        r = rng.random()
        if r < 0.35:
            prev = (-1, start - rng.randint(30, 400), self.outside.pick())
        elif r < 0.6 and len(others) > 1:  # churn between overcrowded addresses
            other = others[rng.randrange(len(others))]
            if other != a:
                prev = (other, start - rng.randint(21, 210), "")
        self.settle(p, a, start, prev)
        self.pop.residents[a] += 1
        return p

    def former(self, a: int, lo: int, hi: int, stay: tuple[int, int]) -> int:
        """Someone who stayed at a for a while and left (mostly out of town)."""
        rng, today = self.rng, self.today
        end = today - rng.randint(7, 500)
        start = end - rng.randint(*stay)
        p = self.person(rng.randint(lo, hi), rng.random() < 0.35, -1, True)
        start = max(start, self.pop.birth[p] + 17 * YEAR)
        self.row(p, a, start, end)
        if rng.random() < 0.85:
            self.row(p, -1, end, key=self.outside.pick())
        else:
            home = self.homes[rng.randrange(len(self.homes))]
            self.pop.home[p] = home
            self.pop.prev[p] = a
            self.pop.residents[home] += 1
            self.row(p, home, end)
        return p


def special_sizes(rng: random.Random, town: Town) -> dict[int, tuple[int, int]]:
    """(current residents, former residents) for every planted or decoy address."""
    sizes: dict[int, tuple[int, int]] = {}
    for a in town.special["overcrowded"]:
        sizes[a] = (rng.randint(8, 15), rng.randint(3, 8))
    for a in town.special["room_rental"]:
        sizes[a] = (rng.randint(4, 7), rng.randint(1, 3))
    for a in town.special["student"]:
        sizes[a] = (rng.randint(10, 20) if town.use[a] == LOGIES else rng.randint(6, 10),
                    rng.randint(2, 6))
    for a in town.special["large_family"]:
        sizes[a] = (rng.randint(8, 10), 0)
    for a in town.special["letterbox"]:
        sizes[a] = (1 if rng.random() < 0.4 else 0, 0)
    for a in town.special["cannabis"]:
        sizes[a] = (rng.choices((0, 1, 2), (40, 35, 25))[0], 0)
    return sizes


def regular_sizes(rng: random.Random, town: Town, homes: list[int], budget: int) -> bytearray:
    """Household size per ordinary dwelling (3% vacant), adjusted to sum to exactly `budget`."""
    sizes = bytearray(len(town))
    total = 0
    for a in homes:
        if rng.random() < 0.03:
            continue
        area = town.area[a]
        cls = 0 if area < 50 else 1 if area < 80 else 2 if area < 120 else 3
        sizes[a] = rng.choices(_SIZES, _SIZE_WEIGHTS[cls])[0]
        total += sizes[a]
    # Nudge random households up or down until the town holds exactly the requested persons.
    for _ in range(100 * len(homes) + 100_000):
        if total == budget:
            return sizes
        a = homes[rng.randrange(len(homes))]
        if total < budget and sizes[a] < 6:
            sizes[a] += 1
            total += 1
        elif total > budget and sizes[a] > 0:
            sizes[a] -= 1
            total -= 1
    raise ValueError(f"cannot house {budget} persons in {len(homes)} dwellings")


def build_people(folder: Path, rng: random.Random, town: Town, as_of: date, persons: int,
                 hidden_outside: int, outside: OutsideAddresses, truth: GroundTruth,
                 progress: Callable[[int], None] | None = None
                 ) -> tuple[Population, dict[str, int]]:
    """Generate exactly `persons` people and write `brp_inschrijvingen.csv`."""
    specials = special_sizes(rng, town)
    budget = persons - hidden_outside - sum(now + before for now, before in specials.values())
    if budget < len(specials):
        raise ValueError(f"{persons} persons is too few for the planted patterns")
    with TableWriter(folder, "brp_inschrijvingen.csv", BRP_COLUMNS) as out:
        gen = _People(rng, town, as_of, out, outside, progress)
        sizes = regular_sizes(rng, town, gen.homes, budget)
        for a in range(len(town)):
            role = town.role.get(a)
            if role is None:
                if sizes[a]:
                    gen.household(a, sizes[a])
            elif a in specials:
                _special(gen, truth, a, role, *specials[a])
        for _ in range(hidden_outside):
            p = gen.person(rng.randint(22, 55), rng.random() < 0.4, -1, True)
            start = gen.today - rng.randint(100, 3000)
            prev = gen.history(p, start, 0.5)
            if prev is not None and prev[0] >= 0:  # outside-to-outside moves are not in this export
                gen.pop.prev[p] = prev[0]
                gen.row(p, prev[0], prev[1], start)
            key = outside.pick()
            gen.row(p, -1, start, key=key)
            gen.pop.hidden_outside[p] = key
    pop = gen.pop
    if progress:
        progress(len(pop))
    if len(pop) != persons:
        raise AssertionError(f"generated {len(pop)} persons instead of {persons}")
    return pop, {"brp_rows": out.rows, "brp_persons": len(pop)}


def _special(gen: _People, truth: GroundTruth, a: int, role: str, now: int, before: int) -> None:
    """Populate one planted or decoy address and record it in the ground truth."""
    rng, town, pop = gen.rng, gen.town, gen.pop
    item: dict[str, Any] = {"address": town.key(a), "area": town.area[a]}
    if role in ("letterbox", "cannabis"):
        if now:
            gen.household(a, now, special=True)
        return
    if role == "large_family":
        members = _large_family(gen, a, now)
        truth.decoy("large_family", {**item, "bsns": [pop.bsn_text(p) for p in members]})
        return
    lo, hi, days, stay = {
        "overcrowded": (19, 55, (14, 300), (21, 210)),
        "room_rental": (19, 40, (30, 1100), (60, 400)),
        "student": (18, 26, (20, 1400), (300, 1400)),
    }[role]
    surnames = rng.sample(range(len(SURNAMES)), now)
    current = [gen.stranger(a, lo, hi, days[0], days[1], s) for s in surnames]
    formers = [gen.former(a, lo + 2, hi + 3, stay) for _ in range(before)]
    item["bsns"] = [pop.bsn_text(p) for p in current]
    item["former_bsns"] = [pop.bsn_text(p) for p in formers]
    pop.first[a] = current[0]
    if role == "student":
        item["use"] = "logiesfunctie" if town.use[a] == LOGIES else "woonfunctie"
        pop.items[a] = truth.decoy("student_housing", item)
    else:
        pop.items[a] = truth.pattern(role, item)


def _large_family(gen: _People, a: int, size: int) -> list[int]:
    """Two parents and six to eight children sharing the father's surname, in a big house."""
    rng, today = gen.rng, gen.today
    father_age = rng.randint(38, 50)
    mother_age = max(36, father_age + rng.randint(-4, 2))
    surname = rng.randrange(len(SURNAMES))
    members = [gen.person(father_age, False, a, True, surname),
               gen.person(mother_age, True, a, True)]
    for age in sorted(rng.sample(range(min(20, mother_age - 19)), size - 2), reverse=True):
        members.append(gen.person(age, rng.random() < 0.5, a, True, surname))
    movein = today - rng.randint(2 * YEAR, 12 * YEAR)
    prev = gen.history(members[0], movein, 0.5)
    for p in members:
        gen.settle(p, a, movein, prev if gen.pop.birth[p] < movein else None)
    gen.pop.first[a], gen.pop.movein[a], gen.pop.couple[a] = members[0], movein, 1
    gen.pop.residents[a] += size
    return members
