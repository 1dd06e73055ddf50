"""Deconfliction: when a second team starts watching the same address, person or company, both
teams are told, so two interventions do not cross. The message names the other team and nothing
else it holds (not its notes, not its list's name)."""

from __future__ import annotations

from collections.abc import Iterable

from investigations.collab.entities import Entity
from investigations.collab.inbox import NewNotification
from investigations.collab.out import new_id


def other_teams(new_team: str | None, watching: Iterable[str | None]) -> list[str]:
    """Teams already watching that differ from the new watcher's; empty when the new watcher has
    no team or its team watched already (it was told then)."""
    teams = {t for t in watching if t}
    if not new_team or new_team in teams:
        return []
    return sorted(teams)


def messages(entity: Entity, new_team: str, others: list[str]) -> list[NewNotification]:
    """One notification to the new team naming the others, one to each other team naming it."""
    what = entity.words()
    rows = [_row(entity, new_team, f"Let op: {what} wordt ook gevolgd door "
                                   f"{_names(others)}. Stem af voordat u optreedt.")]
    rows += [_row(entity, team, f"Let op: team {new_team} volgt nu ook {what}. "
                                "Stem af voordat u optreedt.") for team in others]
    return rows


def _names(teams: list[str]) -> str:
    named = [f"team {t}" for t in teams]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " en " + named[-1]


def _row(entity: Entity, team: str, message: str) -> NewNotification:
    return {"id": new_id("dec"), "toUser": None, "toTeam": team, "kind": "deconfliction",
            "message": message, "key": entity.key, "factKey": None, "factSource": None,
            "factLoadId": None}
