"""Signals (meldingen) from many partners: background noise plus those that planted patterns draw."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .companies import Registry, Stranger
from .ids import iso
from .names import (
    SURNAMES,
    VOORVOEGSEL_SHARE,
    full_name,
    given_names,
    signal_form,
    variant,
    voorvoegsel_variant,
)
from .patterns import VARIED_FROM, Plan
from .people import YEAR, Population
from .town import Town
from .truth import GroundTruth
from .vocab import (
    CATEGORIES,
    CATEGORY_WEIGHTS,
    DESCRIPTIONS,
    RELIABILITY,
    SOURCES_BY_CATEGORY,
    UNTRUSTED_TEXTS,
)
from .writers import TableWriter, mixed

SIGNAL_COLUMNS = (
    "melding_id", "bron", "categorie", "datum", "omschrijving", "nummeraanduiding_id", "adres",
    "betrokkene_naam", "betrokkene_geboortedatum", "betrokkene_kvk_nummer", "betrouwbaarheid",
)


@dataclass
class Signal:
    """One signal to write; the writer fills in source, text and address form."""

    category: str
    day: int
    address: int = -1
    person: int = -1
    stranger: Stranger | None = None
    company: str = ""
    exact: bool = False  # pattern evidence: name and birth date as in the BRP
    variant: bool = False  # the person's name or birth date written differently
    evidence: list[str] | None = None
    residents: int = 0  # for "circa {n} bewoners" texts


class _Writer:
    """Writes signals, choosing address form and name spelling, and records the truth."""

    def __init__(self, out: TableWriter, rng: random.Random, town: Town, pop: Population,
                 as_of: date, truth: GroundTruth) -> None:
        self.out, self.rng, self.town, self.pop, self.truth = out, rng, town, pop, truth
        self.as_of = as_of
        # Harder address and name forms in large towns; the name forms from a generator of
        # their own.
        self.hard = truth.persons >= VARIED_FROM
        self.forms = random.Random(f"{truth.seed}:signals:forms")
        self.voorvoegsel = random.Random(f"{truth.seed}:signals:voorvoegsel")
        self.counts = dict.fromkeys(("signals_with_address_key", "signals_with_address_text",
                                     "signals_with_person", "signals_with_company"), 0)

    def write(self, s: Signal) -> None:
        """Write one signal row."""
        rng, town, counts = self.rng, self.town, self.counts
        number = self.out.rows + 1
        if rng.random() < 0.005:
            text = rng.choice(UNTRUSTED_TEXTS)
        else:
            text = rng.choice(DESCRIPTIONS[s.category]).format(n=s.residents or rng.randint(6, 14))
        key = typed = None
        if s.address >= 0:
            if rng.random() < 0.15:  # the intake system did not link a BAG key
                typed = town.hard_text(s.address, rng) if self.hard and rng.random() < 0.5 \
                    else town.text(s.address, rng)
                self.truth.mentions[self.out.record(number, "address")] = \
                    f"adres:{town.key(s.address)}"
                counts["signals_with_address_text"] += 1
            else:
                key = town.key(s.address)
                counts["signals_with_address_key"] += 1
        name = born = None
        if s.person >= 0 or s.stranger:
            name, born = self._person(s, number)
            counts["signals_with_person"] += 1
        counts["signals_with_company"] += bool(s.company)
        self.out.write((
            f"MLD-{number:07d}", rng.choice(SOURCES_BY_CATEGORY[s.category]), s.category,
            iso(s.day), text, key, typed, name, born, s.company or None,
            rng.choices(RELIABILITY, (25, 40, 20, 15))[0] or None,
        ))

    def _person(self, s: Signal, number: int) -> tuple[str, str | None]:
        """The person as the caller named them: often in full, sometimes garbled, birth optional."""
        record = self.out.record(number, "person")
        if s.stranger:
            given, prefix, surname, day = s.stranger
            self.truth.mentions[record] = None
            return full_name(given, prefix, surname), iso(day) if self.rng.random() < 0.6 else None
        pop, rng = self.pop, self.rng
        given, prefix, surname = pop.parts(s.person)
        birth = date.fromordinal(pop.birth[s.person])
        bsn = pop.bsn_text(s.person)
        self.truth.mentions[record] = f"bsn:{bsn}"
        if s.evidence is not None:
            s.evidence.append(record)
        if s.variant:
            kind, given, prefix, surname, birth = variant(rng, given, prefix, surname, birth,
                                                          self.as_of)
            self.truth.pattern("name_variants", {"record": record, "bsn": bsn, "variant": kind})
            return full_name(given, prefix, surname), birth.isoformat()
        shown = s.exact or rng.random() < 0.75
        if not s.exact and prefix and self.voorvoegsel.random() < VOORVOEGSEL_SHARE:
            form, given, prefix, surname = voorvoegsel_variant(
                self.voorvoegsel, given, prefix, surname, free_text=True)
            self.truth.pattern("name_variants", {"record": record, "bsn": bsn,
                                                 "variant": "voorvoegsel", "form": form})
        elif not s.exact and self.hard and self.forms.random() < 0.25:
            form, text = signal_form(self.forms, given, prefix, surname, pop.sex[s.person] == 1)
            self.truth.pattern("name_variants", {"record": record, "bsn": bsn,
                                                 "variant": "signal_form", "form": form})
            return text, birth.isoformat() if shown else None
        return full_name(given, prefix, surname), birth.isoformat() if shown else None


def build_signals(folder: Path, rng: random.Random, town: Town, pop: Population, plan: Plan,
                  reg: Registry, as_of: date, truth: GroundTruth, persons: int,
                  variants: int) -> dict[str, int]:
    """Write `meldingen.csv`: about one signal per 25 persons plus the patterns' signals.

    `variants` signals name a resident under a garbled name, for the name-variant pattern.
    """
    today = as_of.toordinal()
    planted = _planted(rng, town, pop, plan, today)
    homes = town.dwellings()
    for _ in range(100 * variants):
        if variants == 0:
            break
        a = homes[rng.randrange(len(homes))]
        person = _resident(rng, pop, a)
        if person >= 0:
            category = rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
            planted.append(Signal(category, today - rng.randint(0, 3 * YEAR), a, person,
                                  variant=True))
            variants -= 1
    ordinary = max(30, persons // 25)

    def make() -> list[Signal]:
        """One background signal."""
        return [_ordinary(rng, town, pop, reg, today, homes)]

    with TableWriter(folder, "meldingen.csv", SIGNAL_COLUMNS) as out:
        writer = _Writer(out, rng, town, pop, as_of, truth)
        for signal in mixed(rng, planted, ordinary, make):
            writer.write(signal)
        return {"signals": out.rows, **writer.counts}


def _resident(rng: random.Random, pop: Population, a: int) -> int:
    """A person registered at a (the first or, in a couple, the second), or -1."""
    first = pop.first[a]
    if first < 0 or not pop.residents[a]:
        return -1
    return first + 1 if pop.couple[a] and rng.random() < 0.5 else first


def _stranger(rng: random.Random, today: int) -> Stranger:
    """Someone named in a signal who is not in the BRP."""
    prefix, surname = SURNAMES[rng.randrange(len(SURNAMES))]
    birth = today - rng.randint(18, 70) * YEAR - rng.randrange(YEAR)
    return (given_names(rng, rng.random() < 0.4, date.fromordinal(birth).year), prefix, surname,
            birth)


def _ordinary(rng: random.Random, town: Town, pop: Population, reg: Registry, today: int,
              homes: list[int]) -> Signal:
    """A background signal: mostly nuisance at a random dwelling, sometimes about a company."""
    category = rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
    day = today - rng.randint(0, 3 * YEAR)
    if len(reg) and rng.random() < 0.06:
        c = rng.randrange(len(reg))
        address = reg.address[c] if rng.random() < 0.7 else -1
        return Signal(rng.choice(("ondermijning", "overig", "drugs")), day, address,
                      company=reg.kvk[c])
    a = homes[rng.randrange(len(homes))] if rng.random() < 0.8 else rng.randrange(len(town))
    signal = Signal(category, day, a)
    if rng.random() < 0.25:
        person = _resident(rng, pop, a)
        if person >= 0 and rng.random() < 0.8:
            signal.person = person
        else:
            signal.stranger = _stranger(rng, today)
    return signal


def _planted(rng: random.Random, town: Town, pop: Population, plan: Plan,
             today: int) -> list[Signal]:
    """Signals that belong to the planted patterns and decoys."""
    out: list[Signal] = []

    def recent(days: int) -> int:
        """A day within the last `days` days."""
        return today - rng.randint(0, days)

    for a in town.special["overcrowded"]:
        for _ in range(rng.choices((0, 1, 2, 3), (15, 40, 30, 15))[0]):
            category = rng.choices(("overbewoning", "adresfraude", "woonoverlast"), (5, 3, 2))[0]
            s = Signal(category, recent(400), a, residents=pop.residents[a])
            if rng.random() < 0.3:
                s.person = _resident(rng, pop, a)
            out.append(s)
    for a in town.special["room_rental"]:
        out += [Signal("illegale kamerverhuur", recent(2 * YEAR), a, residents=pop.residents[a])
                for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.3:
            out.append(Signal("woonoverlast", recent(2 * YEAR), a))
    for a in town.special["cannabis"]:
        if rng.random() < 0.5:
            out.append(Signal("hennep", recent(YEAR), a))
        if rng.random() < 0.15:
            out.append(Signal("woonoverlast", recent(YEAR), a))
    for a in town.special["letterbox"]:
        if rng.random() < 0.4:
            out.append(Signal("adresfraude", recent(2 * YEAR), a))
    for net in plan.networks:
        for _ in range(rng.randint(1, 3)):
            s = Signal("ondermijning", recent(2 * YEAR), rng.choice(net.addresses),
                       company=rng.choice(net.item["kvks"]) if net.item["kvks"] else "")
            if rng.random() < 0.5:
                s.person = rng.choice(net.members)
            out.append(s)
    for hidden in plan.hidden:
        if "signal" in hidden.kinds:
            for _ in range(rng.randint(1, 2)):
                category = rng.choice(("adresfraude", "woonoverlast", "overbewoning"))
                out.append(Signal(category, recent(2 * YEAR), hidden.address, hidden.person,
                                  exact=True, evidence=hidden.item["evidence"]))
    for role, share in (("student", 0.5), ("large_family", 0.3)):
        for a in town.special[role]:
            if rng.random() < share:  # loud, but lawful
                out.append(Signal("woonoverlast", recent(2 * YEAR), a))
    return out
