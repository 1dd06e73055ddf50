"""How suspect a network is: its own structure, the facts about its members, and their flags.

A network step runs before the scoring step (order 90), so the members' scores do not exist yet;
the network is scored from what is there: the flags the indicators (order 20) wrote in this run,
plus facts and structure of its own. Structure catches what a cooperation network looks like on
paper (companies that live less than a year, members rotating through their roles, risk branches,
many companies per person); the facts are Bibob findings, refused permits, signals of
ondermijning and cases with a violation about members. A family, a business centre or a group of
long-standing companies has none of these and scores near zero, however dense it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# SBI codes the RIEC's ondermijning reports name as risk branches: barbers and beauty, car
# repair and car wash, window cleaning, restaurants and cafés, other shops, property letting,
# mini-supermarkets, fitness. A branch alone is no evidence (see the weights below).
RISK_BRANCHES = ("9602", "4520", "8122", "5610", "5630", "4778", "6820", "4719", "9313")
SIGNAL_CATEGORIES = ("ondermijning", "drugs", "hennep", "uitbuiting", "prostitutie")
# Roles rotate in companies younger than this (lived, or so far live, under three years): a
# family or partners running long-standing companies together hold many roles, but no rotation.
YOUNG_DAYS = 3 * 365
SUSPECT = 0.5  # from this score on a network is suspect and its members get a `network` flag

MIN_COMPANIES = 3  # structure needs this many companies to be a pattern rather than a story
# Structure: how much each feature (0..1) adds; they sum to 1.
STRUCTURE = {"shortLived": 0.4, "rotation": 0.3, "companiesPerPerson": 0.15, "riskBranch": 0.15}
# Facts (Bibob findings and refused permits, cases, signals) per person, and member flags per
# member: both are shares, so a large community with a few flagged members stays low.
FACTS = 0.7  # weight of the facts-per-person share
FLAG_GATE = 0.3  # structure from which evidence counts in full; without structure, half


@dataclass
class Facts:
    """What the `networks/facts` query returns for one network, and its member counts."""

    persons: int
    companies: int
    addresses: int
    shortLived: int = 0
    riskBranch: int = 0
    rotating: int = 0
    maxRoles: int = 0
    permits: list[str] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)


def structure(f: Facts) -> dict[str, float]:
    """Each structure feature in 0..1; all zero for a network of fewer than MIN_COMPANIES
    companies or two persons: a couple whose cafetaria closed after a month before they opened a
    hair salon has a short-lived company in a risk branch, and no pattern."""
    if f.companies < MIN_COMPANIES or f.persons < 2:
        return dict.fromkeys(STRUCTURE, 0.0)
    return {
        "shortLived": f.shortLived / f.companies,
        "rotation": f.rotating / f.persons,
        # One company per person is ordinary; two or more per person is a shell factory.
        "companiesPerPerson": min(1.0, max(0.0, f.companies / f.persons - 1.0)),
        "riskBranch": f.riskBranch / f.companies,
    }


def _noisy_or(strengths: list[float]) -> float:
    out = 1.0
    for s in strengths:
        out *= 1.0 - min(1.0, max(0.0, s))
    return 1.0 - out


def evidence(f: Facts) -> float:
    """Facts per person and mean flag strength per member, combined as a noisy-or."""
    facts = min(1.0, (len(f.permits) + len(f.cases) + len(f.signals)) / max(1, f.persons))
    strongest: dict[str, float] = {}
    for x in f.flags:
        strongest[x["key"]] = max(strongest.get(x["key"], 0.0), float(x.get("strength") or 0.0))
    members = max(1, f.persons + f.companies + f.addresses)
    return _noisy_or([FACTS * facts, min(1.0, sum(strongest.values()) / members)])


def score(f: Facts) -> tuple[float, dict[str, float]]:
    """The network's score in 0..1 and the features behind it.

    Structure and evidence each count for up to 0.7 and combine as a noisy-or. Evidence counts in
    full only for a network that also looks like one (structure >= FLAG_GATE), and half without:
    flagged members alone (a landlord's flagged dwellings, a family with signals) are the
    indicators' findings, not a cooperation network, and must not pass the SUSPECT line twice.
    """
    parts = structure(f)
    shape = sum(STRUCTURE[k] * v for k, v in parts.items())
    gate = 0.5 + 0.5 * min(1.0, shape / FLAG_GATE)
    proof = evidence(f)
    total = _noisy_or([0.7 * shape, 0.7 * proof * gate])
    return round(total, 4), {"structure": round(shape, 4), "evidence": round(proof, 4),
                             **{k: round(v, 4) for k, v in parts.items()}}


def reason(f: Facts, parts: dict[str, float]) -> str:
    """One Dutch sentence saying what raised the network's score."""
    bits = [f"{f.persons} personen en {f.companies} bedrijven"]
    if f.shortLived:
        bits.append(f"{f.shortLived} bedrijven bestonden korter dan een jaar")
    if f.rotating:
        bits.append(f"{f.rotating} personen wisselen functies tussen jonge of kortlevende "
                    "bedrijven")
    if f.riskBranch:
        bits.append(f"{f.riskBranch} bedrijven in risicobranches")
    if f.permits:
        bits.append(f"{len(f.permits)} vergunningen geweigerd of met Bibob-bevinding")
    if f.signals:
        bits.append(f"{len(f.signals)} meldingen van ondermijning")
    if f.cases:
        bits.append(f"{len(f.cases)} zaken met overtreding of RIEC/Bibob")
    if f.flags:
        bits.append(f"{len({x['key'] for x in f.flags})} leden met signalen uit indicatoren")
    return "Samenwerkingsverband van " + "; ".join(bits) + "."
