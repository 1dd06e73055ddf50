"""Companies, establishments and officers, streamed out as the two KvK exports."""

from __future__ import annotations

import random
from array import array
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .ids import CompanyNumbers, iso
from .names import (
    SURNAMES,
    VOORVOEGSEL_SHARE,
    given_names,
    normalised,
    variant,
    voorvoegsel_variant,
)
from .people import YEAR, Population
from .town import BIJEENKOMST, INDUSTRIE, KANTOOR, WINKEL, WOON_WINKEL, Town
from .truth import GroundTruth
from .vocab import BRANCH_INDEX, BRANCHES, NAME_TEMPLATES, NAME_WORDS
from .writers import TableWriter

VESTIGING_COLUMNS = (
    "kvk_nummer", "vestigingsnummer", "handelsnaam", "rechtsvorm", "sbi_code", "sbi_omschrijving",
    "datum_oprichting", "datum_opheffing", "straat", "huisnummer", "huisletter",
    "huisnummertoevoeging", "postcode", "plaats", "nummeraanduiding_id",
)
OFFICER_COLUMNS = (
    "kvk_nummer", "functie", "voornamen", "voorvoegsel", "geslachtsnaam", "geboortedatum",
    "functionaris_kvk_nummer", "datum_aanvang", "datum_einde",
)
_PLACES = {
    "shop": (WINKEL, WOON_WINKEL), "horeca": (BIJEENKOMST, WINKEL), "office": (KANTOOR,),
    "industry": (INDUSTRIE, KANTOOR), "home": (KANTOOR, WINKEL),
}
Stranger = tuple[str, str, str, int]  # given names, voorvoegsel, surname, birth ordinal


def distinct(officers: list[Officer]) -> list[Officer]:
    """Drop a repeat of the same BRP person in the same role from the same day: KvK lists an
    officer once per role, and the random second officer can draw the owner's partner twice."""
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for officer in officers:
        key = (officer.role, officer.start, officer.person)
        if officer.person >= 0 and key in seen:
            continue
        seen.add(key)
        kept.append(officer)
    return kept


@dataclass
class Officer:
    """One officer row: a BRP person (index), a person unknown to the BRP, or a company."""

    role: str
    start: int
    end: int | None = None
    person: int = -1
    stranger: Stranger | None = None
    company: str = ""
    exact: bool = False  # evidence rows are never written as spelling variants
    evidence: list[str] | None = None  # ground-truth list that receives this row's reference


@dataclass
class Spec:
    """A company to write: its establishment(s) and officers."""

    kvk: str
    name: str
    form: str
    sbi: str
    founded: int
    ended: int | None
    address: int
    officers: list[Officer] = field(default_factory=list)
    branches: list[int] = field(default_factory=list)


class Registry:
    """Compact record of the companies written, for the permit, signal, case and BRK phases."""

    def __init__(self) -> None:
        self.kvk: list[str] = []
        self.branch = bytearray()  # index into BRANCHES
        self.address, self.founded = array("l"), array("l")
        self.ended = array("l")  # 0 while active
        self.corporations: list[str] = []  # housing corporations (KvK numbers)
        self.student_housing = ""
        self.landlords: list[str] = []  # letting BVs of ordinary private landlords

    def __len__(self) -> int:
        return len(self.kvk)

    def sbi(self, c: int) -> str:
        """SBI code of company c."""
        return BRANCHES[self.branch[c]].code


