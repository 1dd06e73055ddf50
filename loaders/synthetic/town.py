"""The town as compact per-address arrays, and the BAG vocabulary it is written in."""

from __future__ import annotations

import random
from array import array

from .vocab import GEMEENTECODE, GEMEENTENAAM, VILLAGES

USES = (
    "woonfunctie", "woonfunctie|winkelfunctie", "woonfunctie|kantoorfunctie", "winkelfunctie",
    "kantoorfunctie", "industriefunctie", "bijeenkomstfunctie", "logiesfunctie",
    "onderwijsfunctie", "sportfunctie", "gezondheidszorgfunctie",
)
WOON, WOON_WINKEL, WOON_KANTOOR, WINKEL, KANTOOR, INDUSTRIE, BIJEENKOMST, LOGIES = range(8)
ONDERWIJS, SPORT, ZORG = 8, 9, 10
RESIDENTIAL = (WOON, WOON_WINKEL, WOON_KANTOOR)
TOEVOEGINGEN = ("", "H", "1", "2", "3", "4", "5", "6", "7", "8", "BIS", "I", "II", "III")
ROLES = (
    "overcrowded", "room_rental", "letterbox", "cannabis", "large_family", "student",
    "business_centre", "hairdresser",
)
BAG_COLUMNS = (
    "nummeraanduiding_id", "verblijfsobject_id", "pand_id", "openbare_ruimte", "huisnummer",
    "huisletter", "huisnummertoevoeging", "postcode", "woonplaats", "gebruiksdoel",
    "oppervlakte", "status", "bouwjaar", "x", "y", "buurtcode", "buurtnaam", "wijkcode",
    "gemeentecode",
)
STATUS = "Verblijfsobject in gebruik"
X0, Y0, BOX = 110_000, 490_000, 10_000  # RD New metres: a 10 km square north of Amsterdam
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Letter pairs PostNL never issues because of their connotations.
POSTCODE_PAIRS = tuple(a + b for a in LETTERS for b in LETTERS if a + b not in ("SA", "SD", "SS"))


