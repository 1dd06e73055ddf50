"""What every HTML page shares: the template engine, the Dutch texts, the logged-in user and
the page session's purpose, and CSRF tokens for forms.

Texts live in `templates/texts/<lang>/*.yml` (one file per part of the app) and reach templates
as `t("key")`, so an English translation is one more folder. CSRF: a form carries a token derived (HMAC) from the session cookie;
a POST from a page must send it back (`check_csrf`), so another site cannot post in a user's name
even though SameSite=Lax already keeps most of that out.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

import yaml
from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.security import COOKIE, access, user_scope
from graph.db import GraphUnavailable, QueryFailed
from graph.settings import ROOT
from investigations.access.users import User
from investigations.collab import inbox
from investigations.errors import Forbidden

templates = Jinja2Templates(directory=str(ROOT / "templates"))
LANGUAGE = "nl"
MAX_FORM = 16_384  # a page form (notes included) is never larger


@lru_cache(maxsize=4)
def texts(language: str = LANGUAGE) -> dict[str, str]:
    """The flat key -> text table of one language, merged from its files."""
    table: dict[str, str] = {}
    for path in sorted((ROOT / "templates" / "texts" / language).glob("*.yml")):
        raw = yaml.safe_load(path.read_text("utf-8")) or {}
        table.update({str(k): str(v) for k, v in raw.items()})
    return table


def t(key: str, **values: Any) -> str:
    """The text for `key` (the key itself when missing, so a gap shows instead of breaking)."""
    text = texts().get(key, key)
    return text.format(**values) if values else text


# Public id prefix -> page path: every entity that has a page is linked to it.
PAGES = {"adres": "/adres/", "bsn": "/persoon/bsn:", "person": "/persoon/person:",
         "pseudo": "/persoon/pseudo:", "kvk": "/bedrijf/", "netwerk": "/netwerk/"}


def entity_url(public_id: str | None) -> str | None:
    """The page of an entity by its public id, or None when it has no page of its own."""
    prefix, _, rest = (public_id or "").partition(":")
    return PAGES[prefix] + quote(rest, safe=":") if prefix in PAGES and rest else None


templates.env.globals["t"] = t
templates.env.globals["entity_url"] = entity_url


def csrf_token(request: Request) -> str:
    """The token forms must send back: bound to this session cookie, so it dies with it."""
    cookie = request.cookies.get(COOKIE, "")
    mac = hmac.new(access(request).session_key, f"csrf|{cookie}".encode(), hashlib.sha256)
    return mac.hexdigest()[:32]


def check_csrf(request: Request, form: dict[str, str]) -> None:
    """Refuse a page POST without this session's token. Bearer-token API calls never come here."""
    if not request.cookies.get(COOKIE):
        return  # no session cookie: the caller authenticated otherwise (bearer token)
    if not hmac.compare_digest(form.get("csrf", ""), csrf_token(request)):
        raise Forbidden("het formulier is verlopen of komt niet van Speurnet: laad de pagina "
                        "opnieuw (CSRF token missing or wrong)")


async def read_form(request: Request) -> dict[str, str]:
    """A url-encoded form body (first value of each field), cut at MAX_FORM bytes."""
    body = (await request.body())[:MAX_FORM].decode("utf-8", "replace")
    return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}


async def checked_form(request: Request) -> dict[str, str]:
    """A page form that carries this session's CSRF token (a dependency: the route itself can
    then be a plain function, run in the thread pool, never blocking the event loop)."""
    form = await read_form(request)
    check_csrf(request, form)
    return form


Form = Annotated[dict[str, str], Depends(read_form)]  # the login form: no session yet
PageForm = Annotated[dict[str, str], Depends(checked_form)]


def safe_next(target: str | None) -> str:
    """Only a path on this site (no //host, scheme or backslash): forms never redirect elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def unread(request: Request, user: User) -> int | None:
    """The menu's count of unread messages; None (no count shown) when it cannot be had."""
    try:
        return inbox.unread_count(request.app.state.graph, user_scope(request, user))
    except (GraphUnavailable, QueryFailed):
        return None


def page(request: Request, name: str, context: dict[str, Any] | None = None,
         status_code: int = 200) -> HTMLResponse:
    """Render a page with what the layout needs: user, purpose, CSRF token, current path."""
    user = getattr(request.state, "user", None)
    may = access(request).policy.role(user.role).may if user is not None else frozenset()
    base = {"user": user, "may": may, "purpose": getattr(request.state, "session_purpose", None),
            "csrf": csrf_token(request) if user is not None else "",
            "path": request.url.path, "query": request.url.query,
            "unread": unread(request, user) if user is not None and status_code < 500 else None}
    response: HTMLResponse = templates.TemplateResponse(
        request, name, {**base, **(context or {})}, status_code=status_code)
    return response
