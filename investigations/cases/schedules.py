"""Schedules: a saved investigation or an indicator run after every load or daily, each run
turning the hits not seen before into alerts for the schedule owner's team.

A run works as its owner: their role, team, partner and the sources they may see, under the
purpose `signalering <schedule>`, audited like a run by hand. `speurnet load` runs the `load`
schedules when it is done; `speurnet alerts run` (cron) runs the `daily` ones, or all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from graph.db import Graph, Row
from investigations.access.policy import Policy
from investigations.access.pseudonyms import Pseudonyms
from investigations.access.scope import Scope
from investigations.access.sources import SourceTable
from investigations.access.users import user_by_name
from investigations.cases.hits import Hit, alert_id, indicator_hits, investigation_hits
from investigations.errors import BadParameter, NotFound, SpeurnetError
from investigations.indicators.catalogue import INDICATORS
from investigations.runner import run

KINDS = ("investigation", "indicator")
FREQUENCIES = ("load", "daily")
EVIDENCE_MAX = 20_000  # characters of one hit's evidence: a row, not a result set


@dataclass(frozen=True)
class Runtime:
    """What a run needs to act as a schedule's owner outside a request."""

    policy: Policy
    sources: SourceTable
    pseudonyms: Pseudonyms


def schedule(graph: Graph, scope: Scope, kind: str, target: str, frequency: str,
             params: dict[str, Any] | None = None) -> Row:
    """Schedule an investigation the user may run, or an indicator, for the user and their team."""
    scope.require("investigate")
    if kind not in KINDS:
        raise BadParameter("kind", f"een van: {', '.join(KINDS)}")
    if frequency not in FREQUENCIES:
        raise BadParameter("frequency", f"een van: {', '.join(FREQUENCIES)}")
    given = params or {}
    if kind == "investigation":
        run.get(graph, scope, target).bind(given)  # may run it, and the parameters fit
    elif not any(i.name == target for i in INDICATORS):
        raise NotFound(f"no indicator {target}")
    elif given:
        raise BadParameter("params", "een indicator heeft geen parameters")
    return graph.write("cases/schedule_write", scheduleId=f"{kind}:{target}:{scope.user}",
                       kind=kind, target=target, params=json.dumps(given, default=str),
                       frequency=frequency, owner=scope.user, team=scope.team,
                       at=datetime.now(UTC))[0]


def schedules(graph: Graph, scope: Scope) -> list[Row]:
    """The user's schedules and their team's."""
    scope.require("investigate")
    return graph.read("cases/schedules", frequency=None, scheduleId=None,
                      user=None if scope.operator else scope.user, team=scope.team)


def unschedule(graph: Graph, scope: Scope, schedule_id: str) -> None:
    scope.require("investigate")
    if not graph.write("cases/schedule_delete", scheduleId=schedule_id,
                       owner=scope.user)[0]["deleted"]:
        raise NotFound(f"no schedule {schedule_id} of yours")


def run_mine(graph: Graph, scope: Scope, schedule_id: str, as_of: date) -> Row:
    """Run one of the user's or their team's schedules now, as its owner."""
    scope.require("investigate")
    found = graph.read("cases/schedules", frequency=None, scheduleId=schedule_id,
                       user=None if scope.operator else scope.user, team=scope.team)
    if not found:
        raise NotFound(f"no schedule {schedule_id}")
    return run_one(graph, Runtime(scope.policy, scope.sources, scope.pseudonyms), found[0], as_of)


def run_due(graph: Graph, runtime: Runtime, frequency: str | None,
            as_of: date | None = None) -> list[Row]:
    """Run every schedule of one frequency (None: all); one line per schedule: hits, new, error."""
    done = []
    for row in graph.read("cases/schedules", frequency=frequency, scheduleId=None, user=None,
                          team=None):
        done.append(run_one(graph, runtime, row, as_of or date.today()))
    return done


def run_one(graph: Graph, runtime: Runtime, row: Row, as_of: date) -> Row:
    """Run one schedule as its owner and write alerts for hits not seen before. A refusal (the
    owner left, lost the right, the query timed out) is recorded on the schedule, not raised."""
    at = datetime.now(UTC)
    error: str | None = None
    hits: list[Hit] = []
    try:
        owner = owner_scope(graph, runtime, row)
        hits = (indicator_hits(graph, row["target"], as_of) if row["kind"] == "indicator"
                else investigation_hits(graph, owner, row["target"], json.loads(row["params"] or "{}")))
    except SpeurnetError as exc:
        error = exc.message
    new = _new_alerts(graph, row, hits, at)
    graph.write("cases/schedule_ran", scheduleId=row["id"], at=at, hits=len(hits), new=new,
                error=error)
    return {"id": row["id"], "hits": len(hits), "new": new, "error": error}


def owner_scope(graph: Graph, runtime: Runtime, row: Row) -> Scope:
    """The scope of the schedule's owner as it stands now (a removed user runs nothing)."""
    user = user_by_name(graph, str(row["owner"]))
    if user is None:
        raise NotFound(f"the owner {row['owner']} of {row['id']} is no longer a user")
    purpose = f"signalering {row['id']}"
    identities = runtime.policy.identities(user.role, purpose, False)
    return Scope(user.name, user.role, user.team, user.partner, purpose, identities,
                 runtime.policy, runtime.sources, runtime.pseudonyms)


def _new_alerts(graph: Graph, row: Row, hits: list[Hit], at: datetime) -> int:
    ids = {alert_id(row["id"], hit.key): hit for hit in hits}
    known = {r["id"] for r in graph.read("cases/alerts_known", ids=list(ids))}
    title = f"{'Indicator' if row['kind'] == 'indicator' else 'Onderzoek'} {row['target']}"
    rows = [{"id": aid, "title": title, "owner": row["owner"], "team": row["team"],
             "evidence": _evidence(hit), "keys": list(hit.keys)}
            for aid, hit in ids.items() if aid not in known]
    if rows:
        graph.write("cases/alert_write", scheduleId=row["id"], rows=rows, at=at)
    return len(rows)


def _evidence(hit: Hit) -> str:
    """The hit's evidence as JSON; one too large to keep names its entities only."""
    text = json.dumps(hit.evidence, ensure_ascii=False, default=str)
    if len(text) <= EVIDENCE_MAX:
        return text
    return json.dumps({"truncated": True, "entities": list(hit.keys)})
