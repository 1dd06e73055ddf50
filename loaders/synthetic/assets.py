"""Who owns each dwelling (BRK, with WOZ value) and what it uses (electricity, gas, water)."""

from __future__ import annotations

import random
from array import array
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .companies import Registry
from .ids import iso
from .patterns import Plan
from .people import YEAR, Population
from .town import LOGIES, Town
from .truth import GroundTruth
from .writers import TableWriter

BRK_COLUMNS = (
    "verblijfsobject_id", "eigenaar_bsn", "eigenaar_kvk_nummer", "aandeel", "datum_aanvang",
    "datum_einde", "woz_waarde",
)
UTILITY_COLUMNS = ("nummeraanduiding_id", "jaar", "elektriciteit_kwh", "gas_m3", "water_m3")
_LETTINGS_KEPT = 2000  # landlord-owned dwellings remembered for permits (a reservoir sample)


@dataclass
class Ownership:
    """What later phases need from the BRK: let dwellings, and WOZ sums per buurt."""

    lettings: list[tuple[int, str]] = field(default_factory=list)  # (address, owner key)
    woz_sum: array = field(default_factory=lambda: array("q"))
    woz_count: array = field(default_factory=lambda: array("l"))


class _Owners:
    """Picks the owner of each dwelling: corporation, private landlord or the residents."""

    def __init__(self, rng: random.Random, town: Town, pop: Population, plan: Plan,
                 reg: Registry, today: int) -> None:
        self.rng, self.town, self.pop, self.plan, self.reg = rng, town, pop, plan, reg
        self.today = today
        # Social housing share differs strongly per buurt (post-war estates versus new builds).
        self.social = [rng.uniform(0.05, 0.6) for _ in town.buurt_codes]
        self.price = [rng.uniform(2800, 5500) for _ in town.buurt_codes]  # euros per m²
        self.private: list[list[int]] = []  # [person, dwellings still to buy]

    def landlord(self) -> str:
        """A private landlord: a person owning one to four dwellings, or a letting BV.

        Capping private persons at four keeps "owns many dwellings" for the planted landlords
        and the BVs; ordinary owners of three or four are the lawful look-alikes.
        """
        rng = self.rng
        if self.reg.landlords and rng.random() < 0.4:
            return f"kvk:{rng.choice(self.reg.landlords)}"
        if not self.private or rng.random() < 0.6:
            person = self.pop.random_adult(rng, self.today, 30, 80)
            self.private.append([person, rng.choices((1, 2, 3, 4), (70, 22, 6, 2))[0]])
        k = rng.randrange(len(self.private))
        entry = self.private[k]
        entry[1] -= 1
        if entry[1] <= 0:  # fully invested: swap-remove in O(1)
            self.private[k] = self.private[-1]
            self.private.pop()
        return f"bsn:{self.pop.bsn_text(entry[0])}"

    def owners(self, a: int) -> tuple[list[str], int, bool]:
        """(owner keys, start of ownership, whether let) for dwelling a."""
        rng, pop, role = self.rng, self.pop, self.town.role.get(a)
        first = pop.first[a]
        forced = self.plan.owner.get(a)
        if forced:
            return [forced], self.today - rng.randint(YEAR, 20 * YEAR), True
        if role == "student":
            since = self.today - rng.randint(YEAR, 30 * YEAR)
            return [f"kvk:{self.reg.student_housing}"], since, True
        r = rng.random()
        occupant = (first >= 0 and not pop.special[first]) or role == "large_family"
        if role in ("overcrowded", "letterbox") or (role == "cannabis" and r < 0.5):
            return [self.landlord()], self.today - rng.randint(YEAR, 20 * YEAR), True
        social = self.social[self.town.buurt[a]]
        if (role != "large_family" and r < social) or first < 0:
            return [f"kvk:{rng.choice(self.reg.corporations)}"], self._built(a), False
        if r < social + 0.13 or not occupant:
            return [self.landlord()], self.today - rng.randint(YEAR, 20 * YEAR), True
        owners = [f"bsn:{pop.bsn_text(first)}"]
        if pop.couple[a] and rng.random() < 0.5:
            owners.append(f"bsn:{pop.bsn_text(first + 1)}")
        return owners, pop.movein[a], False

    def _built(self, a: int) -> int:
        """Corporations own since completion (or since 1990 for older stock)."""
        year = max(1990, self.town.bouwjaar[a])
        return date(min(year, date.fromordinal(self.today).year), 1, 1).toordinal()

    def woz(self, a: int) -> int:
        """WOZ value: floor area times the buurt's price, older stock a bit cheaper."""
        t, rng = self.town, self.rng
        per_m2 = self.price[t.buurt[a]] * (0.6 if t.use[a] == LOGIES else 1.0)
        age = 0.85 if t.bouwjaar[a] < 1970 else 1.0
        return max(80_000, int(round(t.area[a] * per_m2 * age * rng.uniform(0.9, 1.1), -3)))


