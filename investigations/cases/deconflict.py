"""Deconfliction between cases: when a team ties an entity to its case that an open or running
case of another team holds, both teams are told. The linking team learns only which team to
contact; the other team learns which team linked it. No case id, title or content crosses."""

from __future__ import annotations

import hashlib

from investigations.collab.entities import Entity
from investigations.collab.inbox import NewNotification


def messages(entity: Entity, team: str, others: list[str]) -> list[NewNotification]:
    """One notification to the linking team naming the others, one to each other team."""
    named = " en ".join(f"team {t}" for t in others)
    rows = [_row(entity, team, others, f"Let op: {entity.words()} hoort ook bij een lopende "
                                       f"casus van {named}. Neem contact op met {named} "
                                       "voordat u optreedt.")]
    rows += [_row(entity, other, [team], f"Let op: team {team} heeft {entity.words()} "
                                         "opgenomen in een casus. Stem af voordat u optreedt.")
             for other in others]
    return rows


def _row(entity: Entity, to_team: str, about: list[str], message: str) -> NewNotification:
    # One id per recipient, entity and other teams: linking again tells nobody twice.
    digest = hashlib.sha256(f"{to_team}|{entity.key}|{sorted(about)}".encode()).hexdigest()[:20]
    return {"id": f"casedec-{digest}", "toUser": None, "toTeam": to_team,
            "kind": "deconfliction", "message": message, "key": entity.key, "factKey": None,
            "factSource": None, "factLoadId": None}
