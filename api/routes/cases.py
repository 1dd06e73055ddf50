"""Schedules, alerts and cases: schedule an investigation or indicator, triage its alerts
(dismiss with a reason, or open a case), and work a case: status, owner, notes, entities, the
privacy-protocol assessment and the intervention. Everything needs X-Purpose and is logged."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status

from api.case_schemas import (
    AlertOut,
    AssessmentRequest,
    CaseOut,
    CaseRequest,
    CaseSummary,
    ChangeRequest,
    DismissRequest,
    KeyRequest,
    OpenCaseRequest,
    RunOut,
    ScheduleOut,
    ScheduleRequest,
    TextRequest,
)
from api.deps import GraphDep, ScopeDep
from investigations.cases import alerts, casefiles, changes, schedules
from investigations.collab.entities import resolve

router = APIRouter(prefix="/api", tags=["alerts and cases"])
Id = Annotated[str, Path(max_length=120)]


@router.get("/schedules", response_model=list[ScheduleOut])
def list_schedules(graph: GraphDep, scope: ScopeDep) -> Any:
    """The user's schedules and their team's, with their last run."""
    return schedules.schedules(graph, scope)


@router.post("/schedules", response_model=ScheduleOut, status_code=status.HTTP_201_CREATED)
def schedule(graph: GraphDep, scope: ScopeDep, body: ScheduleRequest) -> Any:
    """Schedule an investigation the user may run, or an indicator, after every load or daily."""
    return schedules.schedule(graph, scope, body.kind, body.target, body.frequency, body.params)


@router.delete("/schedules/{schedule_id}", status_code=status.HTTP_204_NO_CONTENT,
               response_class=Response)
def unschedule(graph: GraphDep, scope: ScopeDep, schedule_id: Id) -> Response:
    schedules.unschedule(graph, scope, schedule_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/schedules/{schedule_id}/run", response_model=RunOut)
def run_now(graph: GraphDep, scope: ScopeDep, schedule_id: Id) -> Any:
    """Run one of the user's schedules now (as its owner); new hits become alerts."""
    return schedules.run_mine(graph, scope, schedule_id, date.today())


@router.get("/alerts", response_model=list[AlertOut])
def list_alerts(graph: GraphDep, scope: ScopeDep,
                status: Annotated[str | None, Query(pattern="^(new|dismissed|case)$")] = "new",
                limit: Annotated[int, Query(ge=1, le=alerts.ALERTS_MAX)] = 100) -> Any:
    """The user's and their team's alerts, newest first; persons as pseudonyms."""
    return alerts.alerts(graph, scope, status, limit)


@router.post("/alerts/{alert_id}/dismiss", response_model=AlertOut)
def dismiss(graph: GraphDep, scope: ScopeDep, alert_id: Id, body: DismissRequest) -> Any:
    """Dismiss a new alert with a reason."""
    return alerts.dismiss(graph, scope, alert_id, body.reason)


@router.post("/alerts/{alert_id}/case", response_model=CaseOut,
             status_code=status.HTTP_201_CREATED)
def open_case(graph: GraphDep, scope: ScopeDep, alert_id: Id, body: OpenCaseRequest) -> Any:
    """Open a new alert as a case of the user's team, tied to the hit's entities."""
    return alerts.open_case(graph, scope, alert_id, body.title)


@router.get("/cases", response_model=list[CaseSummary])
def list_cases(graph: GraphDep, scope: ScopeDep,
               key: Annotated[str | None, Query(max_length=80)] = None) -> Any:
    """The team's cases (optionally those holding one entity), latest change first."""
    real = resolve(graph, scope, key).key if key else None
    return casefiles.list_cases(graph, scope, real)


@router.post("/cases", response_model=CaseOut, status_code=status.HTTP_201_CREATED)
def create_case(graph: GraphDep, scope: ScopeDep, body: CaseRequest) -> Any:
    """Open a case by hand for entities given by public id."""
    return changes.create_by_keys(graph, scope, body.title, body.keys)


@router.get("/cases/{case_id}", response_model=CaseOut)
def get_case(graph: GraphDep, scope: ScopeDep, case_id: Id) -> Any:
    """A case with its full history; persons pseudonymised until its assessment is recorded."""
    return casefiles.get_case(graph, scope, case_id)


@router.patch("/cases/{case_id}", response_model=CaseOut)
def change(graph: GraphDep, scope: ScopeDep, case_id: Id, body: ChangeRequest) -> Any:
    """Change the status (confirmed and dismissed feed the detection feedback loop) or hand the
    case to another member of its team; each change is one history event."""
    if body.owner is not None:
        changes.set_owner(graph, scope, case_id, body.owner)
    return changes.set_status(graph, scope, case_id, body.status) if body.status is not None \
        else casefiles.get_case(graph, scope, case_id)


@router.post("/cases/{case_id}/entities", response_model=CaseOut)
def link(graph: GraphDep, scope: ScopeDep, case_id: Id, body: KeyRequest) -> Any:
    """Tie an entity; when another team's open case holds it, both teams are told."""
    return changes.link(graph, scope, case_id, body.key)


@router.post("/cases/{case_id}/notes", response_model=CaseOut)
def add_note(graph: GraphDep, scope: ScopeDep, case_id: Id, body: TextRequest) -> Any:
    """A note in the case's history (plain text; hidden from readers without identities)."""
    return changes.add_note(graph, scope, case_id, body.text)


@router.post("/cases/{case_id}/assessment", response_model=CaseOut)
def assess(graph: GraphDep, scope: ScopeDep, case_id: Id, body: AssessmentRequest) -> Any:
    """Record the privacy-protocol check (purpose, legal ground, proportionality)."""
    return changes.assess(graph, scope, case_id, body.purpose, body.legalGround,
                          body.proportionality)


@router.delete("/cases/{case_id}/entities/{key}", response_model=CaseOut)
def unlink(graph: GraphDep, scope: ScopeDep, case_id: Id, key: Id) -> Any:
    """Untie an entity; the history keeps that it was tied."""
    return changes.unlink(graph, scope, case_id, key)


@router.post("/cases/{case_id}/intervention", response_model=CaseOut)
def plan(graph: GraphDep, scope: ScopeDep, case_id: Id, body: TextRequest) -> Any:
    """Plan the intervention; 409 until the assessment is recorded."""
    return changes.plan_intervention(graph, scope, case_id, body.text)
