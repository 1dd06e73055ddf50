"""Issue 14's smaller security items against the real Neo4j: admin refused on every collaboration
route, login throttling, security headers, and a password change ending sessions and tokens."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

import api.security
from api.app import create_app
from api.routes import collab, collab_pages
from graph.settings import Settings
from investigations.access import throttle, users
from tests.integration.access_setup import (  # noqa: F401  (the town fixture)
    PASSWORD,
    PURPOSE,
    Town,
    town_fixture,
)

KEY = "adres:0479200000000001"
PATH_VALUES = {"key": KEY, "list_id": "lijst-onbekend", "notification_id": "news-onbekend"}
# Every field any collaboration body or form takes, valid, so validation never answers first.
FIELDS = {"name": "Lijst", "team": False, "key": KEY, "text": "deur open", "result": "overtreding",
          "date": "2026-01-01", "left": "bsn:123456782", "right": "bsn:111222333",
          "decision": "confirm"}
HTML = {"Accept": "text/html,application/xhtml+xml"}
LOCKED = "Te veel mislukte inlogpogingen"


def routes(router: object) -> list[tuple[str, str]]:
    found = [(method, route.path) for route in router.routes  # type: ignore[attr-defined]
             if isinstance(route, APIRoute) for method in sorted(route.methods or ())]
    return [(m, re.sub(r"\{(\w+)\}", lambda g: PATH_VALUES[g.group(1)], p)) for m, p in found]


def test_admin_is_refused_on_every_collaboration_route(town: Town) -> None:
    """The policy gives admin only audit and manage: no watch lists, inbox, notes, outcomes,
    panels or match review, in the API (403 JSON) and on the pages (the 403 page)."""
    api_routes, page_routes = routes(collab.router), routes(collab_pages.router)
    assert len(api_routes) >= 15 and len(page_routes) >= 10
    for method, path in api_routes:
        answer = town.client.request(method, path, headers=town.headers("adam", PURPOSE),
                                     json=FIELDS if method == "POST" else None)
        assert answer.status_code == 403, (method, path, answer.text)
        assert "role admin may not" in answer.json()["detail"], (method, path)
    form = {k: str(v) for k, v in FIELDS.items()}
    for method, path in page_routes:
        answer = town.client.request(method, path, headers={**town.headers("adam"), **HTML},
                                     data=form if method == "POST" else None,
                                     follow_redirects=False)
        assert answer.status_code == 403, (method, path, answer.text[:300])
        assert answer.headers["content-type"].startswith("text/html"), (method, path)
        assert "role admin may not" in answer.text, (method, path)
    # The menu offers admin none of it, and counting unread messages does not fail.
    assert 'href="/volglijsten"' not in answer.text and 'href="/berichten"' not in answer.text
    assert town.get("olga", "/api/watchlists").status_code == 200  # a role that may view


@pytest.fixture()
def fresh(settings: Settings, town: Town) -> Iterator[TestClient]:
    """A client of a new app: its own login throttle, so a lockout here locks nothing else."""
    with TestClient(create_app(settings)) as client:
        yield client


def attempt(client: TestClient, name: str, password: str, accept: str = HTML["Accept"]) -> int:
    answer = client.post("/login", data={"name": name, "password": password},
                         headers={"Accept": accept}, follow_redirects=False)
    return answer.status_code


def test_five_failures_lock_the_name_even_for_the_right_password(town: Town,
                                                                 fresh: TestClient) -> None:
    users.add_user(town.graph, "lotte", "officer", PASSWORD, team="team-gemeente")
    before = len(town.audit())
    assert [attempt(fresh, "lotte", "fout") for _ in range(4)] == [401] * 4
    locked = fresh.post("/login", data={"name": "lotte", "password": "fout"}, headers=HTML)
    assert locked.status_code == 429 and LOCKED in locked.text and "<form" in locked.text
    assert int(locked.headers["retry-after"]) > 800
    right = fresh.post("/login", data={"name": "lotte", "password": PASSWORD}, headers=HTML,
                       follow_redirects=False)
    assert right.status_code == 429 and LOCKED in right.text  # the right password too
    as_json = fresh.post("/login", data={"name": "Lotte", "password": PASSWORD},
                         headers={"Accept": "application/json"})
    assert as_json.status_code == 429 and LOCKED in as_json.json()["detail"]
    for _ in range(10):
        assert attempt(fresh, "lotte", "fout") == 429
    # Four failures and the one that started the lockout; the refused ones are not written.
    entries = [e for e in town.audit()[before:] if e["target"] == "lotte"]
    assert [e["action"] for e in entries] == ["login-failed"] * 4 + ["login-locked"]
    assert attempt(fresh, "olga", PASSWORD) == 303  # another name from the same address


def test_many_failures_from_one_address_lock_it_for_every_name(fresh: TestClient) -> None:
    codes = [attempt(fresh, f"gok{n}", "fout") for n in range(throttle.ADDRESS_FAILURES)]
    assert codes == [401] * (throttle.ADDRESS_FAILURES - 1) + [429]
    assert attempt(fresh, "olga", PASSWORD) == 429


def test_a_good_login_clears_its_names_failures(fresh: TestClient) -> None:
    for _ in range(3):
        assert attempt(fresh, "olga", "fout") == 401
        assert attempt(fresh, "olga", PASSWORD) == 303
    assert attempt(fresh, "olga", "fout") == 401


def test_security_headers_on_pages_api_and_refusals(town: Town) -> None:
    for path, headers in (("/login", HTML), ("/", {**town.headers("olga"), **HTML}),
                          ("/api/me", town.headers("olga")), ("/api/me", {}),
                          ("/health", {})):
        answer = town.client.get(path, headers=headers, follow_redirects=False)
        assert answer.headers["x-frame-options"] == "DENY", path
        assert answer.headers["x-content-type-options"] == "nosniff", path
        assert answer.headers["referrer-policy"] == "no-referrer", path
        assert answer.headers["cache-control"] == "no-store", path
        policy = answer.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "script-src 'self';" in policy, path
    css = town.client.get("/static/app.css")
    assert css.status_code == 200 and "no-store" not in css.headers.get("cache-control", "")
    assert css.headers["x-content-type-options"] == "nosniff"
    docs = town.get("olga", "/docs")
    assert "'sha256-" in docs.headers["content-security-policy"]


def test_a_password_change_ends_sessions_and_deletes_tokens(
        town: Town, env_for: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    # The app caches a token's user for TOKEN_CACHE_SECONDS (documented there); off here, so the
    # test sees what the database says right after the change.
    monkeypatch.setattr(api.security, "TOKEN_CACHE_SECONDS", 0.0)
    users.add_user(town.graph, "pim", "officer", PASSWORD, team="team-gemeente")
    token = users.create_token(town.graph, "pim")
    browser = TestClient(town.client.app)  # its own cookies; no `with`: the app runs already
    assert attempt(browser, "pim", PASSWORD) == 303
    assert browser.get("/api/me").status_code == 200
    bearer = {"Authorization": f"Bearer {token}"}
    assert town.client.get("/api/me", headers=bearer).status_code == 200
    changed = subprocess.run(
        [sys.executable, "-m", "api.cli", "user", "add", "pim", "--role", "officer",
         "--team", "team-gemeente"], input="een-nieuw-wachtwoord\n", env=env_for,
        capture_output=True, text=True, timeout=120, check=False)
    assert changed.returncode == 0, changed.stderr
    assert browser.get("/api/me").status_code == 401  # the old cookie
    assert town.client.get("/api/me", headers=bearer).status_code == 401  # the old token
    assert town.graph.read("access/token_user", tokenHash=users.token_hash(token)) == []
    assert attempt(browser, "pim", "een-nieuw-wachtwoord") == 303
    assert browser.get("/api/me").status_code == 200
    # Updating the user without a new password keeps sessions and tokens.
    kept = users.create_token(town.graph, "pim")
    users.add_user(town.graph, "pim", "analyst", None, team="team-gemeente")
    assert town.client.get("/api/me", headers={"Authorization": f"Bearer {kept}"}).json()[
        "role"] == "analyst"
