"""Every change to a case, each written with its history event (who, what, old -> new, when):
status, owner, notes, linked entities (with deconfliction), the privacy-protocol assessment,
and the planned intervention, which is refused until the assessment is recorded."""

from __future__ import annotations

from datetime import UTC, datetime

from graph.db import Graph, Row
from investigations.access.scope import Scope
from investigations.access.users import user_by_name
from investigations.cases import deconflict
from investigations.cases.casefiles import (
    STATUSES,
    case_row,
    entities_of,
    event,
    get_case,
    new_case_id,
)
from investigations.collab.entities import Entity, resolve
from investigations.collab.out import check_text
from investigations.errors import BadParameter, Conflict, NotFound

TITLE_MAX = 200


def create(graph: Graph, scope: Scope, title: str, entities: list[Entity],
           alert_id: str | None = None) -> str:
    """Open a case for the user's team, owned by the user, tied to the entities; returns its id."""
    scope.require("view")
    scope.require_purpose("Opening a case")
    clean = " ".join(title.split())
    if not clean or len(clean) > TITLE_MAX:
        raise BadParameter("title", f"een titel van 1 tot {TITLE_MAX} tekens")
    case_id = new_case_id()
    now = datetime.now(UTC)
    graph.write("cases/case_create", caseFileId=case_id, title=clean, owner=scope.user,
                team=scope.team, partner=scope.partner, at=now, alertId=alert_id, keys=[])
    _events(graph, case_id, [event(scope.user, "created", None, "open",
                                   f"uit {alert_id}" if alert_id else None)], now)
    for entity in entities:
        _link(graph, scope, case_id, entity)
    return case_id


def create_by_keys(graph: Graph, scope: Scope, title: str, keys: list[str]) -> Row:
    """Open a case by hand, for entities named by public id (pseudonyms resolved)."""
    case_id = create(graph, scope, title, [resolve(graph, scope, k) for k in keys])
    return get_case(graph, scope, case_id)


def set_status(graph: Graph, scope: Scope, case_id: str, status: str) -> Row:
    """Move the case on (open, in progress) or close it (confirmed, dismissed)."""
    if status not in STATUSES:
        raise BadParameter("status", f"een van: {', '.join(STATUSES)}")
    return _set(graph, scope, case_row(graph, scope, case_id), "status", status)


def set_owner(graph: Graph, scope: Scope, case_id: str, owner: str) -> Row:
    """Hand the case to another member of its team."""
    row = case_row(graph, scope, case_id)
    user = user_by_name(graph, owner)
    if user is None or user.team != row["team"]:
        raise BadParameter("owner", f"{owner} is geen gebruiker van team {row['team']}")
    return _set(graph, scope, row, "owner", owner)


def _set(graph: Graph, scope: Scope, row: Row, what: str, value: str) -> Row:
    """Change the status or the owner, with its event; the same value again changes nothing."""
    if row[what] != value:
        now = datetime.now(UTC)
        graph.write("cases/case_set", caseFileId=row["id"], at=now,
                    status=value if what == "status" else None,
                    owner=value if what == "owner" else None)
        _events(graph, row["id"], [event(scope.user, what, row[what], value)], now)
    return get_case(graph, scope, row["id"])


def add_note(graph: Graph, scope: Scope, case_id: str, text: str) -> Row:
    case_row(graph, scope, case_id)
    check_text("text", text)
    _events(graph, case_id, [event(scope.user, "note", text=text)], datetime.now(UTC))
    return get_case(graph, scope, case_id)


def link(graph: Graph, scope: Scope, case_id: str, public_id: str) -> Row:
    """Tie an entity to the case; deconfliction when another team's open case holds it."""
    case_row(graph, scope, case_id)
    _link(graph, scope, case_id, resolve(graph, scope, public_id))
    return get_case(graph, scope, case_id)


def unlink(graph: Graph, scope: Scope, case_id: str, public_id: str) -> Row:
    row = case_row(graph, scope, case_id)
    real = resolve(graph, scope, public_id)
    if real.key not in {e.key for e in entities_of(row)}:
        raise NotFound(f"{public_id} hoort niet bij casus {case_id}")
    now = datetime.now(UTC)
    graph.write("cases/case_unlink", caseFileId=case_id, key=real.key)
    _events(graph, case_id, [event(scope.user, "entity", real.public_id, None)], now)
    return get_case(graph, scope, case_id)


def assess(graph: Graph, scope: Scope, case_id: str, purpose: str, legal_ground: str,
           proportionality: str) -> Row:
    """Record the privacy-protocol check; from then on the case shows identities to the roles
    that see them."""
    row = case_row(graph, scope, case_id)
    values = {"purpose": purpose, "legalGround": legal_ground, "proportionality": proportionality}
    for name, value in values.items():
        check_text(name, value)
    now = datetime.now(UTC)
    graph.write("cases/case_assess", caseFileId=case_id, purpose=purpose,
                legalGround=legal_ground, proportionality=proportionality, by=scope.user, at=now)
    old = {"purpose": row["assessmentPurpose"], "legalGround": row["legalGround"],
           "proportionality": row["proportionality"]}
    _events(graph, case_id, [event(scope.user, f"assessment.{name}", old[name], value, n=i)
                             for i, (name, value) in enumerate(values.items())], now)
    return get_case(graph, scope, case_id)


def plan_intervention(graph: Graph, scope: Scope, case_id: str, plan: str) -> Row:
    """Record the planned intervention; refused (409) before the assessment is recorded."""
    row = case_row(graph, scope, case_id)
    if row["assessedAt"] is None:
        raise Conflict("leg eerst de toets aan het privacyprotocol vast (doel, grondslag, "
                       "proportionaliteit) voordat u een interventie plant")
    check_text("plan", plan)
    now = datetime.now(UTC)
    graph.write("cases/case_intervention", caseFileId=case_id, plan=plan, by=scope.user, at=now)
    _events(graph, case_id, [event(scope.user, "intervention", text=plan)], now)
    return get_case(graph, scope, case_id)


def _link(graph: Graph, scope: Scope, case_id: str, entity: Entity) -> None:
    now = datetime.now(UTC)
    found = graph.write("cases/case_link", caseFileId=case_id, key=entity.key, by=scope.user,
                        at=now)
    if not found or not found[0]["added"]:
        return
    _events(graph, case_id, [event(scope.user, "entity", None, entity.public_id)], now)
    others = found[0]["otherTeams"]
    if others and scope.team:
        graph.write("collab/notification_write", at=now,
                    rows=deconflict.messages(entity, scope.team, sorted(others)))


def _events(graph: Graph, case_id: str, rows: list[Row], at: datetime) -> None:
    graph.write("cases/event_write", caseFileId=case_id, rows=rows, at=at)