class CompanyWriter:
    """Writes specs to `kvk_vestigingen.csv` and `kvk_functionarissen.csv`, tracking counts."""

    def __init__(self, folder: Path, rng: random.Random, town: Town, pop: Population,
                 numbers: CompanyNumbers, as_of: date, truth: GroundTruth, variants: int,
                 expected_rows: int) -> None:
        self.rng, self.town, self.pop, self.truth = rng, town, pop, truth
        self.numbers = numbers
        self.as_of, self.today = as_of, as_of.toordinal()
        self.registry = Registry()
        self.vestigingen = TableWriter(folder, "kvk_vestigingen.csv", VESTIGING_COLUMNS)
        self.officers = TableWriter(folder, "kvk_functionarissen.csv", OFFICER_COLUMNS)
        self.variants_left = variants
        # Draw variants a bit more often than needed so the quota fills before the file ends.
        self.variant_share = min(0.5, 1.6 * variants / max(1, expected_rows))
        self.voorvoegsel = random.Random(f"{truth.seed}:kvk:voorvoegsel")
        self.without_key = self.person_rows = self.company_rows = 0
        self.officer_persons: set[tuple[str, str]] = set()

    def write(self, spec: Spec) -> None:
        """Write one company: one row per establishment, one row per officer."""
        rng, town, reg = self.rng, self.town, self.registry
        for address in (spec.address, *spec.branches):
            street, number, letter, toev, postcode, place = town.parts(address)
            # About one in five rows lacks the BAG key: the loader must match it by address.
            key = town.key(address) if rng.random() >= 0.2 else None
            # A few single-establishment rows lack the (optional) vestigingsnummer.
            vestiging = None if not spec.branches and rng.random() < 0.02 else \
                self.numbers.vestiging()
            n = self.vestigingen.write((
                spec.kvk, vestiging, spec.name, spec.form, spec.sbi,
                BRANCHES[BRANCH_INDEX[spec.sbi]].description, iso(spec.founded),
                iso(spec.ended) if spec.ended else None, street, number, letter, toev, postcode,
                place, key,
            ))
            if key is None:
                self.without_key += 1
                self.truth.mentions[self.vestigingen.record(n, "address")] = \
                    f"adres:{town.key(address)}"
        for officer in spec.officers:
            self._officer(spec.kvk, officer)
        reg.kvk.append(spec.kvk)
        reg.branch.append(BRANCH_INDEX[spec.sbi])
        reg.address.append(spec.address)
        reg.founded.append(spec.founded)
        reg.ended.append(spec.ended or 0)

    def _officer(self, kvk: str, o: Officer) -> None:
        """Write one officer row, sometimes with the person's name spelled differently."""
        end = iso(o.end) if o.end else None
        if o.company:
            self.officers.write((kvk, o.role, None, None, None, None, o.company, iso(o.start), end))
            self.company_rows += 1
            return
        kind, form, bsn = "", "", ""
        if o.person >= 0:
            pop = self.pop
            given, prefix, surname = pop.parts(o.person)
            birth = pop.birth[o.person]
            bsn = pop.bsn_text(o.person)
            if not o.exact and self.variants_left > 0 and self.rng.random() < self.variant_share:
                kind, given, prefix, surname, born = variant(
                    self.rng, given, prefix, surname, date.fromordinal(birth), self.as_of)
                birth = born.toordinal()
            elif not o.exact and prefix and self.voorvoegsel.random() < VOORVOEGSEL_SHARE:
                kind = "voorvoegsel"
                form, given, prefix, surname = voorvoegsel_variant(
                    self.voorvoegsel, given, prefix, surname, free_text=False)
        else:
            assert o.stranger is not None
            given, prefix, surname, birth = o.stranger
        n = self.officers.write((kvk, o.role, given, prefix, surname, iso(birth), None,
                                 iso(o.start), end))
        self.person_rows += 1
        self.officer_persons.add((normalised(given, prefix, surname), iso(birth)))
        record = self.officers.record(n, "person")
        self.truth.mentions[record] = f"bsn:{bsn}" if bsn else None
        if form:
            self.truth.pattern("name_variants", {"record": record, "bsn": bsn, "variant": kind,
                                                 "form": form})
        elif kind:
            self.variants_left -= 1
            self.truth.pattern("name_variants", {"record": record, "bsn": bsn, "variant": kind})
        if o.evidence is not None:
            o.evidence.append(record)

    def close(self) -> dict[str, int]:
        """Close both files and return their counts for the ground truth."""
        self.vestigingen.close()
        self.officers.close()
        return {
            "companies": len(self.registry), "establishment_rows": self.vestigingen.rows,
            "kvk_rows_without_address_key": self.without_key, "officer_rows": self.officers.rows,
            "officer_rows_person": self.person_rows, "officer_rows_company": self.company_rows,
            "officer_persons": len(self.officer_persons),
        }


