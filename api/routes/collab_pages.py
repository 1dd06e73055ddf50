"""Pages for working together: watch lists, the inbox (deconfliction and news), notes and
inspection outcomes posted from entity pages, and the review of unsure person matches.

Every form posts with the session's CSRF token and goes back (303) to the page it came from.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from api.deps import GraphDep, ScopeDep
from api.web import PageForm, page, safe_next
from investigations.collab import inbox, matches, notes, outcomes, watchlists
from investigations.errors import BadParameter

router = APIRouter(include_in_schema=False)
Id = Annotated[str, Path(max_length=80)]


def _back(form: dict[str, str], fallback: str = "/") -> RedirectResponse:
    return RedirectResponse(safe_next(form.get("next") or fallback), status_code=303)


@router.get("/volglijsten", response_class=HTMLResponse)
def lists(request: Request, graph: GraphDep, scope: ScopeDep) -> HTMLResponse:
    return page(request, "collab/watchlists.html", {"lists": watchlists.lists(graph, scope)})


@router.post("/volglijsten")
def create_list(graph: GraphDep, scope: ScopeDep, form: PageForm) -> RedirectResponse:
    made = watchlists.create_list(graph, scope, form.get("name", ""), form.get("team") == "on")
    if form.get("key"):  # "new list" from an entity page: put the entity on it straight away
        watchlists.add_entry(graph, scope, made["id"], form["key"])
    return _back(form, "/volglijsten")


@router.post("/volglijsten/{list_id}/toevoegen")
def watch(graph: GraphDep, scope: ScopeDep, form: PageForm, list_id: Id) -> RedirectResponse:
    watchlists.add_entry(graph, scope, list_id, form.get("key", ""))
    return _back(form, "/volglijsten")


@router.post("/volglijsten/{list_id}/verwijderen")
def unwatch(graph: GraphDep, scope: ScopeDep, form: PageForm, list_id: Id) -> RedirectResponse:
    watchlists.remove_entry(graph, scope, list_id, form.get("key", ""))
    return _back(form, "/volglijsten")


@router.get("/berichten", response_class=HTMLResponse)
def messages(request: Request, graph: GraphDep, scope: ScopeDep) -> HTMLResponse:
    return page(request, "collab/inbox.html", {"inbox": inbox.inbox(graph, scope)})


@router.post("/berichten/{notification_id}/gelezen")
def mark_read(graph: GraphDep, scope: ScopeDep, form: PageForm,
                    notification_id: Id) -> RedirectResponse:
    inbox.mark_read(graph, scope, notification_id)
    return _back(form, "/berichten")


@router.post("/notities")
def add_note(graph: GraphDep, scope: ScopeDep, form: PageForm) -> RedirectResponse:
    notes.add_note(graph, scope, form.get("key", ""), form.get("text", ""))
    return _back(form)


@router.post("/uitkomsten")
def record_outcome(graph: GraphDep, scope: ScopeDep, form: PageForm) -> RedirectResponse:
    try:
        when = date.fromisoformat(form.get("date", ""))
    except ValueError:
        raise BadParameter("date", "een datum als 2026-11-22") from None
    outcomes.record_outcome(graph, scope, form.get("key", ""), form.get("result", ""), when,
                            form.get("text", ""), form.get("caseId") or None)
    return _back(form)


@router.get("/koppelingen", response_class=HTMLResponse)
def review(request: Request, graph: GraphDep, scope: ScopeDep) -> HTMLResponse:
    return page(request, "collab/matches.html", {"review": matches.unsure(graph, scope)})


@router.post("/koppelingen")
def judge(graph: GraphDep, scope: ScopeDep, form: PageForm) -> RedirectResponse:
    matches.judge(graph, scope, form.get("left", ""), form.get("right", ""),
                  form.get("decision", ""))
    return _back(form, "/koppelingen")
