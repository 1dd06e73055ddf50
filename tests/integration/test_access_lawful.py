"""Lawful use through the API and the CLI: users and logins, partner and tier filtering, the
audit log (every view with its purpose, append-only, exportable)."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from typing import Any

from tests.integration.access_setup import PASSWORD, Town, town_fixture  # noqa: F401  (the town fixture)

SIGNAL_ADDRESS = "/api/addresses/0479200000000004"  # M2 (police, private) is about it


def speurnet(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], input=stdin, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_user_add_and_token_create_from_the_command_line(town: Town, env_for: dict[str, str]) -> None:
    added = speurnet(env_for, "user", "add", "wim", "--role", "officer", "--team", "west",
                     "--partner", "gemeente", stdin="een-goed-wachtwoord\n")
    assert added.returncode == 0, added.stderr
    made = speurnet(env_for, "token", "create", "wim")
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    me = town.client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert (me["name"], me["role"], me["team"], me["partner"]) == ("wim", "officer", "west",
                                                                   "gemeente")
    stored = town.graph.read("access/users")
    assert "een-goed-wachtwoord" not in str(stored)
    assert speurnet(env_for, "user", "add", "x", "--role", "officer",
                    stdin="kort\n").returncode == 2
    assert speurnet(env_for, "token", "create", "niemand").returncode == 2
    listed = speurnet(env_for, "user", "list").stdout
    assert "wim\tofficer\twest\tgemeente" in listed


def csrf(client: Any) -> str:
    """The CSRF token a page of this session carries in its forms."""
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/").text)
    assert found, "the page has no CSRF token"
    return found.group(1)


def test_page_login_session_purpose_and_logout(town: Town) -> None:
    client = town.client
    client.cookies.clear()
    assert client.get("/login").status_code == 200
    wrong = client.post("/login", data={"name": "olga", "password": "fout"})
    assert wrong.status_code == 401
    ok = client.post("/login", data={"name": "olga", "password": PASSWORD, "next": "/api/me"},
                     follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/api/me"
    assert "httponly" in ok.headers["set-cookie"].lower()
    assert client.get("/").status_code == 200
    assert client.get(SIGNAL_ADDRESS).status_code == 428  # a page session states its purpose
    forged = client.post("/session/purpose", data={"purpose": "zonder token"})
    assert forged.status_code == 403  # a form without this session's CSRF token is refused
    client.post("/session/purpose", data={"purpose": "controle Dorpsweg 5", "csrf": csrf(client)})
    view = client.get(SIGNAL_ADDRESS)
    assert view.status_code == 200 and view.json()["purpose"] == "controle Dorpsweg 5"
    evil = client.post("/login", data={"name": "olga", "password": PASSWORD,
                                       "next": "//evil.example/"}, follow_redirects=False)
    assert evil.headers["location"] == "/"
    client.post("/logout", data={"csrf": csrf(client)})
    assert client.get("/api/me").status_code == 401
    client.cookies.clear()


def test_a_forged_session_cookie_is_refused(town: Town) -> None:
    town.client.cookies.clear()
    town.client.cookies.set("speurnet_session", "eyJ1IjoiYWRhbSJ9.AAAA")
    assert town.client.get("/api/me").status_code == 401
    town.client.cookies.clear()


def test_a_user_of_another_partner_does_not_see_a_private_source(town: Town) -> None:
    municipality = town.get("cas", SIGNAL_ADDRESS).json()
    police = town.get("paul", SIGNAL_ADDRESS).json()
    kinds = {link["node"]["kind"] for link in municipality["links"]}
    assert "Signal" not in kinds and municipality["withheld"] >= 1
    assert "ABOUT" not in municipality["linkCounts"]
    assert "meldingen.csv" not in {s["file"] for s in municipality["sources"]}
    assert "Signal" in {link["node"]["kind"] for link in police["links"]}
    assert police["withheld"] == 0
    assert {"file": "meldingen.csv", "partner": "politie", "tier": "private"}.items() <= next(
        s for s in police["sources"] if s["file"] == "meldingen.csv").items()
    # In investigations the boundary refuses, by name, a text that reads the withheld source.
    body = {"params": {"nummeraanduiding_id": "0479200000000004", "straal": 5000}}
    hidden = town.post("cas", "/api/investigations/signals_near_address/run", json=body)
    shown = town.post("paul", "/api/investigations/signals_near_address/run", json=body).json()
    assert hidden.status_code == 422
    assert "Signal comes from meldingen, a source your organisation may not see" in hidden.text
    assert len(shown["rows"]) >= 1
    # Officers are not cleared for private sources even of their own partner.
    assert town.get("olga", SIGNAL_ADDRESS).json()["withheld"] >= 1


def test_every_person_view_leaves_an_audit_entry_with_its_purpose(town: Town) -> None:
    before = len(town.audit())
    assert town.get("cas", "/api/persons/bsn:999999990", purpose="zaak Z-2026-099").status_code == 200
    assert town.get("cas", "/api/persons/bsn:000000000", purpose="zaak Z-2026-099").status_code == 404
    entries = town.audit()[before:]
    assert [(e["action"], e["user"], e["target"], e["purpose"]) for e in entries] == [
        ("view", "cas", "bsn:999999990", "zaak Z-2026-099"),
        ("view", "cas", "bsn:000000000", "zaak Z-2026-099")]
    assert "bsn:999999990" in entries[0]["subjects"]
    # A view refused for lack of purpose leaves nothing to log: no data was read.
    assert town.get("cas", "/api/persons/bsn:999999990", purpose=None).status_code == 428
    assert len(town.audit()) == before + 2


def test_the_audit_log_is_append_only_chained_and_exportable(town: Town,
                                                            env_for: dict[str, str]) -> None:
    schema = town.client.app.openapi()  # type: ignore[attr-defined]
    audit_methods = {m for p, item in schema["paths"].items() if "audit" in p for m in item}
    assert audit_methods == {"get"}  # nothing in the application changes or deletes an entry
    assert town.get("olga", "/api/audit").status_code == 403
    admin = town.get("adam", "/api/audit?limit=5000").json()
    assert [e["seq"] for e in admin] == sorted(e["seq"] for e in admin)
    verified = speurnet(env_for, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    exported = speurnet(env_for, "audit", "export", "--format", "csv")
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert {"view", "run", "login", "user-add"} <= {r["action"] for r in rows}
    assert any(r["user"] == "cas" and r["purpose"] == "zaak Z-2026-041" for r in rows)
    # Changing an entry behind the application's back breaks the chain.
    town.graph.write("access/test_tamper")
    broken = speurnet(env_for, "audit", "verify")
    assert broken.returncode == 1 and "changed" in broken.stderr
