"""Case files: opened by a team (from an alert or by hand), read by that team only, shown with
their linked entities, the alert they came from, the assessment and the full history.

Persons in a case are shown by their pseudonym until the case's privacy-protocol assessment is
recorded, whatever the reader's role: identities are revealed for a case only after someone
recorded why (purpose), on which legal ground and why it is proportionate.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from graph.db import Graph, Row
from investigations.access.scope import Scope
from investigations.collab.entities import Entity, from_row, resolve
from investigations.collab.out import shown
from investigations.errors import NotFound

STATUSES = ("open", "in_progress", "confirmed", "dismissed")
CLOSED = ("confirmed", "dismissed")
CASES_MAX = 200


def new_case_id() -> str:
    return f"casus-{uuid.uuid4().hex[:16]}"


def event(by: str, what: str, old: Any = None, new: Any = None, text: str | None = None,
          n: int = 0) -> Row:
    """A history row; its id sorts by time, then by its place within one change."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return {"id": f"ev-{stamp}-{n:02d}-{uuid.uuid4().hex[:8]}", "by": by, "what": what,
            "oldValue": None if old is None else str(old),
            "newValue": None if new is None else str(new), "text": text}


def case_row(graph: Graph, scope: Scope, case_id: str) -> Row:
    """The case as stored, when the user's team holds it; NotFound otherwise (whether it exists
    or not, so another team's case cannot be probed)."""
    return team_row(graph, scope, "cases/cases", f"casus {case_id} not found",
                    caseFileId=case_id, key=None)


def team_row(graph: Graph, scope: Scope, statement: str, missing: str, **params: Any) -> Row:
    """One record (case or alert) of the user or their team, by a statement that filters on
    them; NotFound with `missing` otherwise."""
    scope.require("view")
    rows = graph.read(statement, user=scope.user, team=scope.team, all=scope.operator, limit=1,
                      **params)
    if not rows:
        raise NotFound(missing)
    return rows[0]


def case_scope(scope: Scope, row: Row) -> Scope:
    """The reader's scope within this case: pseudonyms until the assessment is recorded."""
    if row.get("assessedAt") is None:
        return replace(scope, identities=False, reidentified=False)
    return scope


def entities_of(row: Row) -> list[Entity]:
    return [from_row(e) for e in row["entities"]]


def get_case(graph: Graph, scope: Scope, case_id: str) -> Row:
    """One case with its history (needs a purpose; masked by the case's scope; logged)."""
    scope.require_purpose("Viewing a case")
    row = case_row(graph, scope, case_id)
    payload = case(row, graph.read("cases/events", caseFileId=case_id))
    inner = case_scope(scope, row)
    return shown(graph, inner, payload, "case", case_id, always=True)


def list_cases(graph: Graph, scope: Scope, key: str | None = None) -> list[Row]:
    """The team's cases, latest change first, without history; each masked by its own scope."""
    scope.require("view")
    scope.require_purpose("Listing cases")
    rows = graph.read("cases/cases", user=scope.user, team=scope.team, all=scope.operator,
                      caseFileId=None, key=key, limit=CASES_MAX)
    listed = [shown(graph, case_scope(scope, r), [summary(r)], "cases")[0] for r in rows]
    return listed


def summary(row: Row) -> Row:
    """What a list of cases shows: no notes, no assessment text, no intervention."""
    return {"id": row["id"], "title": row["title"], "owner": row["owner"], "team": row["team"],
            "status": row["status"], "createdAt": row["createdAt"],
            "updatedAt": row["updatedAt"], "assessed": row["assessedAt"] is not None,
            "entities": [e.node() for e in entities_of(row)]}


def case(row: Row, events: list[Row]) -> Row:
    """A case as its page and the API show it (before masking)."""
    assessed = row["assessedAt"] is not None
    evidence = json.loads(row["alertEvidence"]) if row.get("alertEvidence") else None
    return {
        **summary(row), "closedAt": row["closedAt"],
        "entities": [{**e.node(), "since": r.get("since"), "by": r.get("by")}
                     for e, r in zip(entities_of(row), row["entities"], strict=True)],
        "assessment": {"purpose": row["assessmentPurpose"], "legalGround": row["legalGround"],
                       "proportionality": row["proportionality"], "by": row["assessedBy"],
                       "at": row["assessedAt"]} if assessed else None,
        # kind CaseFile: the plan may name anyone, so a reader without identities loses it.
        "intervention": {"kind": "CaseFile", "intervention": row["intervention"],
                         "by": row["interventionBy"], "at": row["interventionAt"]}
        if row["interventionAt"] is not None else None,
        "alert": {"id": row["alertId"], "title": row["alertTitle"], "evidence": evidence}
        if row.get("alertId") else None,
        "history": [{"kind": "CaseEvent", **e} for e in events],
        "statuses": list(STATUSES),
    }


def cases_for(graph: Graph, scope: Scope, public_id: str) -> list[Row] | None:
    """The team's cases holding one entity, for its page and dossier (no other team's); None
    for a role that may not view cases or a page read without a purpose (a dossier may be)."""
    if not scope.may("view") or not scope.purpose:
        return None
    return list_cases(graph, scope, resolve(graph, scope, public_id).key)
