"""Alerts and their triage: the team's alerts with the evidence of each hit, dismissed with a
reason or opened as a case. Alerts come before any assessment, so persons in them are always
shown by their pseudonym, whatever the reader's role."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

from graph.db import Graph, Row
from investigations.access.scope import Scope
from investigations.cases import changes
from investigations.cases.casefiles import get_case, team_row
from investigations.collab.entities import from_row
from investigations.collab.out import check_text, shown
from investigations.errors import BadParameter, Conflict

STATUSES = ("new", "dismissed", "case")
ALERTS_MAX = 500
REASON_MAX = 1000


def alerts(graph: Graph, scope: Scope, status: str | None = "new", limit: int = 100) -> list[Row]:
    """The user's and their team's alerts, newest first (needs a purpose; pseudonymised; logged)."""
    scope.require("view")
    scope.require_purpose("Triaging alerts")
    if status is not None and status not in STATUSES:
        raise BadParameter("status", f"een van: {', '.join(STATUSES)}")
    if not 1 <= limit <= ALERTS_MAX:
        raise BadParameter("limit", f"tussen 1 en {ALERTS_MAX}")
    rows = graph.read("cases/alerts", user=scope.user, team=scope.team, all=scope.operator,
                      status=status, alertId=None, limit=limit)
    return shown(graph, _triage(scope), [alert(r) for r in rows], "alerts", None,
                 {"status": status}, always=True)


def dismiss(graph: Graph, scope: Scope, alert_id: str, reason: str) -> Row:
    """Close a new alert without a case; the reason is required and kept."""
    row = _new(graph, scope, alert_id)
    check_text("reason", reason)
    if len(reason) > REASON_MAX:
        raise BadParameter("reason", f"hoogstens {REASON_MAX} tekens")
    graph.write("cases/alert_decide", alertId=row["id"], status="dismissed", by=scope.user,
                at=datetime.now(UTC), reason=reason, caseFileId=None)
    return _one(graph, scope, alert_id)


def open_case(graph: Graph, scope: Scope, alert_id: str, title: str | None = None) -> Row:
    """Open a new alert as a case of the user's team, tied to the hit's entities."""
    row = _new(graph, scope, alert_id)
    entities = [from_row(e) for e in row["entities"]
                if e["source"] is None or scope.sees(scope.sources.info(e["source"], e["loadId"]))]
    case_id = changes.create(graph, scope, title or str(row["title"]), entities, row["id"])
    graph.write("cases/alert_decide", alertId=row["id"], status="case", by=scope.user,
                at=datetime.now(UTC), reason=None, caseFileId=case_id)
    return get_case(graph, scope, case_id)


def alert(row: Row) -> Row:
    # No `kind`: the evidence is masked by what it holds (nodes by their kind), not dropped whole.
    return {"id": row["id"], "title": row["title"], "status": row["status"],
            "owner": row["owner"], "team": row["team"], "createdAt": row["createdAt"],
            "evidence": json.loads(row["evidence"]) if row["evidence"] else None,
            "entities": [from_row(e).node() for e in row["entities"]],
            "decidedBy": row["decidedBy"], "decidedAt": row["decidedAt"],
            "reason": row["reason"], "caseId": row["caseFileId"]}


def _triage(scope: Scope) -> Scope:
    return replace(scope, identities=False, reidentified=False)


def _row(graph: Graph, scope: Scope, alert_id: str) -> Row:
    scope.require_purpose("Triaging an alert")
    return team_row(graph, scope, "cases/alerts", f"alert {alert_id} not found", status=None,
                    alertId=alert_id)


def _new(graph: Graph, scope: Scope, alert_id: str) -> Row:
    row = _row(graph, scope, alert_id)
    if row["status"] != "new":
        raise Conflict(f"alert {alert_id} is al beoordeeld ({row['status']})")
    return row


def _one(graph: Graph, scope: Scope, alert_id: str) -> Row:
    shown_rows = shown(graph, _triage(scope), [alert(_row(graph, scope, alert_id))], "alert",
                       alert_id, always=True)
    found: Row = shown_rows[0]
    return found
