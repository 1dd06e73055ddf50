"""Laying out the town: wijken, buurten, streets and buildings, streamed out as the BAG export."""

from __future__ import annotations

import math
import random
from pathlib import Path

from faker import Faker

from .town import (
    BAG_COLUMNS,
    BIJEENKOMST,
    BOX,
    INDUSTRIE,
    KANTOOR,
    LETTERS,
    LOGIES,
    ONDERWIJS,
    POSTCODE_PAIRS,
    RESIDENTIAL,
    SPORT,
    STATUS,
    TOEVOEGINGEN,
    USES,
    WINKEL,
    WOON,
    WOON_KANTOOR,
    WOON_WINKEL,
    X0,
    Y0,
    ZORG,
    Town,
)
from .vocab import BUURT_STEMS, BUURT_SUFFIXES, CLASSIC_STREETS, POSTCODE_START
from .writers import TableWriter


class _Builder:
    """Lays out streets and buildings buurt by buurt and writes each object as it is made."""

    def __init__(self, town: Town, out: TableWriter, rng: random.Random, faker: Faker,
                 year: int) -> None:
        self.t, self.out, self.rng, self.faker, self.year = town, out, rng, faker, year
        self.regular = 0
        self._used_streets: set[tuple[int, str]] = set()
        self._pc_number = POSTCODE_START - 1
        self._pair = len(POSTCODE_PAIRS)
        self._pand = ""
        self._pand_year = year
        self.b = self.s = self.place = self.n = self.era = 0
        self._seg_left = 0
        self.x = self.y = self.dx = self.dy = 0.0
        self._cell = (0.0, 0.0, 0.0, 0.0)
        self._wijk_code = ""
        self._buurten_in_wijk: dict[str, int] = {}

    # -- addresses, buildings, streets ------------------------------------------------------
    def add(self, use: int, area: int, letter: str = "", toev: str = "",
            role: str | None = None) -> int:
        """Write one verblijfsobject at the current number of the current street and pand."""
        t, rng = self.t, self.rng
        i = len(t)
        x = min(X0 + BOX, max(X0, int(self.x + rng.uniform(-2.0, 2.0))))
        y = min(Y0 + BOX, max(Y0, int(self.y + rng.uniform(-2.0, 2.0))))
        t.street.append(self.s)
        t.number.append(self.n)
        t.letter.append(LETTERS.index(letter) + 1 if letter else 0)
        t.toev.append(TOEVOEGINGEN.index(toev))
        t.postcode.append(len(t.postcodes) - 1)
        t.use.append(use)
        t.area.append(area)
        t.buurt.append(self.b)
        t.bouwjaar.append(self._pand_year)
        if role:
            t.special[role].append(i)
            t.role[i] = role
        elif use in RESIDENTIAL:
            self.regular += 1
        self._seg_left -= 1
        self.out.write((
            t.key(i), t.vbo_key(i), self._pand, t.street_names[self.s], self.n, letter, toev,
            t.postcodes[-1], t.places[self.place], USES[use], area, STATUS, self._pand_year,
            x, y, t.buurt_codes[self.b], t.buurt_names[self.b], self._wijk_code,
            f"GM{t.code}",
        ))
        return i

    def pand(self) -> None:
        """Start a new building a few metres further along the street."""
        rng, t = self.rng, self.t
        if self._seg_left <= 0:
            self._segment()
        t.buildings += 1
        self._pand = f"{t.code}10{t.pand_base + t.buildings:010d}"
        self._pand_year = min(self.year, self.era + rng.randint(-2, 2))
        x0, y0, x1, y1 = self._cell
        self.x += self.dx * rng.uniform(6, 12)
        self.y += self.dy * rng.uniform(6, 12)
        if not (x0 <= self.x <= x1 and y0 <= self.y <= y1):
            self.dx, self.dy = -self.dx, -self.dy  # turn the street back into its buurt
            self.x, self.y = min(max(self.x, x0), x1), min(max(self.y, y0), y1)

    def _segment(self) -> None:
        """A new postcode (4 digits + 2 letters) for the next 10-25 objects of this street."""
        self._pair += 1
        if self._pair >= len(POSTCODE_PAIRS):
            self._pc_number, self._pair = self._pc_number + 1, 0
        self.t.postcodes.append(f"{self._pc_number}{POSTCODE_PAIRS[self._pair]}")
        self._seg_left = self.rng.randint(10, 25)

    def street(self, kind: str) -> None:
        """Open a new street of `kind` (woon, winkel, bedrijf) in the current buurt."""
        rng, t = self.rng, self.t
        name = ""
        for attempt in range(40):
            if attempt < 2 and rng.random() < 0.15:
                name = rng.choice(CLASSIC_STREETS)
            else:
                name = self.faker.street_name()
            if attempt >= 30:  # Faker's name space is finite: qualify the name instead
                name = f"{name} {rng.choice(('Noord', 'Zuid', 'Oost', 'West'))}"
            if (self.place, name) not in self._used_streets:
                break
        else:
            name = f"{name} {len(t.street_names)}"
        self._used_streets.add((self.place, name))
        self.s = len(t.street_names)
        t.street_names.append(name)
        t.street_place.append(self.place)
        if kind == "winkel":
            self.era = rng.randint(1880, 1960)
        elif kind == "bedrijf":
            self.era = rng.randint(1960, min(2020, self.year))
        else:
            self.era = rng.choices((1925, 1960, 1988, 2012), (15, 35, 30, 20))[0]
            self.era = min(self.year, self.era + rng.randint(-15, 12))
        self.n = 1
        self._seg_left = 0
        x0, y0, x1, y1 = self._cell
        self.x, self.y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        angle = rng.choice((0.0, 0.5, 1.0, 1.5)) * math.pi + rng.uniform(-0.2, 0.2)
        self.dx, self.dy = math.cos(angle), math.sin(angle)

    def buurt(self, b: int, wijk: int, name: str, cell: tuple[float, float, float, float],
              place: int) -> None:
        """Enter buurt b: its code, name, map cell and a fresh 4-digit postcode area."""
        t = self.t
        self.b, self.place, self._cell = b, place, cell
        self._wijk_code = t.wijk_codes[wijk]
        number = self._buurten_in_wijk.get(self._wijk_code, 0) + 1
        self._buurten_in_wijk[self._wijk_code] = number
        t.buurt_codes.append(f"BU{self._wijk_code[2:]}{number:02d}")
        t.buurt_names.append(name)
        self._pair = len(POSTCODE_PAIRS)

    # -- building kinds -------------------------------------------------------------------
    def house(self, area: int, role: str | None = None) -> None:
        """A single-family house (row, semi-detached or detached), its own pand."""
        self.pand()
        self.add(WOON, area, role=role)
        if role is None and self.rng.random() < 0.01:
            self.add(WOON, area - 20, toev="BIS")  # a later house squeezed in beside it
        self.n += 1

    def split_house(self, area: int, role: str | None = None) -> None:
        """An upstairs/downstairs pair: 12A/12B or 12-H/12-1."""
        self.pand()
        pairs = (("A", ""), ("B", "")) if self.rng.random() < 0.5 else (("", "H"), ("", "1"))
        for k, (letter, toev) in enumerate(pairs):
            first = k == 0
            self.add(WOON, area if first else self._flat_area(), letter, toev,
                     role if first else None)
        self.n += 1

    def portiek(self, area: int | None = None, role: str | None = None) -> None:
        """A walk-up block: per stairwell one number with a unit per floor (H, 1, 2, 3)."""
        rng = self.rng
        self.pand()
        floors = rng.randint(3, 4)
        for stair in range(rng.randint(1, 3)):
            for floor in range(floors):
                first = stair == 0 and floor == 0
                toev = "H" if floor == 0 else str(floor)
                self.add(WOON, area if first and area else self._flat_area(), toev=toev,
                         role=role if first else None)
            self.n += 1

    def gallery(self, area: int | None = None, role: str | None = None, big: bool = True) -> None:
        """A gallery flat or modern apartment block: consecutive numbers in one pand."""
        self.pand()
        for k in range(self.rng.randint(12, 40) if big else self.rng.randint(6, 20)):
            self.add(WOON, area if k == 0 and area else self._flat_area(),
                     role=role if k == 0 else None)
            self.n += 1

    def shop(self, role: str | None = None) -> None:
        """A shop or horeca unit at street level, often with flats above (12, 12-1, 12-2)."""
        rng = self.rng
        self.pand()
        if role:
            ground = WINKEL
        else:
            ground = rng.choices((WINKEL, BIJEENKOMST, WOON_WINKEL), (70, 15, 15))[0]
        self.add(ground, rng.randint(40, 120) if role else rng.randint(40, 250), role=role)
        if ground != WOON_WINKEL:
            for floor in range(rng.randint(0, 2)):
                self.add(WOON, self._flat_area(), toev=str(floor + 1))
        self.n += 1

    def business(self, role: str | None = None) -> None:
        """An industrial hall, an office building with lettered units, or a business centre."""
        rng = self.rng
        self.pand()
        kind = "centre" if role else rng.choices(("hall", "offices", "office", "home"),
                                                 (45, 40, 10, 5))[0]
        if kind == "hall":
            self.add(INDUSTRIE, rng.randint(300, 6000))
        elif kind == "home":
            self.add(WOON_KANTOOR, rng.randint(90, 180))
        elif kind == "office":
            self.add(KANTOOR, rng.randint(200, 2000))
        else:
            if role:
                self.add(KANTOOR, rng.randint(1000, 4000), role=role)
            units = rng.randint(0, 3) if role else rng.randint(1, 6)
            for k in range(units):
                self.add(KANTOOR, rng.randint(80, 600), letter=LETTERS[k])
        self.n += 1

    def public(self) -> None:
        """A school, sports hall, practice, church or community centre, hotel or corner shop."""
        rng = self.rng
        use = rng.choices((ONDERWIJS, SPORT, ZORG, BIJEENKOMST, KANTOOR, WINKEL, LOGIES),
                          (15, 10, 20, 20, 15, 15, 5))[0]
        lo, hi = {ONDERWIJS: (1500, 5000), SPORT: (800, 3000), ZORG: (150, 600),
                  BIJEENKOMST: (200, 1200), KANTOOR: (80, 300), WINKEL: (60, 200),
                  LOGIES: (400, 3000)}[use]
        self.pand()
        self.add(use, rng.randint(lo, hi))
        self.n += 1

    def student(self) -> None:
        """Licensed student housing: a logies building or a very large converted house."""
        rng = self.rng
        self.pand()
        if rng.random() < 0.5:
            self.add(LOGIES, rng.randint(300, 900), role="student")
        else:
            self.add(WOON, rng.randint(200, 400), role="student")
        self.n += 1

    def dwelling(self) -> None:
        """An ordinary residential building of a type that fits the street's era."""
        rng, era = self.rng, self.era
        if era < 1940:
            kind = rng.choices(("row", "split", "portiek"), (55, 30, 15))[0]
        elif era < 1975:
            kind = rng.choices(("row", "portiek", "gallery"), (45, 35, 20))[0]
        elif era < 2000:
            kind = rng.choices(("row", "detached", "gallery", "apartments"), (60, 15, 15, 10))[0]
        else:
            kind = rng.choices(("row", "detached", "apartments"), (50, 20, 30))[0]
        if kind == "row":
            self.house(rng.randint(70, 110) if era < 1940 else rng.randint(85, 150))
        elif kind == "detached":
            self.house(rng.randint(120, 220))
        elif kind == "split":
            self.split_house(self._flat_area())
        elif kind == "portiek":
            self.portiek()
        else:
            self.gallery(big=kind == "gallery")

    def special(self, role: str) -> None:
        """Build the object that will host a planted pattern or a decoy."""
        rng = self.rng
        if role == "overcrowded":  # a small flat: under 60 m²
            area = rng.randint(26, 58)
            rng.choice((self.portiek, self.gallery))(area=area, role=role)
        elif role == "room_rental":
            self.house(rng.randint(75, 130), role)
        elif role == "letterbox":
            self.split_house(rng.randint(40, 85), role)
        elif role == "cannabis":
            self.house(rng.randint(70, 160), role)
        elif role == "large_family":
            self.house(rng.randint(150, 230), role)
        elif role == "student":
            self.student()
        elif role == "business_centre":
            self.business(role)
        else:
            self.shop(role)

    def _flat_area(self) -> int:
        """Floor area of an ordinary flat: 40-110 m², most around 65."""
        return int(self.rng.triangular(40, 110, 62))


