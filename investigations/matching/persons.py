"""Person matching: record persons (KvK officers, persons named in signals) against the BRP and
each other, by Dutch name parts, birth date and the addresses around them.

Blocking keeps the cost near-linear: a pair is compared only when it shares a blocking key that
joins two facts (birth date with an initial, surname and initial with the birth year or day, an
address; see `block_keys`), and a key shared by more than `MAX_BLOCK` persons is skipped as too
common to discriminate.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from rapidfuzz.distance import OSA, JaroWinkler

from investigations.matching import fs
from investigations.matching.names import Name, prefix_family

# Judgement thresholds on the match probability. Precision first: a wrong join accuses an
# innocent person, so only near-certain pairs are accepted without a person looking at them.
ACCEPT = 0.95
REVIEW = 0.50
MAX_BLOCK = 500
TWIN_LEVELS = (5, 6)  # given names: only the first initial agrees, or different
U_SAMPLES = 100_000
# P(a record person is some BRP person) divided over the BRP: most persons named by KvK or a
# signal in a municipality live there; the rest are strangers.
RECORD_IN_BRP = 0.7


@dataclass(frozen=True)
class PersonRecord:
    """One person as a source knows them."""

    key: str  # bsn:... or person:...
    registry: str  # brp, kvk, melding
    name: Name
    birth: date | None
    addresses: frozenset[str] = frozenset()  # BRP: registered; records: addresses in context

    @property
    def reference(self) -> bool:
        return self.key.startswith("bsn:")


def _written_joined(a: Name, b: Name) -> bool:
    """One side has no voorvoegsel and writes the other's into its surname (`Vandijk`)."""
    return bool(a.prefix) != bool(b.prefix) and a.joined == b.joined


def _surname(a: PersonRecord, b: PersonRecord) -> int:
    x, y = a.name.surname, b.name.surname
    if not x or not y:
        return fs.NULL
    if x == y or _written_joined(a.name, b.name):
        return 0
    # A typo in a surname whose voorvoegsel one side wrote into it (`Vandyjk`, `van Dijk`).
    pairs = [(x, y), (a.name.joined, b.name.joined)] if bool(a.name.prefix) != bool(
        b.name.prefix) else [(x, y)]
    if any(OSA.distance(p, q) <= 1 or JaroWinkler.similarity(p, q) >= 0.94 for p, q in pairs):
        return 1
    if JaroWinkler.similarity(x, y) >= 0.88:
        return 2
    return 3


def _given(a: PersonRecord, b: PersonRecord) -> int:
    x, y = a.name.given, b.name.given
    if not x or not y:
        return fs.NULL
    if x == y:
        return 0
    if sorted(x) == sorted(y):
        return 1
    full = not a.name.initials_only and not b.name.initials_only
    if full and x[0] == y[0] and (set(x) <= set(y) or set(y) <= set(x)):
        return 2
    if not full:
        ix, iy = a.name.initials, b.name.initials
        if ix.startswith(iy) or iy.startswith(ix):
            return 3
    if full and JaroWinkler.similarity(x[0], y[0]) >= 0.9:
        return 4
    if x[0][0] == y[0][0]:
        return 5
    return 6


def _prefix(a: PersonRecord, b: PersonRecord) -> int:
    x, y = a.name.prefix, b.name.prefix
    if x == y:
        return 0
    if x and y and prefix_family(x) == prefix_family(y):
        return 1
    if _written_joined(a.name, b.name):
        return 1
    if not x or not y:
        return 2
    return 3


def _birth(a: PersonRecord, b: PersonRecord) -> int:
    x, y = a.birth, b.birth
    if x is None or y is None:
        return fs.NULL
    if x == y:
        return 0
    sx, sy = x.strftime("%Y%m%d"), y.strftime("%Y%m%d")
    if OSA.distance(sx, sy) <= 1 or (x.year == y.year and x.month == y.day and x.day == y.month):
        return 1
    if abs(x.year - y.year) <= 1:
        return 2
    return 3


def _address(a: PersonRecord, b: PersonRecord) -> int:
    if not a.addresses or not b.addresses:
        return fs.NULL
    return 0 if a.addresses & b.addresses else 1


# m priors: how often each level occurs for a true pair, from how KvK and intake staff write
# names (mostly as in the BRP; initials, abbreviated voorvoegsels and typos now and then). u priors
# are typical for a Dutch municipality; the data refine them (see fs.Model.estimate_u).
COMPARISONS: tuple[fs.Comparison[PersonRecord], ...] = (
    fs.Comparison("surname", (
        fs.Level("exact", 0.88, 0.002, tf=True), fs.Level("one typo", 0.08, 0.003),
        fs.Level("similar", 0.03, 0.01), fs.Level("different", 0.01, 0.985)),
        _surname, lambda r: r.name.surname),
    fs.Comparison("given names", (
        fs.Level("exact", 0.70, 0.002, tf=True), fs.Level("swapped", 0.04, 0.0001),
        fs.Level("first names agree, one lists fewer", 0.08, 0.001),
        fs.Level("initials agree", 0.09, 0.01), fs.Level("first name similar", 0.04, 0.005),
        fs.Level("same first initial", 0.03, 0.07), fs.Level("different", 0.02, 0.91)),
        _given, lambda r: r.name.given_text),
    fs.Comparison("voorvoegsel", (
        fs.Level("exact", 0.93, 0.6), fs.Level("abbreviated or joined to the surname", 0.04, 0.01),
        fs.Level("one side only", 0.02, 0.3), fs.Level("different", 0.01, 0.09)), _prefix),
    fs.Comparison("birth date", (
        # Both dates given and far apart: almost never one person, whatever the name says.
        fs.Level("exact", 0.925, 0.0001), fs.Level("one digit off or swapped", 0.06, 0.001),
        fs.Level("within a year", 0.01, 0.05), fs.Level("different", 0.005, 0.95)), _birth),
    fs.Comparison("address", (
        fs.Level("shared", 0.5, 0.001), fs.Level("none shared", 0.5, 0.999)), _address),
)