class Maker:
    """Draws ordinary companies: branch, legal form, address, dates, names and officers."""

    def __init__(self, rng: random.Random, town: Town, pop: Population, numbers: CompanyNumbers,
                 today: int, reserved: set[int]) -> None:
        self.rng, self.town, self.pop, self.numbers = rng, town, pop, numbers
        self.today, self.reserved = today, reserved
        self.weights = [b.weight for b in BRANCHES]
        self.holdings: list[tuple[str, int]] = []  # (kvk, founded) of holdings to reuse

    def stranger(self, lo: int = 22, hi: int = 70) -> Stranger:
        """A person who lives outside the town and so is not in this BRP export."""
        rng = self.rng
        female = rng.random() < 0.4
        birth = self.today - rng.randint(lo, hi) * YEAR - rng.randrange(YEAR)
        prefix, surname = SURNAMES[rng.randrange(len(SURNAMES))]
        return given_names(rng, female, date.fromordinal(birth).year), prefix, surname, birth

    def person_officer(self, role: str, start: int, end: int | None, p: int) -> Officer:
        """An officer row for BRP person p, starting no earlier than their 18th birthday."""
        start = max(start, self.pop.birth[p] + 18 * YEAR)
        return Officer(role, start if end is None else min(start, end), end, person=p)

    def stranger_officer(self, role: str, start: int, end: int | None, lo: int = 22,
                         hi: int = 70) -> Officer:
        """An officer row for someone outside the BRP, of age when the role started."""
        years_ago = 0 if end is None else (self.today - end) // YEAR
        person = self.stranger(lo + years_ago, hi + years_ago)
        begin = max(start, person[3] + 18 * YEAR)
        return Officer(role, begin if end is None else min(begin, end), end, stranger=person)

    def adult(self, end: int | None, lo: int = 23, hi: int = 75) -> int:
        """A random BRP adult who was already of age when a role ending at `end` ended."""
        years_ago = 0 if end is None else (self.today - end) // YEAR
        return self.pop.random_adult(self.rng, self.today, lo + years_ago, hi + years_ago)

    def address(self, place: str) -> int:
        """A non-residential address suiting `place`, avoiding addresses planted for patterns."""
        rng = self.rng
        pool = self.town.with_use(*_PLACES.get(place, (KANTOOR,))) or self.town.with_use(KANTOOR)
        a = pool[rng.randrange(len(pool))]
        for _ in range(10):
            if a not in self.reserved:
                break
            a = pool[rng.randrange(len(pool))]
        return a

    def name(self, sbi: str, form: str, p: int) -> str:
        """A trade name from the branch's templates, with the legal form's usual suffix."""
        rng = self.rng
        given, prefix, surname = self.pop.parts(p) if p >= 0 else self.stranger()[:3]
        text = rng.choice(NAME_TEMPLATES[sbi]).format(
            S=f"{prefix} {surname}".strip(), F=given.split()[0], W=rng.choice(NAME_WORDS),
            T=self.town.name)
        text = text[0].upper() + text[1:]
        if form == "BV" and rng.random() < 0.8:
            return f"{text} B.V."
        if form == "VOF" and rng.random() < 0.3:
            return f"{text} V.O.F."
        return text

    def dates(self, short: bool = False, span: int = 10) -> tuple[int, int | None]:
        """(founded, ended): mostly long-lived; `short` ones end within a year."""
        rng, today = self.rng, self.today
        if short:
            founded = today - rng.randint(60, 4 * YEAR)
            ended = founded + rng.randint(45, 330)
            return founded, ended if ended < today else None
        founded = today - min(70 * YEAR, 60 + int(rng.expovariate(1 / (span * YEAR))))
        if rng.random() < 0.15:  # closed companies: the register keeps them, mostly recent ones
            return founded, max(founded + 30, today - rng.randint(0, 15 * YEAR))
        return founded, None

    def form(self, sbi: str, place: str) -> str:
        """Legal form typical for the branch and where it sits."""
        choose = self.rng.choices
        if sbi == "9499":
            return "Stichting"
        if sbi == "9312":
            return "Vereniging"
        if place == "home":
            return choose(("Eenmanszaak", "BV", "VOF"), (80, 15, 5))[0]
        if place in ("shop", "horeca"):
            return choose(("Eenmanszaak", "VOF", "BV"), (45, 20, 35))[0]
        return choose(("BV", "Eenmanszaak", "VOF", "NV", "Stichting"), (65, 20, 10, 2, 3))[0]

    def ordinary(self) -> list[Spec]:
        """One ordinary company (and, sometimes first, the holding that directs it)."""
        rng, pop = self.rng, self.pop
        branch = rng.choices(BRANCHES, self.weights)[0]
        form = self.form(branch.code, branch.place)
        founded, ended = self.dates()
        owner = self.adult(ended)
        at_home = branch.place == "home" and (form != "BV" or rng.random() < 0.3)
        address = pop.home[owner] if at_home else self.address(branch.place)
        spec = Spec(self.numbers.kvk(), self.name(branch.code, form, owner), form, branch.code,
                    founded, ended, address)
        role = {"Eenmanszaak": "eigenaar", "VOF": "vennoot"}.get(form, "bestuurder")
        spec.officers.append(self.person_officer(role, founded, ended, owner))
        extra = {"Eenmanszaak": 0, "VOF": rng.randint(1, 2), "BV": int(rng.random() < 0.4),
                 "NV": 2, "Stichting": 2, "Vereniging": 2}[form]
        for _ in range(extra):
            spec.officers.append(self._another(role, founded, ended, owner))
        if form == "NV":
            for _ in range(2):
                spec.officers.append(self.stranger_officer("commissaris", founded, ended, 40, 75))
        if rng.random() < 0.08:
            spec.officers.append(self._another("gevolmachtigde", founded, ended, owner))
        if form in ("BV", "NV") and not at_home and rng.random() < 0.08:
            second = self.address(branch.place)
            if second != address:
                spec.branches.append(second)  # a second establishment
        specs = [spec]
        if form == "BV" and rng.random() < 0.3:
            if self.holdings and rng.random() < 0.4:
                holding, since = self.holdings[rng.randrange(len(self.holdings))]
            else:
                parent = self.holding(owner, founded)
                holding, since = parent.kvk, parent.founded
                specs.insert(0, parent)
            start = max(founded, since)
            if ended is None or start <= ended:
                role = rng.choice(("bestuurder", "aandeelhouder"))
                spec.officers.append(Officer(role, start, ended, company=holding))
        spec.officers = distinct(spec.officers)
        return specs

    def holding(self, owner: int, before: int) -> Spec:
        """A personal holding BV of `owner`, founded before the company it will direct."""
        rng = self.rng
        founded = before - rng.randint(0, 5 * YEAR)
        at_home = rng.random() < 0.6
        address = self.pop.home[owner] if at_home else self.address("office")
        spec = Spec(self.numbers.kvk(), self.name("6420", "BV", owner), "BV", "6420", founded,
                    None, address)
        spec.officers.append(self.person_officer("bestuurder", founded, None, owner))
        self.holdings.append((spec.kvk, founded))
        return spec

    def _another(self, role: str, start: int, end: int | None, owner: int) -> Officer:
        """A second officer: the owner's partner when there is one, else someone else."""
        rng, pop = self.rng, self.pop
        home = pop.home[owner]
        if home >= 0 and pop.couple[home] and rng.random() < 0.6:
            partner = pop.first[home] + 1 if pop.first[home] == owner else pop.first[home]
            if partner != owner and not pop.special[partner]:
                return self.person_officer(role, start, end, partner)
        if rng.random() < 0.12:
            return self.stranger_officer(role, start, end)
        return self.person_officer(role, start, end, self.adult(end))

