"""Logging in and out of pages, the page session's purpose, and who am I."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from api.deps import GraphDep, ScopeDep, UserDep
from api.schemas import Me
from api.security import COOKIE, session_data, start_session
from api.web import Form, PageForm, page, safe_next
from investigations.access import audit
from investigations.access.scope import Scope, clean_purpose
from investigations.access.users import login as check_login
from investigations.access.users import logout as end_sessions

public = APIRouter(tags=["auth"])  # reachable without a user: the login form itself
router = APIRouter(tags=["auth"])


@public.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_form(request: Request, next: Annotated[str | None, Query()] = None) -> HTMLResponse:
    return page(request, "login.html", {"next": safe_next(next), "error": None})


@public.post("/login", include_in_schema=False)
def login(request: Request, graph: GraphDep, form: Form) -> Response:
    """Check name and password (form fields), start a page session and go to `next`. A plain
    function: the password hash is slow on purpose and must not hold up the event loop."""
    name, target = form.get("name", "").strip(), safe_next(form.get("next"))
    user = check_login(graph, name, form.get("password", ""))
    gate = request.app.state.access
    who = Scope(name or "?", user.role if user else "-", None, None, None, False, gate.policy,
                gate.sources.get(graph), gate.pseudonyms)
    audit.record(graph, who, "login" if user else "login-failed", name or None)
    if user is None:
        return page(request, "login.html", {"next": target, "error": "Naam of wachtwoord klopt niet."},
                    status_code=401)
    response = RedirectResponse(target, status_code=303)
    start_session(request, response, user, None)
    return response


@router.post("/logout", include_in_schema=False)
def logout(graph: GraphDep, user: UserDep, _: PageForm) -> Response:
    """End every page session of this user."""
    end_sessions(graph, user.name)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.post("/session/purpose", include_in_schema=False)
def session_purpose(request: Request, user: UserDep, form: PageForm) -> Response:
    """State the page session's purpose (doelbinding) once; pages then send it with every view."""
    purpose = clean_purpose(form.get("purpose"))
    response = RedirectResponse(safe_next(form.get("next")), status_code=303)
    data = session_data(request)
    start_session(request, response, user, purpose, issued=data.get("t") if data else None)
    return response


@router.get("/api/me", response_model=Me)
def me(scope: ScopeDep) -> Any:
    """Who is logged in, their role, team and partner, and what this request may see."""
    capabilities = sorted(scope.policy.role(scope.role).may)
    return Me(name=scope.user, role=scope.role, team=scope.team, partner=scope.partner,
              purpose=scope.purpose, identities=scope.identities, may=capabilities)
