"""Hidden residents: persons who probably live at a dwelling where they are not registered.

Each fact that ties a person to a dwelling is a piece of evidence with its own weight; pieces
combine as a noisy-or (independent hints, none of which alone is proof). The weights say how
often such a fact means "lives here" rather than something lawful:
- a signal naming the person about the address is the classic address-fraud lead (strong);
- running a business from a dwelling one is not registered at is a lead, unless a co-officer
  lives there (the partner's home) or the address holds many companies (a letterbox, which is
  another pattern);
- owning the dwelling is weak: most owners who do not live in a dwelling let it, more so when
  they own several;
- a case about both the person and the address counts by its outcome.
A person no registry knows (seen only in a signal or in KvK) gets half the score: for a BRP person
we know they are registered elsewhere, for an unknown one only that they are not registered here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

SIGNAL = 0.55
HOUSING = ("adresfraude", "overbewoning", "woonoverlast", "illegale kamerverhuur")
RELIABILITY = {"hoog": 1.0, "midden": 0.9, "laag": 0.7}
OFFICER = 0.35
OWNER = 0.2
CASE = {"overtreding": 0.6, "geen overtreding": 0.1}
CASE_OPEN = 0.35
UNKNOWN_PERSON = 0.5  # factor for persons without any BRP registration
RECENT_DAYS = 3 * 365  # older signals count for less: the person may have moved on


@dataclass(frozen=True)
class Piece:
    """One piece of evidence: its weight and its Dutch explanation."""

    weight: float
    reason: str


def piece(item: dict[str, Any], as_of: date) -> Piece | None:
    """Weigh one fact from `links/resident_evidence`."""
    kind = item["kind"]
    if kind == "signal":
        w = SIGNAL * (1.0 if item.get("category") in HOUSING else 0.6)
        w *= RELIABILITY.get(item.get("reliability") or "", 0.85)
        when = item.get("date")
        if isinstance(when, date) and (as_of - when).days > RECENT_DAYS:
            w *= 0.6
        return Piece(w, f"genoemd in melding {item['id']} ({item.get('category')}, {when})")
    if kind == "officer":
        w = OFFICER / max(1, item.get("companiesHere") or 1)
        if item.get("coOfficerLivesHere"):
            w *= 0.3
        if item.get("ended"):
            w *= 0.4
        return Piece(w, f"{item.get('role')} van {item.get('name')} ({item['id']}), "
                        "gevestigd op dit adres")
    if kind == "owner":
        owned = max(1, item.get("owned") or 1)
        return Piece(OWNER / owned, f"eigenaar van deze woning (BRK, {owned} woningen in bezit)")
    if kind == "case":
        w = CASE.get(item.get("result") or "", CASE_OPEN)
        return Piece(w, f"zaak {item['id']} ({item.get('caseType')}) betreft persoon en adres"
                        f"{', ' + item['result'] if item.get('result') else ''}")
    return None


def score(items: list[dict[str, Any]], registry: str | None, registered_at: list[str],
          as_of: date) -> tuple[float, list[str]]:
    """Combined score in 0..1 and the reasons, strongest first."""
    pieces = sorted((p for p in (piece(i, as_of) for i in items) if p), key=lambda p: -p.weight)
    rest = 1.0
    for p in pieces:
        rest *= 1.0 - min(1.0, p.weight)
    total = 1.0 - rest
    reasons = [p.reason for p in pieces]
    if registered_at:
        reasons.append("ingeschreven op " + ", ".join(sorted(registered_at)))
    elif registry != "brp":
        total *= UNKNOWN_PERSON
        reasons.append("niet bekend in de BRP")
    return round(total, 4), reasons
