"""Logging in and out of pages, the page session's purpose, and who am I."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from api.deps import GraphDep, ScopeDep, UserDep
from api.schemas import Me
from api.security import COOKIE, access, session_data, start_session
from api.web import Form, PageForm, page, safe_next
from graph.db import Graph
from investigations.access import audit
from investigations.access.scope import Scope, clean_purpose
from investigations.access.users import User
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
    function: the password hash is slow on purpose and must not hold up the event loop. Too many
    failures for a name or from an address and attempts are refused (429) for a while."""
    name, target = form.get("name", "").strip(), safe_next(form.get("next"))
    throttle, address = access(request).logins, request.client.host if request.client else "-"
    if wait := throttle.wait(name, address):
        return _locked(request, target, wait)  # not checked, not audited: the lockout was
    user = check_login(graph, name, form.get("password", ""))
    started = throttle.failed(name, address) if user is None else []
    if user is not None:
        throttle.succeeded(name)
    action = "login" if user else "login-locked" if started else "login-failed"
    _audit(request, graph, name, user, action, {"lockout": started, "address": address}
           if started else None)
    if started:
        return _locked(request, target, throttle.wait(name, address))
    if user is None:
        return page(request, "login.html", {"next": target, "error": "Naam of wachtwoord klopt niet."},
                    status_code=401)
    response = RedirectResponse(target, status_code=303)
    start_session(request, response, user, None)
    return response


def _audit(request: Request, graph: Graph, name: str, user: User | None, action: str,
           params: dict[str, Any] | None) -> None:
    gate = access(request)
    who = Scope(name or "?", user.role if user else "-", None, None, None, False, gate.policy,
                gate.sources.get(graph), gate.pseudonyms)
    audit.record(graph, who, action, name or None, params)


def _locked(request: Request, target: str, wait: float) -> Response:
    """429 with Retry-After: the login page saying so, or JSON for a client that is no browser."""
    minutes = max(1, math.ceil(wait / 60))
    message = (f"Te veel mislukte inlogpogingen. Probeer het over {minutes} "
               f"{'minuut' if minutes == 1 else 'minuten'} opnieuw.")
    headers = {"Retry-After": str(math.ceil(wait))}
    if "text/html" not in request.headers.get("accept", ""):
        return JSONResponse({"detail": f"{message} (too many failed logins: retry after "
                                       f"{headers['Retry-After']} s)"},
                            status_code=429, headers=headers)
    response = page(request, "login.html", {"next": target, "error": message}, status_code=429)
    response.headers.update(headers)
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
