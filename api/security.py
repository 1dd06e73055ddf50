"""Who is asking: bearer tokens (API), signed session cookies (pages), purpose and scope.

Default deny: every router but the public one (`/health`, the login form) is included with the
`authenticated` dependency, so a route added later is closed until someone opens it on purpose.
A session cookie is `base64(json).base64(hmac)` with the user, their session epoch (raised at
logout, which ends every earlier cookie), the time it was issued and the page session's purpose.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Header, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from graph.db import Graph
from investigations.access.policy import Policy, load_policy
from investigations.access.pseudonyms import Pseudonyms, derive, secret
from investigations.access.scope import Scope, clean_purpose
from investigations.access.sources import SourceCache
from investigations.access.throttle import LoginThrottle
from investigations.access.users import User, user_by_name, user_by_token
from investigations.errors import Unauthenticated

COOKIE = "speurnet_session"
SESSION_SECONDS = 8 * 3600  # one working day; then log in again
TOKEN_CACHE_SECONDS = 10.0  # a revoked user's token works at most this long after
bearer = HTTPBearer(auto_error=False, description="An API token from `speurnet token create`.")


@dataclass
class Access:
    """What the app keeps for access control (one per app, on app.state.access)."""

    policy: Policy
    pseudonyms: Pseudonyms
    session_key: bytes
    sources: SourceCache = field(default_factory=SourceCache)
    logins: LoginThrottle = field(default_factory=LoginThrottle)  # failed logins, this process
    _tokens: dict[str, tuple[float, User]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def create(cls, home: Any) -> Access:
        master = secret(home)
        return cls(load_policy(), Pseudonyms(master), derive(master, "session"))

    def token_user(self, graph: Graph, token: str) -> User | None:
        digest = hashlib.sha256(token.encode()).hexdigest()
        hit = self._tokens.get(digest)
        if hit and time.monotonic() < hit[0]:
            return hit[1]
        user = user_by_token(graph, token)
        with self._lock:
            if user is None:
                self._tokens.pop(digest, None)
            else:
                self._tokens[digest] = (time.monotonic() + TOKEN_CACHE_SECONDS, user)
        return user

    def sign(self, data: dict[str, Any]) -> str:
        body = base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode()
        mac = hmac.new(self.session_key, body.encode(), hashlib.sha256).digest()
        return f"{body}.{base64.urlsafe_b64encode(mac).decode()}"

    def unsign(self, cookie: str) -> dict[str, Any] | None:
        body, _, mac = cookie.partition(".")
        good = hmac.new(self.session_key, body.encode(), hashlib.sha256).digest()
        try:
            if not hmac.compare_digest(base64.urlsafe_b64decode(mac), good):
                return None
            data = json.loads(base64.urlsafe_b64decode(body))
        except ValueError:
            return None
        if not isinstance(data, dict) or time.time() - float(data.get("t", 0)) > SESSION_SECONDS:
            return None
        return data


def access(request: Request) -> Access:
    found: Access = request.app.state.access
    return found


def start_session(request: Request, response: Response, user: User, purpose: str | None,
                  issued: float | None = None) -> None:
    """Set the session cookie (HttpOnly, SameSite=Lax, Secure over https)."""
    data = {"u": user.name, "e": user.session_epoch, "t": issued or time.time(), "p": purpose}
    response.set_cookie(COOKIE, access(request).sign(data), max_age=SESSION_SECONDS,
                        httponly=True, samesite="lax", secure=request.url.scheme == "https")


def session_data(request: Request) -> dict[str, Any] | None:
    cookie = request.cookies.get(COOKIE)
    return access(request).unsign(cookie) if cookie else None


def authenticated(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
                  ) -> User:
    """The user behind a bearer token or a session cookie; 401 without one."""
    graph: Graph = request.app.state.graph
    user: User | None = None
    if credentials is not None:
        user = access(request).token_user(graph, credentials.credentials)
        if user is None:
            raise Unauthenticated("the bearer token is not valid")
    elif (data := session_data(request)) is not None:
        found = user_by_name(graph, str(data.get("u")))
        if found is not None and found.session_epoch == data.get("e"):
            user = found
            request.state.session_purpose = data.get("p")
    if user is None:
        raise Unauthenticated("log in first: POST /login (pages) or Authorization: Bearer <token>")
    request.state.user = user
    return user


def request_scope(
    request: Request,
    user: Annotated[User, Depends(authenticated)],
    x_purpose: Annotated[str | None, Header(
        description="Doelbinding: the case number or reason for this request (required for "
                    "person data, investigations that show persons, and exports).")] = None,
    x_reidentify: Annotated[bool, Header(
        description="Ask for identities instead of pseudonyms (roles with identities on "
                    "request; logged).")] = False,
) -> Scope:
    """What this request may see: the user's role and partner, the purpose, identities."""
    gate = access(request)
    purpose = clean_purpose(x_purpose) or clean_purpose(getattr(request.state, "session_purpose", None))
    identities = gate.policy.identities(user.role, purpose, x_reidentify)
    reidentified = identities and gate.policy.role(user.role).identities == "on_request"
    return user_scope(request, user, purpose, identities, reidentified)


def user_scope(request: Request, user: User, purpose: str | None = None,
               identities: bool = False, reidentified: bool = False) -> Scope:
    """A user's scope; without a purpose or identities unless given (what the page layout needs:
    which sources the user may see)."""
    gate = access(request)
    return Scope(user.name, user.role, user.team, user.partner, purpose, identities, gate.policy,
                 gate.sources.get(request.app.state.graph), gate.pseudonyms, reidentified)