def block_keys(record: PersonRecord) -> Iterator[str]:
    """The blocking keys of a record: a pair is compared when it shares one.

    Each key joins two facts, so a block holds a handful of persons however large the town
    (which keeps the pairs near-linear in the persons), and each variant a source writes leaves
    at least one key intact: a typo or swap in the birth date keeps the name keys, a typo in the
    surname keeps the date with the first initial, a voorvoegsel written into the surname
    (`Vandijk`) meets the joined form. Keys starting with `n|` hold only name parts: they serve
    records without a birth date (see `candidate_pairs`).
    """
    name = record.name
    birth = record.birth
    surnames = {name.surname, name.joined} if name.surname else set()
    first = name.given[0][0] if name.given else ""
    if birth is not None:
        day = birth.isoformat()
        # The digits of a date in sorted order survive any transposition typo.
        digits = "".join(sorted(birth.strftime("%Y%m%d")))
        for surname in surnames:
            yield f"bs|{day}|{surname[0]}"
            if first:
                yield f"bd|{first}|{surname[0]}|{digits}"
                # One typo in the date changes its year or its day and month, not both.
                yield f"sy|{surname}|{first}|{birth.year}"
                yield f"sd|{surname}|{first}|{birth.strftime('%m%d')}"
        if first:
            yield f"bg|{day}|{first}"
    for surname in surnames:
        if first:
            yield f"n|si|{surname}|{first}"
        if name.given and len(name.given[0]) > 1:
            yield f"n|gs|{name.given[0]}|{surname[0]}"
    for address in record.addresses:
        yield f"a|{address}"


def candidate_pairs(records: list[PersonRecord], reference: list[PersonRecord],
                    dirty: set[str] | None = None) -> set[tuple[str, str]]:
    """Pairs (record, reference person) and (record, record) sharing a blocking key.

    Only keys some record has are kept, so the BRP side costs a pass, not memory per person.
    A name-only key (`n|`) pairs records with each other, and with the BRP only for a record
    without a birth date: with a date, the dated keys find its BRP person, and a common name
    would otherwise pair it with hundreds. With `dirty`, only pairs with at least one side in it
    (incremental matching after a load).
    """
    recs: dict[str, list[PersonRecord]] = defaultdict(list)
    for record in records:
        for key in block_keys(record):
            recs[key].append(record)
    refs: dict[str, list[str]] = defaultdict(list)
    for person in reference:
        for key in block_keys(person):
            if key in recs:
                refs[key].append(person.key)
    pairs: set[tuple[str, str]] = set()
    for key, members in recs.items():
        found = refs.get(key, [])
        if len(found) > MAX_BLOCK or len(members) > MAX_BLOCK:
            continue
        name_only = key.startswith("n|")
        for r in members:
            if found and not (name_only and r.birth is not None):
                pairs.update((r.key, p) for p in found)
            pairs.update((r.key, s.key) for s in members if r.key < s.key)
    if dirty is not None:
        pairs = {p for p in pairs if p[0] in dirty or p[1] in dirty}
    return pairs


@dataclass(frozen=True)
class Scored:
    """One compared pair: record key, other key, probability and the reasons."""

    left: str
    right: str
    score: float
    reasons: tuple[str, ...]

    @property
    def judgement(self) -> str:
        return "positive" if self.score >= ACCEPT else "unsure"


def build_model(records: list[PersonRecord], reference: list[PersonRecord]) -> fs.Model[PersonRecord]:
    """The person model with u from random record-reference pairs and term frequencies of the BRP."""
    prior = RECORD_IN_BRP / max(len(reference), 1)
    model: fs.Model[PersonRecord] = fs.Model(COMPARISONS, prior=min(prior, 0.5))
    model.count_terms(reference or records)
    model.estimate_u(fs.random_pairs(records, reference or records, U_SAMPLES))
    return model


def score_pairs(model: fs.Model[PersonRecord], pairs: Iterable[tuple[str, str]],
                by_key: dict[str, PersonRecord]) -> list[Scored]:
    """Score candidate pairs; keep those at or above the review threshold."""
    out = []
    for left, right in pairs:
        a, b = by_key[left], by_key[right]
        vector = model.vector(a, b)
        # Term frequencies come from the reference side: how common is this name in the BRP.
        probability = model.probability(vector, b)
        if vector[1] in TWIN_LEVELS and vector[3] == 0:
            # Same surname and birth date, other given names: twins look exactly like this, so
            # such a pair is at most unsure, whatever the other evidence adds up to.
            probability = min(probability, ACCEPT - 0.01)
        if probability >= REVIEW:
            out.append(Scored(left, right, probability, tuple(model.explain(vector, b))))
    return out
