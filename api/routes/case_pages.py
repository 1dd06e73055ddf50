"""Pages for alerts and cases: the alerts to triage with the schedules behind them, the team's
cases, and one case with its entities, assessment, intervention and history.

Every form posts with the session's CSRF token and goes back (303) to the page it came from.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from api.deps import GraphDep, ScopeDep
from api.web import PageForm, page
from investigations.cases import alerts, casefiles, changes, schedules
from investigations.errors import BadParameter
from investigations.indicators.catalogue import INDICATORS
from investigations.runner import run

router = APIRouter(include_in_schema=False)
Id = Annotated[str, Path(max_length=120)]


def _case(case_id: str) -> RedirectResponse:
    return RedirectResponse(f"/casussen/{case_id}", status_code=303)


@router.get("/signaleringen", response_class=HTMLResponse)
def alerts_page(request: Request, graph: GraphDep, scope: ScopeDep,
                status: str = "new") -> HTMLResponse:
    found = alerts.alerts(graph, scope, status if status in alerts.STATUSES else "new")
    targets = [("investigation", i.name, i.title) for i in run.listing(graph, scope)]
    targets += [("indicator", i.name, i.title) for i in INDICATORS]
    return page(request, "cases/alerts.html", {
        "alerts": found, "status": status, "statuses": alerts.STATUSES,
        "schedules": schedules.schedules(graph, scope), "targets": targets,
        "frequencies": schedules.FREQUENCIES})


@router.post("/signaleringen/planning")
def schedule(graph: GraphDep, scope: ScopeDep, form: PageForm) -> RedirectResponse:
    kind, _, target = form.get("target", "").partition(":")
    schedules.schedule(graph, scope, kind, target, form.get("frequency", ""))
    return RedirectResponse("/signaleringen", status_code=303)


@router.post("/signaleringen/planning/{schedule_id}/uitvoeren")
def run_now(graph: GraphDep, scope: ScopeDep, form: PageForm,
            schedule_id: Id) -> RedirectResponse:
    """Run one of the user's or their team's schedules now, as its owner."""
    schedules.run_mine(graph, scope, schedule_id, date.today())
    return RedirectResponse("/signaleringen", status_code=303)


@router.post("/signaleringen/planning/{schedule_id}/stoppen")
def unschedule(graph: GraphDep, scope: ScopeDep, form: PageForm,
               schedule_id: Id) -> RedirectResponse:
    """Stop one of the user's own schedules (its alerts stay)."""
    schedules.unschedule(graph, scope, schedule_id)
    return RedirectResponse("/signaleringen", status_code=303)


@router.post("/signaleringen/{alert_id}/afwijzen")
def dismiss(graph: GraphDep, scope: ScopeDep, form: PageForm, alert_id: Id) -> RedirectResponse:
    alerts.dismiss(graph, scope, alert_id, form.get("reason", ""))
    return RedirectResponse("/signaleringen", status_code=303)


@router.post("/signaleringen/{alert_id}/casus")
def open_case(graph: GraphDep, scope: ScopeDep, form: PageForm, alert_id: Id) -> RedirectResponse:
    opened = alerts.open_case(graph, scope, alert_id, form.get("title") or None)
    return _case(opened["id"])


@router.get("/casussen", response_class=HTMLResponse)
def cases_page(request: Request, graph: GraphDep, scope: ScopeDep) -> HTMLResponse:
    return page(request, "cases/list.html", {"cases": casefiles.list_cases(graph, scope)})


@router.get("/casussen/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, graph: GraphDep, scope: ScopeDep, case_id: Id) -> HTMLResponse:
    return page(request, "cases/case.html", {"case": casefiles.get_case(graph, scope, case_id)})


@router.post("/casussen/{case_id}/{change}")
def change(graph: GraphDep, scope: ScopeDep, form: PageForm, case_id: Id,
           change: str) -> RedirectResponse:
    """One form per change of a case (status, owner, note, entity, assessment, intervention)."""
    if change == "status":
        changes.set_status(graph, scope, case_id, form.get("status", ""))
    elif change == "eigenaar":
        changes.set_owner(graph, scope, case_id, form.get("owner", ""))
    elif change == "notitie":
        changes.add_note(graph, scope, case_id, form.get("text", ""))
    elif change == "koppelen":
        changes.link(graph, scope, case_id, form.get("key", ""))
    elif change == "toets":
        changes.assess(graph, scope, case_id, form.get("purpose", ""),
                       form.get("legalGround", ""), form.get("proportionality", ""))
    elif change == "interventie":
        changes.plan_intervention(graph, scope, case_id, form.get("plan", ""))
    else:
        raise BadParameter("change", f"onbekende wijziging {change!r}")
    return _case(case_id)