class Town:
    """Compact per-address arrays of the generated town; index i is the i-th BAG row."""

    def __init__(self, rng: random.Random) -> None:
        self.code = GEMEENTECODE
        self.name = GEMEENTENAAM
        self.places = [GEMEENTENAAM, *VILLAGES]
        self.wijk_codes: list[str] = []
        self.buurt_codes: list[str] = []
        self.buurt_names: list[str] = []
        self.street_names: list[str] = []
        self.street_place = array("b")
        self.postcodes: list[str] = []
        self.street, self.number, self.postcode = array("l"), array("l"), array("l")
        self.letter, self.toev, self.use = array("b"), array("b"), array("b")
        self.area, self.buurt, self.bouwjaar = array("l"), array("l"), array("h")
        # Serials start at random offsets so keys do not all look like ...0000000001.
        self.nra_base = rng.randrange(10**8, 10**9)
        self.vbo_base = rng.randrange(10**8, 10**9)
        self.pand_base = rng.randrange(10**8, 10**9)
        self.buildings = 0
        self.special: dict[str, list[int]] = {role: [] for role in ROLES}
        self.role: dict[int, str] = {}
        self._by_use: dict[tuple[int, ...], list[int]] = {}
        self._lists: dict[str, list[int]] = {}  # built once the layout is complete

    def __len__(self) -> int:
        return len(self.street)

    def key(self, i: int) -> str:
        """The nummeraanduiding id of address i."""
        return f"{self.code}20{self.nra_base + i:010d}"

    def vbo_key(self, i: int) -> str:
        """The verblijfsobject id of address i."""
        return f"{self.code}01{self.vbo_base + i:010d}"

    def residential(self, i: int) -> bool:
        """True when the object has a woonfunctie."""
        return self.use[i] in RESIDENTIAL

    def dwellings(self) -> list[int]:
        """Addresses people live in: every woonfunctie, plus student housing in a logies building."""
        if "dwellings" not in self._lists:
            self._lists["dwellings"] = [i for i, u in enumerate(self.use)
                                        if u in RESIDENTIAL or self.role.get(i) == "student"]
        return self._lists["dwellings"]

    def ordinary_homes(self) -> list[int]:
        """Dwellings that host no planted pattern or decoy."""
        if "ordinary" not in self._lists:
            self._lists["ordinary"] = [i for i in self.dwellings() if i not in self.role]
        return self._lists["ordinary"]

    def with_use(self, *uses: int) -> list[int]:
        """Indices of all addresses with one of `uses` (computed once per combination)."""
        if uses not in self._by_use:
            wanted = set(uses)
            self._by_use[uses] = [i for i, u in enumerate(self.use) if u in wanted]
        return self._by_use[uses]

    def parts(self, i: int) -> tuple[str, int, str, str, str, str]:
        """(street, number, letter, toevoeging, postcode, place) as KvK would hold them."""
        s = self.street[i]
        letter = LETTERS[self.letter[i] - 1] if self.letter[i] else ""
        return (self.street_names[s], self.number[i], letter, TOEVOEGINGEN[self.toev[i]],
                self.postcodes[self.postcode[i]], self.places[self.street_place[s]])

    def text(self, i: int, rng: random.Random) -> str:
        """The address as someone types it in an intake form, e.g. `Kerkstraat 12-2, 1501 AB X`."""
        street, number, letter, toev, pc, place = self.parts(i)
        dash, space = ("-" + toev, " " + toev) if toev else ("", "")
        form = rng.randrange(4)
        if form == 0:
            return f"{street} {number}{letter}{dash}, {pc[:4]} {pc[4:]} {place}"
        if form == 1:
            return f"{street} {number}{letter}{space}, {pc} {place.upper()}"
        if form == 2:
            return f"{street} {number}{letter}{dash} {place}".lower()
        return f"{street} {number}{' ' + letter if letter else ''}{space}, {pc}"

    def hard_text(self, i: int, rng: random.Random) -> str:
        """A harder intake form: abbreviated or misspelled street, floor written as `2hg` or
        `2 hoog`, postcode missing or with its letters swapped, place left out or in capitals."""
        street, number, letter, toev, pc, place = self.parts(i)
        street = _abbreviated(street) if rng.random() < 0.4 else street
        if rng.random() < 0.2:
            street = _typo(street, rng)
        unit = letter
        if toev.isdigit():
            unit += rng.choice((f"-{toev}", f" {toev}hg", f" {toev} hoog", f"-{toev}e"))
        elif toev == "H":
            unit += rng.choice(("-H", " hs", " huis"))
        elif toev:
            unit += rng.choice((f"-{toev}", f" {toev}"))
        roll = rng.random()
        postcode = "" if roll < 0.35 else pc[:4] + pc[5] + pc[4] if roll < 0.5 else pc
        if postcode and rng.random() < 0.5:
            postcode = postcode[:4] + " " + postcode[4:]
        where = "" if rng.random() < 0.3 else place.upper() if rng.random() < 0.3 else place
        tail = f"{postcode} {where}".strip()
        return f"{street} {number}{unit}" + (f", {tail}" if tail else "")


_ABBREVIATIONS = (("Burgemeester ", "Burg. "), ("Sint ", "St. "), ("Van ", "v. "),
                  ("Prins ", "Pr. "), ("Koningin ", "Kon. "), ("Dokter ", "Dr. "))
_ENDINGS = (("straat", "str."), ("laan", "ln"), ("plein", "pl."), ("weg", "wg"), ("singel", "sngl"))


def _abbreviated(street: str) -> str:
    """The street as people shorten it: `Burg. Peelenstr.`; unchanged if nothing shortens."""
    for long, short in _ABBREVIATIONS:
        if street.startswith(long):
            return short + street[len(long):]
    for long, short in _ENDINGS:
        if street.endswith(long) and len(street) > len(long) + 3:
            return street[: -len(long)] + short
    return street


def _typo(street: str, rng: random.Random) -> str:
    """One letter dropped or two neighbours swapped, away from the first two letters."""
    if len(street) < 7:
        return street
    j = rng.randrange(2, len(street) - 2)
    if not (street[j].isalpha() and street[j + 1].isalpha()):
        return street
    if rng.random() < 0.5:
        return street[:j] + street[j + 1:]
    return street[:j] + street[j + 1] + street[j] + street[j + 2:]
