"""Municipal records: permits (vergunningen) and enforcement cases (zaken) with their outcomes."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .assets import Ownership
from .companies import Registry
from .ids import iso
from .patterns import Plan
from .people import YEAR, Population
from .town import BIJEENKOMST, WINKEL, Town
from .truth import GroundTruth
from .vocab import CASE_TYPES_ADDRESS, RESULTS
from .writers import TableWriter, mixed

PERMIT_COLUMNS = (
    "vergunning_id", "soort", "status", "datum_besluit", "geldig_van", "geldig_tot",
    "nummeraanduiding_id", "houder_kvk_nummer", "houder_bsn", "bibob",
)
CASE_COLUMNS = (
    "zaak_id", "zaaktype", "status", "datum_start", "datum_einde", "resultaat",
    "nummeraanduiding_id", "bsn", "kvk_nummer",
)


class _Permits:
    """Writes permit rows with consistent dates and exactly one holder each."""

    def __init__(self, out: TableWriter, rng: random.Random, town: Town, today: int) -> None:
        self.out, self.rng, self.town, self.today = out, rng, town, today
        self.by_company = self.by_person = 0

    def write(self, kind: str, a: int, holder: str, applied: int, status: str = "",
              bibob: str = "", until: int | None = None) -> str:
        """Write one permit applied for on `applied`; status and Bibob drawn unless given."""
        rng, today = self.rng, self.today
        status = status or rng.choices(("verleend", "aangevraagd", "geweigerd", "ingetrokken"),
                                       (85, 5, 4, 6))[0]
        if status == "aangevraagd" and until is not None:
            status = "ingetrokken"  # a closed company has no pending application
        bibob = bibob or rng.choices(("geen", "geen ernstig gevaar", ""), (65, 25, 10))[0]
        if status == "aangevraagd":  # no decision yet: the date is that of the application
            decided, start, end = max(applied, today - rng.randint(5, 120)), None, None
            bibob = "aangevraagd" if rng.random() < 0.3 else bibob
        else:
            decided = min(today, applied + rng.randint(20, 150))
            start = decided if status in ("verleend", "ingetrokken") else None
            end = None if start is None or rng.random() < 0.5 else start + 5 * YEAR
            if until is not None and start is not None:
                end = max(start, until)
        number = self.out.rows + 1
        permit = f"VG-{date.fromordinal(decided).year}-{number:06d}"
        kind_of_holder, key = holder.split(":")
        kvk = key if kind_of_holder == "kvk" else None
        bsn = key if kind_of_holder == "bsn" else None
        self.by_company += kvk is not None
        self.by_person += bsn is not None
        self.out.write((permit, kind, status, iso(decided), iso(start) if start else None,
                        iso(end) if end else None, self.town.key(a), kvk, bsn, bibob or None))
        return permit


def build_permits(folder: Path, rng: random.Random, town: Town, pop: Population, plan: Plan,
                  reg: Registry, own: Ownership, as_of: date, truth: GroundTruth,
                  persons: int) -> dict[str, int]:
    """Write `vergunningen.csv`: horeca, window cleaners, room conversion, letting and events."""
    today = as_of.toordinal()
    network = {kvk for net in plan.networks for kvk in net.item["kvks"]}
    with TableWriter(folder, "vergunningen.csv", PERMIT_COLUMNS) as out:
        permits = _Permits(out, rng, town, today)
        for c in range(len(reg)):
            sbi, kvk, a = reg.sbi(c), f"kvk:{reg.kvk[c]}", reg.address[c]
            ended = reg.ended[c] or None
            if sbi in ("5610", "5630") and not town.residential(a):
                if reg.kvk[c] in network:  # Bibob finds the network behind the applicant
                    status, bibob = rng.choice((("geweigerd", "ernstig gevaar"),
                                                ("verleend", "mate van gevaar"),
                                                ("ingetrokken", "ernstig gevaar")))
                    permits.write("exploitatievergunning", a, kvk, reg.founded[c], status, bibob,
                                  ended)
                    continue
                permits.write("exploitatievergunning", a, kvk, reg.founded[c], until=ended)
                if sbi == "5630" or rng.random() < 0.5:
                    permits.write("alcoholvergunning", a, kvk, reg.founded[c], until=ended)
            elif sbi == "8122":
                permits.write("glazenwassersvergunning", a, kvk, reg.founded[c], until=ended)
        for a, item in pop.items.items():
            if town.role.get(a) == "student":
                item["permit"] = permits.write(
                    "omzettingsvergunning", a, f"kvk:{reg.student_housing}",
                    today - rng.randint(YEAR, 10 * YEAR), "verleend", "geen")
        # Lawful letting permits; never at a room-rental or overcrowded address (their absence
        # is the point of those patterns).
        lettings = [(a, owner) for a, owner in own.lettings
                    if town.role.get(a) not in ("room_rental", "overcrowded")]
        for _ in range(min(len(lettings), max(3, persons // 1000))):
            a, owner = lettings[rng.randrange(len(lettings))]
            kind = rng.choice(("omzettingsvergunning", "verhuurvergunning", "splitsingsvergunning"))
            permits.write(kind, a, owner, today - rng.randint(30, 8 * YEAR))
        venues = town.with_use(BIJEENKOMST, WINKEL)
        for _ in range(max(2, persons // 2000) if venues else 0):
            holder = f"bsn:{pop.bsn_text(pop.random_adult(rng, today, 25, 70))}"
            kind = rng.choice(("standplaatsvergunning", "evenementenvergunning"))
            permits.write(kind, rng.choice(venues), holder, today - rng.randint(30, 3 * YEAR))
        return {"permits": out.rows, "permits_held_by_company": permits.by_company,
                "permits_held_by_person": permits.by_person}


@dataclass
class Case:
    """One case: its type, outcome odds and subjects."""

    kind: str
    hit: float  # chance that a closed case found a violation
    address: int = -1
    person: int = -1
    company: str = ""


def build_cases(folder: Path, rng: random.Random, town: Town, pop: Population, plan: Plan,
                reg: Registry, as_of: date, persons: int) -> dict[str, int]:
    """Write `zaken.csv`: inspections at planted and random addresses, Bibob and RIEC cases."""
    today = as_of.toordinal()
    homes = town.dwellings()

    def make() -> list[Case]:
        """A routine case: an inspection at a random dwelling, or a company check."""
        if len(reg) and rng.random() < 0.2:
            c = rng.randrange(len(reg))
            kind = rng.choice(("Bibob-onderzoek", "controle bedrijfspand"))
            address = reg.address[c] if rng.random() < 0.5 else -1
            return [Case(kind, 0.1, address, company=reg.kvk[c])]
        a = homes[rng.randrange(len(homes))]
        person = pop.first[a] if pop.residents[a] and rng.random() < 0.4 else -1
        return [Case(rng.choice(CASE_TYPES_ADDRESS), 0.15, a, person)]

    counts = dict.fromkeys(("case_address_subjects", "case_person_subjects",
                            "case_company_subjects"), 0)
    with TableWriter(folder, "zaken.csv", CASE_COLUMNS) as out:
        for case in mixed(rng, _planted(rng, town, pop, plan, reg), max(20, persons // 60), make):
            start = today - rng.randint(10, 3 * YEAR)
            # RIEC cases run long: most are still open.
            closed = rng.random() < (0.3 if case.kind == "RIEC-casus" else 0.75)
            end = min(today, start + rng.randint(7, 300)) if closed else None
            result = None
            if closed:
                result = "overtreding" if rng.random() < case.hit else rng.choices(
                    RESULTS[1:], (80, 20))[0]
            number = out.rows + 1
            out.write((f"Z-{date.fromordinal(start).year}-{number:06d}", case.kind,
                       "gesloten" if closed else "open", iso(start), iso(end) if end else None,
                       result, town.key(case.address) if case.address >= 0 else None,
                       pop.bsn_text(case.person) if case.person >= 0 else None,
                       case.company or None))
            counts["case_address_subjects"] += case.address >= 0
            counts["case_person_subjects"] += case.person >= 0
            counts["case_company_subjects"] += bool(case.company)
        return {"cases": out.rows, **counts}


def _planted(rng: random.Random, town: Town, pop: Population, plan: Plan,
             reg: Registry) -> list[Case]:
    """Cases about planted patterns (mostly violations) and decoys (inspected, found lawful)."""
    cases: list[Case] = []
    per_role = (("overcrowded", 0.5, "controle overbewoning", 0.75),
                ("room_rental", 0.5, "handhaving kamerverhuur", 0.6),
                ("cannabis", 0.4, "sluiting art. 13b Opiumwet", 0.9),
                ("letterbox", 0.3, "controle woonfraude", 0.6),
                ("student", 0.4, "controle overbewoning", 0.0),
                ("large_family", 0.3, "controle woonfraude", 0.0),
                ("hairdresser", 0.3, "controle bedrijfspand", 0.0))
    for role, share, kind, hit in per_role:
        for a in town.special[role]:
            if rng.random() < share:
                person = pop.first[a] if pop.residents[a] and rng.random() < 0.5 else -1
                cases.append(Case(kind, hit, a, person))
    for net in plan.networks:
        kvks = net.item["kvks"]
        cases.append(Case("RIEC-casus", 0.7, person=rng.choice(net.members),
                          company=rng.choice(kvks) if kvks else ""))
        if kvks and rng.random() < 0.5:
            cases.append(Case("Bibob-onderzoek", 0.8, company=rng.choice(kvks)))
    for hidden in plan.hidden:
        if rng.random() < 0.25:
            cases.append(Case("controle woonfraude", 0.8, hidden.address, hidden.person))
    return cases
