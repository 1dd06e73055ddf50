"""From question to case against the real Neo4j: a scheduled investigation over two loads (only
hits not seen before become alerts, the second one through `speurnet load`'s hook), triage
(dismiss with a reason, open as a case), pseudonyms until the privacy-protocol assessment,
deconfliction between two teams' cases, case outcomes in the feedback loop and the monitor, and
a case's history through backup, wipe, reload and restore.

The town (tests/integration/access_setup.py) is loaded once for the module; anna (analyst), olga
(officer) and cas (case preparer) are team-gemeente, paul (case preparer) team-politie. The tests
build on each other in file order (the alerts of the first are triaged by the next).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from graph import schema
from investigations import backup
from investigations.access.policy import load_policy
from investigations.access.pseudonyms import Pseudonyms
from investigations.access.scope import operator_scope
from investigations.access.sources import read_sources
from investigations.indicators import engine
from investigations.indicators.catalogue import INDICATORS
from investigations.privacy import person_report
from tests.integration.access_setup import (  # noqa: F401  (the town fixture)
    BRONNEN,
    BSNS,
    PURPOSE,
    Town,
    town_fixture,
)
from tests.town import BRP, write_csv, write_town

SAVED = {"name": "ingeschreven_personen", "title": "Ingeschreven personen",
         "cypher": "MATCH (p:Person)-[:REGISTERED_AT]->(a:Address) RETURN p, a",
         "visibility": "team"}
NEW_RESIDENT = ["123456708", "Kees", "", "Bakker", "1970-02-02", "M", "0479200000000002",
                "2026-01-15", "", "W"]
DORP_5 = "adres:0479200000000004"
KERK_12 = "adres:0479200000000001"


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300, check=False)


def alerts(town: Town, user: str, status: str = "new") -> list[dict[str, Any]]:
    answer = town.get(user, f"/api/alerts?status={status}")
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


def change(town: Town, user: str, case_id: str, **body: str) -> int:
    """PATCH a case's status or owner; the answer's status code."""
    answer = town.client.patch(f"/api/cases/{case_id}", headers=town.headers(user), json=body)
    return answer.status_code


def ids(entities: list[dict[str, Any]]) -> set[str]:
    return {e["id"] for e in entities}


def test_a_scheduled_investigation_alerts_only_hits_not_seen_before(
        town: Town, env_for: dict[str, str], tmp_path: Path) -> None:
    assert town.post("anna", "/api/investigations", json=SAVED).status_code == 201
    made = town.post("anna", "/api/schedules", json={
        "kind": "investigation", "target": SAVED["name"], "frequency": "load"})
    assert made.status_code == 201, made.text
    schedule_id = made.json()["id"]
    first = town.post("anna", f"/api/schedules/{schedule_id}/run")
    assert first.status_code == 200, first.text
    registrations = len(BRP) - 1  # one hit per person and address registered (header row off)
    assert first.json() == {"id": schedule_id, "hits": registrations, "new": registrations,
                            "error": None}
    # Running again over the same graph finds the same hits: nothing new.
    assert town.post("anna", f"/api/schedules/{schedule_id}/run").json()["new"] == 0

    # The second delivery: one new resident. `speurnet load` runs the schedule itself.
    folder = tmp_path / "levering2"
    folder.mkdir()
    (folder / "bronnen.yml").write_text(BRONNEN, encoding="utf-8")
    write_csv(folder / "brp_inschrijvingen.csv", [*BRP, NEW_RESIDENT])
    loaded = cli(env_for, "load", str(folder))
    assert loaded.returncode == 0, loaded.stderr
    assert f"{schedule_id}: {registrations + 1} hits, 1 new alerts" in loaded.stderr
    [schedule] = [s for s in town.get("anna", "/api/schedules").json() if s["id"] == schedule_id]
    assert (schedule["lastHits"], schedule["lastNew"], schedule["lastError"]) == (
        registrations + 1, 1, None)
    assert schedule["lastRunAt"] is not None
    daily = cli(env_for, "alerts", "run", "--frequency", "all")  # what cron runs: nothing new
    assert daily.returncode == 0 and "1 schedules run, 0 new alerts." in daily.stderr, daily.stderr

    found = alerts(town, "cas")  # the owner's team sees them, with the evidence
    assert len(found) == registrations + 1
    newest = found[0]
    assert "adres:0479200000000002" in ids(newest["entities"])
    assert newest["evidence"]["investigation"] == SAVED["name"]
    # Persons in alerts are pseudonyms, also for a role that sees identities elsewhere.
    text = str(found)
    assert "pseudo:" in text and not any(bsn in text for bsn in (*BSNS, NEW_RESIDENT[0]))
    assert alerts(town, "paul") == []  # another team's alerts are not theirs
    assert town.get("cas", "/api/alerts", purpose=None).status_code == 428


def test_a_scheduled_indicator_alerts_its_subjects_once(town: Town) -> None:
    today = date.today()
    firing = [(i, engine.find(town.graph, i, today)) for i in INDICATORS]
    indicator, rows = next((i, r) for i, r in firing if r)  # the town raises some flag
    made = town.post("cas", "/api/schedules", json={
        "kind": "indicator", "target": indicator.name, "frequency": "daily"})
    assert made.status_code == 201, made.text
    run = town.post("cas", f"/api/schedules/{made.json()['id']}/run").json()
    assert (run["hits"], run["new"]) == (len(rows), len(rows))
    assert town.post("cas", f"/api/schedules/{made.json()['id']}/run").json()["new"] == 0
    mine = [a for a in alerts(town, "olga") if a["evidence"].get("indicator") == indicator.name]
    subjects = {str(r["subject"]) for r in rows}
    assert all(e["id"] in subjects or e["id"].startswith("pseudo:")  # persons as pseudonyms
               for a in mine for e in a["entities"])
    assert len(mine) == len(rows) and all(a["evidence"]["reason"] for a in mine)
    assert town.post("cas", "/api/schedules", json={
        "kind": "indicator", "target": "bestaat_niet", "frequency": "daily"}).status_code == 404
    assert town.post("olga", "/api/schedules", json={
        "kind": "indicator", "target": indicator.name, "frequency": "wekelijks"}).status_code == 422
    for alert in mine:  # leave the triage tests the investigation's alerts only
        town.post("cas", f"/api/alerts/{alert['id']}/dismiss", json={"reason": "indicatortest"})
    # Only its owner stops a schedule; its alerts stay on the record.
    schedule = f"/api/schedules/{made.json()['id']}"
    assert town.client.delete(schedule, headers=town.headers("olga")).status_code == 404
    assert town.client.delete(schedule, headers=town.headers("cas")).status_code == 204
    assert made.json()["id"] not in {s["id"] for s in town.get("cas", "/api/schedules").json()}
    assert len([a for a in alerts(town, "cas", "dismissed")
                if a["evidence"].get("indicator") == indicator.name]) == len(rows)


def test_triage_dismiss_with_reason_and_open_as_case(town: Town) -> None:
    found = alerts(town, "cas")
    outside = next(a for a in found if "adres:0363200000000009" in ids(a["entities"]))
    assert town.post("cas", f"/api/alerts/{outside['id']}/dismiss",
                     json={"reason": " "}).status_code == 422  # a reason is required
    dismissed = town.post("cas", f"/api/alerts/{outside['id']}/dismiss",
                          json={"reason": "Oude inschrijving buiten de gemeente"})
    assert dismissed.status_code == 200, dismissed.text
    assert (dismissed.json()["status"], dismissed.json()["reason"], dismissed.json()[
        "decidedBy"]) == ("dismissed", "Oude inschrijving buiten de gemeente", "cas")
    assert town.post("cas", f"/api/alerts/{outside['id']}/dismiss",
                     json={"reason": "nogmaals"}).status_code == 409

    dorp = next(a for a in found if DORP_5 in ids(a["entities"]))
    opened = town.post("cas", f"/api/alerts/{dorp['id']}/case", json={"title": "Overbewoning D5"})
    assert opened.status_code == 201, opened.text
    case = opened.json()
    assert (case["status"], case["owner"], case["team"]) == ("open", "cas", "team-gemeente")
    assert ids(case["entities"]) == ids(dorp["entities"])
    assert case["alert"]["id"] == dorp["id"]
    assert [e["what"] for e in case["history"]][:1] == ["created"]
    assert {a["id"] for a in alerts(town, "cas", "case")} == {dorp["id"]}
    assert outside["id"] in {a["id"] for a in alerts(town, "cas", "dismissed")}


def _case_of(town: Town, user: str, title: str) -> dict[str, Any]:
    listed = town.get(user, "/api/cases")
    assert listed.status_code == 200, listed.text
    [found] = [c for c in listed.json() if c["title"] == title]
    answer = town.get(user, f"/api/cases/{found['id']}")
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


def test_identities_stay_pseudonymised_until_the_assessment(town: Town) -> None:
    case = _case_of(town, "cas", "Overbewoning D5")
    fatma = "bsn:999999990"
    assert case["pseudonymised"] is True and case["assessment"] is None
    assert fatma not in str(case) and any(i.startswith("pseudo:") for i in ids(case["entities"]))
    base = f"/api/cases/{case['id']}"
    refused = town.post("cas", f"{base}/intervention", json={"text": "Huisbezoek"})
    assert refused.status_code == 409 and "privacyprotocol" in refused.json()["detail"]

    assessed = town.post("cas", f"{base}/assessment", json={
        "purpose": "Onderzoek naar overbewoning", "legalGround": "Huisvestingswet art. 1",
        "proportionality": "Alleen de bewoners van dit adres"})
    assert assessed.status_code == 200, assessed.text
    shown = assessed.json()
    assert shown["pseudonymised"] is False and fatma in ids(shown["entities"])
    assert shown["assessment"]["by"] == "cas"
    # The analyst of the same team still sees pseudonyms: the assessment opens no role's limits.
    assert fatma not in str(town.get("anna", f"{base}").json())
    planned = town.post("cas", f"{base}/intervention", json={"text": "Huisbezoek dinsdag"})
    assert planned.status_code == 200, planned.text
    assert planned.json()["intervention"]["intervention"] == "Huisbezoek dinsdag"
    # An access request (AVG) lists the case beside everything else held on her.
    scope = operator_scope(load_policy(), read_sources(town.graph), Pseudonyms(b"test" * 8))
    held = person_report(town.graph, scope, fatma)
    assert [(c["id"], c["status"]) for c in held["caseFiles"]] == [(case["id"], "open")]
    assert held["alerts"] and all(a["person"] == fatma for a in held["alerts"])
    # Every view of the case is in the audit log, under the purpose, with whom it showed.
    views = [e for e in town.audit() if e["action"] == "case" and e["target"] == case["id"]]
    assert views and all(e["purpose"] == PURPOSE for e in views)
    assert any(fatma in (e["subjects"] or []) for e in views)


def test_history_records_who_changed_what_and_when(town: Town) -> None:
    case = _case_of(town, "cas", "Overbewoning D5")
    base = f"/api/cases/{case['id']}"
    assert change(town, "cas", case["id"], status="in_progress") == 200
    assert town.post("olga", f"{base}/notes", json={"text": "Buren melden drukte"}).status_code == 200
    assert change(town, "cas", case["id"], owner="olga") == 200
    assert change(town, "cas", case["id"], owner="paul") == 422
    assert change(town, "olga", case["id"], status="gesloten") == 422
    history = town.get("olga", base).json()["history"]
    changes = [(e["by"], e["what"], e["oldValue"], e["newValue"]) for e in history]
    assert ("cas", "status", "open", "in_progress") in changes
    assert ("cas", "owner", "cas", "olga") in changes
    assert ("cas", "assessment.legalGround", None, "Huisvestingswet art. 1") in changes
    assert [e["text"] for e in history if e["what"] == "note"] == ["Buren melden drukte"]
    assert all(e["at"] for e in history)
    assert [e["at"] for e in history] == sorted(e["at"] for e in history)
    assert town.get("paul", base).status_code == 404  # another team's case is not found


def test_deconfliction_when_a_second_team_links_an_entity(town: Town) -> None:
    case = _case_of(town, "cas", "Overbewoning D5")
    made = town.post("paul", "/api/cases", json={"title": "Politiecasus P7", "keys": [DORP_5]})
    assert made.status_code == 201, made.text
    to_paul = [n for n in town.get("paul", "/api/notifications").json()["notifications"]
               if n["kind"] == "deconfliction"]
    assert len(to_paul) == 1 and "team team-gemeente" in to_paul[0]["message"]
    assert to_paul[0]["about"]["id"] == DORP_5
    # Paul learns whom to contact, nothing of the other case.
    assert case["id"] not in str(to_paul), to_paul
    assert "Overbewoning D5" not in to_paul[0]["message"]
    for member in ("cas", "olga"):
        told = [n for n in town.get(member, "/api/notifications").json()["notifications"]
                if n["kind"] == "deconfliction" and "team-politie" in n["message"]]
        assert len(told) == 1 and "Politiecasus P7" not in told[0]["message"]
    # Cases are no facts of the address: its view neither lists nor counts them as withheld.
    view = town.get("cas", "/api/addresses/0479200000000004").json()
    assert not [link for link in view["links"] if link["type"] in ("INVOLVES", "HIT")]
    assert not {"INVOLVES", "HIT"} & set(view["linkCounts"])
    # The dossier and the page of the address list each team's own case, not the other's.
    for user, own, other in (("cas", "Overbewoning D5", "Politiecasus P7"),
                             ("paul", "Politiecasus P7", "Overbewoning D5")):
        for path in ("/dossier/adres:0479200000000004", "/adres/0479200000000004"):
            html = town.client.get(path, headers={**town.headers(user), "Accept": "text/html"})
            assert html.status_code == 200 and own in html.text and other not in html.text
    # Linking again, or a case on an entity no other team holds, tells nobody.
    town.post("paul", f"/api/cases/{made.json()['id']}/entities", json={"key": DORP_5})
    town.post("paul", f"/api/cases/{made.json()['id']}/entities", json={"key": "kvk:11112222"})
    assert len([n for n in town.get("paul", "/api/notifications").json()["notifications"]
                if n["kind"] == "deconfliction"]) == 1


def test_case_outcomes_feed_the_feedback_loop_and_the_monitor(town: Town) -> None:
    case = _case_of(town, "cas", "Overbewoning D5")
    before = {r["key"] for r in town.graph.read("scoring/examples", runId="none",
                                                asOf=date.today())}
    assert DORP_5 not in before
    assert change(town, "cas", case["id"], status="confirmed") == 200
    examples = {r["key"]: r["violation"] for r in town.graph.read(
        "scoring/examples", runId="none", asOf=date.today())}
    assert examples[DORP_5] is True
    outcomes = town.graph.read("scoring/monitor_outcomes")
    assert {"label": "Address", "score": 0.0, "outcome": "overtreding"} in [
        {**o, "score": 0.0} for o in outcomes if o["label"] == "Address"]
    hennep = _case_of(town, "paul", "Politiecasus P7")
    assert change(town, "paul", hennep["id"], status="dismissed") == 200
    examples = {r["key"]: r["violation"] for r in town.graph.read(
        "scoring/examples", runId="none", asOf=date.today())}
    assert examples["kvk:11112222"] is False and examples[DORP_5] is True


def test_a_case_history_survives_backup_wipe_reload_and_restore(
        town: Town, tmp_path: Path) -> None:
    case = _case_of(town, "olga", "Overbewoning D5")
    file = tmp_path / "speurnet.jsonl"
    counts = backup.backup(town.graph, file)
    assert counts["CaseFile"] == 2 and counts["CaseEvent"] >= 8 and counts["Alert"] >= 5
    town.graph.autocommit("admin/wipe")
    assert town.graph.read("cases/events", caseFileId=case["id"]) == []
    schema.install(town.graph)
    folder = tmp_path / "town"
    write_town(folder)
    (folder / "bronnen.yml").write_text(BRONNEN, encoding="utf-8")
    from loaders.load import load

    assert load(town.graph, folder, tmp_path / "reports").ok
    report = backup.restore(town.graph, file)
    assert report.missing == [] or all("123456708" in m or "0479200000000002" in m
                                       for m in report.missing)
    again = _case_of(town, "olga", "Overbewoning D5")
    assert again["history"] == case["history"]
    assert (again["status"], again["owner"], again["assessment"]) == (
        case["status"], case["owner"], case["assessment"])
    assert ids(again["entities"]) == ids(case["entities"])