def build_ownership(folder: Path, rng: random.Random, town: Town, pop: Population, plan: Plan,
                    reg: Registry, as_of: date,
                    truth: GroundTruth) -> tuple[Ownership, dict[str, int]]:
    """Write `brk_eigendom.csv`: current owners with WOZ value, and some previous owners."""
    today = as_of.toordinal()
    picker = _Owners(rng, town, pop, plan, reg, today)
    evidence = {h.address: h.item["evidence"] for h in plan.hidden if "owner" in h.kinds}
    # A landlord may also co-own the home they live in: the truth lists every dwelling owned.
    landlords = {landlord.owner: landlord for landlord in plan.landlords}
    own = Ownership(woz_sum=array("q", [0]) * len(town.buurt_codes),
                    woz_count=array("l", [0]) * len(town.buurt_codes))
    seen = persons = 0
    with TableWriter(folder, "brk_eigendom.csv", BRK_COLUMNS) as out:
        for a in town.dwellings():
            owners, start, let = picker.owners(a)
            woz = picker.woz(a)
            vbo = town.vbo_key(a)
            own.woz_sum[town.buurt[a]] += woz
            own.woz_count[town.buurt[a]] += 1
            if rng.random() < 0.12:  # the previous owner, until the current one bought it
                begin = start - rng.randint(2 * YEAR, 30 * YEAR)
                if begin >= date(town.bouwjaar[a], 1, 1).toordinal():
                    previous = f"bsn:{pop.bsn_text(pop.random_adult(rng, today, 40, 95, False))}"
                    persons += _row(out, vbo, previous, "1/1", begin, start, None)
            share = "1/1" if len(owners) == 1 else "1/2"
            for owner in owners:
                n = out.write(_cells(vbo, owner, share if rng.random() > 0.03 else None, start,
                                     None, woz))
                persons += owner.startswith("bsn:")
                if a in evidence and owner.startswith("bsn:"):
                    evidence[a].append(out.record(n, "person"))
                if owner in landlords and a not in landlords[owner].addresses:
                    landlords[owner].item["addresses"].append(town.key(a))
            if let and owners[0] != f"kvk:{reg.student_housing}":
                seen += 1  # reservoir sampling keeps an unbiased, bounded list
                if len(own.lettings) < _LETTINGS_KEPT:
                    own.lettings.append((a, owners[0]))
                elif (k := rng.randrange(seen)) < _LETTINGS_KEPT:
                    own.lettings[k] = (a, owners[0])
        counts = {"brk_rows": out.rows, "brk_rows_person_owner": persons,
                  "brk_rows_company_owner": out.rows - persons}
    return own, counts


def _cells(vbo: str, owner: str, share: str | None, start: int, end: int | None,
           woz: int | None) -> tuple[str, str | None, str | None, str | None, str, str | None,
                                     int | None]:
    """One BRK row; the owner key decides which of the two owner columns is filled."""
    kind, number = owner.split(":")
    return (vbo, number if kind == "bsn" else None, number if kind == "kvk" else None, share,
            iso(start), iso(end) if end else None, woz)


def _row(out: TableWriter, vbo: str, owner: str, share: str, start: int, end: int,
         woz: int | None) -> int:
    """Write a closed ownership row; returns 1 when the owner is a person (for the counts)."""
    out.write(_cells(vbo, owner, share, start, end, woz))
    return int(owner.startswith("bsn:"))


def build_utilities(folder: Path, rng: random.Random, town: Town, pop: Population,
                    as_of: date, truth: GroundTruth) -> dict[str, int]:
    """Write `verbruik.csv`: two years of electricity, gas and water for every dwelling."""
    years = (as_of.year - 2, as_of.year - 1)
    with TableWriter(folder, "verbruik.csv", UTILITY_COLUMNS) as out:
        for a in town.dwellings():
            people = pop.residents[a]
            grow = town.role.get(a) == "cannabis"
            since = years[0] if rng.random() < 0.7 else years[1]  # some plantations are new
            readings = {}
            for year in years:
                if grow and year >= since:
                    kwh = rng.randint(25_000, 60_000)  # grow lamps: 3-10x a household
                elif people:
                    kwh = round((1400 + 650 * min(people, 6) + 250 * max(0, people - 6))
                                * rng.lognormvariate(0, 0.18))
                else:
                    kwh = rng.randint(150, 700)  # standby use of an empty dwelling
                readings[str(year)] = kwh
                out.write((town.key(a), year, kwh, _gas(rng, town, a, people),
                           None if rng.random() < 0.01 else _water(rng, people)))
            if grow:
                truth.pattern("cannabis", {"address": town.key(a), "kwh": readings})
        return {"utility_rows": out.rows}


def _gas(rng: random.Random, town: Town, a: int, people: int) -> int | None:
    """Gas m³ from floor area and build year; new builds have no gas connection (0)."""
    if rng.random() < 0.015:
        return None  # meter reading missing: unknown, not zero
    year = town.bouwjaar[a]
    per_m2 = 15 if year < 1930 else 13 if year < 1965 else 10 if year < 1990 else 7.5 \
        if year < 2010 else 5 if year < 2018 else 0
    use = town.area[a] * per_m2 * rng.uniform(0.75, 1.25) * (1.0 if people else 0.3)
    return round(min(use, 6000))


def _water(rng: random.Random, people: int) -> int:
    """Water m³: about 45 per person per year."""
    return round((10 + 45 * people) * rng.uniform(0.8, 1.2)) if people else rng.randint(1, 6)