def _buurt_name(rng: random.Random, used: set[str]) -> str:
    """A unique neighbourhood name like `Molenhoek` or `Kerkbuurt Noord`."""
    name = rng.choice(BUURT_STEMS) + rng.choice(BUURT_SUFFIXES)
    for qualifier in ("", " Noord", " Zuid", " Oost", " West", " Centrum", " II", " III"):
        if name + qualifier not in used:
            used.add(name + qualifier)
            return name + qualifier
    name = f"{name} {len(used)}"
    used.add(name)
    return name


def build_town(folder: Path, rng: random.Random, faker: Faker, persons: int, year: int,
               regular_dwellings: int, specials: list[str]) -> Town:
    """Lay out the town and write `bag_verblijfsobjecten.csv`.

    About one buurt per 400 persons, eight buurten per wijk; `regular_dwellings` ordinary homes
    are spread evenly over the buurten and the `specials` objects are placed at random among them.
    """
    town = Town(rng)
    n_buurten = min(99 * 99, max(6, round(persons / 400)))
    n_wijken = min(99, max(3, math.ceil(n_buurten / 8)))
    cols = math.ceil(math.sqrt(n_buurten))
    rows = math.ceil(n_buurten / cols)
    per_buurt: list[list[str]] = [[] for _ in range(n_buurten)]
    for role in specials:
        per_buurt[rng.randrange(n_buurten)].append(role)
    used_names: set[str] = set()
    with TableWriter(folder, "bag_verblijfsobjecten.csv", BAG_COLUMNS) as out:
        b = _Builder(town, out, rng, faker, year)
        for i in range(n_buurten):
            wijk = i * n_wijken // n_buurten
            if wijk == len(town.wijk_codes):
                town.wijk_codes.append(f"WK{town.code}{wijk + 1:02d}")
            # The last wijk is a village, and the one before it too in larger towns.
            place = 1 if wijk == n_wijken - 1 else 2 if wijk == n_wijken - 2 >= 3 else 0
            w, h = BOX / cols, BOX / rows
            cell = (X0 + (i % cols) * w, Y0 + (i // cols) * h,
                    X0 + (i % cols + 1) * w, Y0 + (i // cols + 1) * h)
            b.buurt(i, wijk, _buurt_name(rng, used_names), cell, place)
            _fill_buurt(b, rng, i, round(regular_dwellings * (i + 1) / n_buurten), per_buurt[i])
    return town


def _fill_buurt(b: _Builder, rng: random.Random, i: int, target: int, pending: list[str]) -> None:
    """Build buurt i until the town holds `target` regular dwellings, placing `pending` specials."""
    if i % 8 == 3 or i == 1:  # a business park in some buurten, at least one per town
        b.street("bedrijf")
        for _ in range(rng.randint(6, 16)):
            b.business()
    if i == 0 or rng.random() < 0.5:
        b.street("winkel")
        for _ in range(rng.randint(6, 14)):
            b.shop()
    public = rng.randint(1, 3)
    while b.regular < target or pending or public:
        b.street("woon")
        for _ in range(rng.randint(6, 30)):
            remaining = max(1, (target - b.regular) // 3)
            if pending and rng.random() < len(pending) / remaining:
                b.special(pending.pop())
            elif public and rng.random() < public / remaining:
                b.public()
                public -= 1
            elif b.regular < target:
                b.dwelling()
            elif not (pending or public):
                break
