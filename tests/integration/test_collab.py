"""Collaboration against the real Neo4j: watch lists and deconfliction between two teams, news for
watchers, notes, inspection outcomes beside zaken.csv, and match review.

The town (tests/integration/access_setup.py) is loaded once for the module; its users are in
team-gemeente (olga officer, anna analyst, cas case preparer, adam admin) and team-politie (paul).
Each test uses its own addresses, so the tests add what they check without stepping on each other.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from investigations.collab import notify_changes
from loaders.load import load
from tests.integration.access_setup import (  # noqa: F401  (the town fixture)
    BRONNEN,
    PURPOSE,
    Town,
    town_fixture,
)
from tests.town import CASES, SIGNALS, write_csv

KERK_12 = "adres:0479200000000001"  # Z1 (overtreding) concerns it
KERK_14 = "adres:0479200000000002"
DORP_3 = "adres:0479200000000003"
DORP_5 = "adres:0479200000000004"


def new_list(town: Town, user: str, name: str, team: bool = False) -> str:
    answer = town.post(user, "/api/watchlists", json={"name": name, "team": team})
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def watch(town: Town, user: str, list_id: str, key: str) -> dict[str, Any]:
    answer = town.post(user, f"/api/watchlists/{list_id}/entries", json={"key": key})
    assert answer.status_code == 201, answer.text
    return answer.json()  # type: ignore[no-any-return]


def inbox(town: Town, user: str) -> list[dict[str, Any]]:
    answer = town.get(user, "/api/notifications", purpose=None)
    assert answer.status_code == 200, answer.text
    return answer.json()["notifications"]  # type: ignore[no-any-return]


def reload(town: Town, folder: Path, stem: str, rows: list[list[str]]) -> None:
    """A newer export of one source file, loaded with the town's sources file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bronnen.yml").write_text(BRONNEN, encoding="utf-8")
    report = load(town.graph, write_csv(folder / f"{stem}.csv", rows), folder / "reports")
    assert report.ok, report.to_json()


def test_two_teams_watching_one_address_are_both_told(town: Town) -> None:
    gemeente = new_list(town, "olga", "Wijkteam centrum", team=True)
    note = town.post("olga", f"/api/entities/{KERK_14}/notes",
                     json={"text": "Geheim: tip van buurman"})
    assert note.status_code == 201
    first = watch(town, "olga", gemeente, KERK_14)
    assert (first["added"], first["alsoWatchedBy"]) == (True, [])

    politie = new_list(town, "paul", "Hennep Oost")
    second = watch(town, "paul", politie, KERK_14)
    assert second["alsoWatchedBy"] == ["team-gemeente"]
    # Watching again tells nobody again.
    assert watch(town, "paul", politie, KERK_14)["added"] is False

    to_paul = [n for n in inbox(town, "paul") if n["kind"] == "deconfliction"]
    assert len(to_paul) == 1 and "team team-gemeente" in to_paul[0]["message"]
    assert to_paul[0]["about"]["id"] == KERK_14 and to_paul[0]["to"]["team"] == "team-politie"
    # A team notification reaches every member of the team.
    for member in ("olga", "cas"):
        told = [n for n in inbox(town, member) if n["kind"] == "deconfliction"]
        assert len(told) == 1 and "team team-politie" in told[0]["message"]
    # The other team learns who watches, never what they wrote.
    panel = town.get("paul", f"/api/entities/{KERK_14}/panel").json()
    assert panel["watchers"]["otherTeams"] == ["team-gemeente"] and panel["watching"] is True
    assert panel["notes"] == []
    assert "Geheim" not in str(inbox(town, "paul")) + str(panel)
    own = town.get("olga", f"/api/entities/{KERK_14}/panel").json()
    assert [n["text"] for n in own["notes"]] == ["Geheim: tip van buurman"]
    assert own["watchers"]["teams"] == ["team-gemeente", "team-politie"]
    assert {(x["id"], x["contains"]) for x in own["lists"]} == {(gemeente, True)}

    # Marked read for one member, still unread for the other.
    read = town.post("olga", f"/api/notifications/{deconfliction_id(town, 'olga')}/read", purpose=None)
    assert read.status_code == 200 and read.json()["read"] is True
    assert town.get("cas", "/api/notifications?unread=true", purpose=None).json()["unread"] == 1
    assert town.post("paul", f"/api/notifications/{read.json()['id']}/read").status_code == 404


def deconfliction_id(town: Town, user: str) -> str:
    return str(next(n["id"] for n in inbox(town, user) if n["kind"] == "deconfliction"))


def test_team_lists_are_seen_by_the_team_only(town: Town) -> None:
    team_list = new_list(town, "olga", "Controles", team=True)
    own = new_list(town, "olga", "Mijn adressen")
    watch(town, "olga", own, DORP_5)
    assert {x["id"] for x in town.get("cas", "/api/watchlists").json()} >= {team_list}
    assert own not in {x["id"] for x in town.get("cas", "/api/watchlists").json()}
    assert team_list not in {x["id"] for x in town.get("paul", "/api/watchlists").json()}
    mine = {x["id"]: x for x in town.get("olga", "/api/watchlists").json()}
    assert [e["id"] for e in mine[own]["entries"]] == [DORP_5]
    # Another team's list answers as if it did not exist.
    assert town.post("paul", f"/api/watchlists/{team_list}/entries",
                     json={"key": DORP_5}).status_code == 404
    assert town.client.delete(f"/api/watchlists/{team_list}",
                              headers=town.headers("paul")).status_code == 404
    # A team member edits the team list; removing twice says it is gone.
    watch(town, "cas", team_list, "kvk:87654321")
    path = f"/api/watchlists/{team_list}/entries/kvk:87654321"
    assert town.client.delete(path, headers=town.headers("olga")).status_code == 204
    assert town.client.delete(path, headers=town.headers("olga")).status_code == 404
    assert town.client.delete(f"/api/watchlists/{own}",
                              headers=town.headers("olga")).status_code == 204


def test_a_new_signal_for_a_watched_address_is_news(town: Town, tmp_path: Path) -> None:
    watch(town, "paul", new_list(town, "paul", "Dorpsweg"), DORP_3)
    watch(town, "olga", new_list(town, "olga", "Dorpsweg ook"), DORP_3)
    assert notify_changes(town.graph)["notifications"] == 0  # nothing new since watching

    signals = [*SIGNALS, ["M4", "politie", "drugs", "2026-03-01", "", "0479200000000003", "", "",
                          "", "", "hoog"]]
    reload(town, tmp_path / "export", "meldingen", signals)
    assert notify_changes(town.graph)["notifications"] >= 1
    news = [n for n in inbox(town, "paul") if n["kind"] == "signal"]
    assert [(n["fact"], n["about"]["id"]) for n in news] == [("signal:M4", DORP_3)]
    assert "melding M4" in news[0]["message"] and news[0]["source"]["partner"] == "politie"
    # The municipality may not see the police's private signals: not even that one came.
    assert [n for n in inbox(town, "olga") if n["kind"] == "signal"] == []
    # Told once: a second run (or a reload of the same file) adds nothing.
    reload(town, tmp_path / "again", "meldingen", signals)
    notify_changes(town.graph)
    assert len([n for n in inbox(town, "paul") if n["kind"] == "signal"]) == 1


def test_notes_are_stored_as_typed_and_returned_as_text(town: Town) -> None:
    text = "<script>alert('x')</script> & \"bewoner\" <b>3 matrassen</b>\n  tweede regel  "
    answer = town.post("cas", f"/api/entities/{DORP_5}/notes", json={"text": text})
    assert answer.status_code == 201 and answer.headers["content-type"] == "application/json"
    assert answer.json()["note"]["text"] == text and answer.json()["note"]["author"] == "cas"
    listed = town.get("olga", f"/api/entities/{DORP_5}/notes").json()["notes"]
    assert [n["text"] for n in listed] == [text]
    assert town.graph.read("collab/notes", key=DORP_5, user="cas", team=None, all=False,
                           limit=5)[0]["text"] == text
    # Another team does not read it; a pseudonymised analyst sees that a note exists, not its text.
    assert town.get("paul", f"/api/entities/{DORP_5}/notes").json()["notes"] == []
    masked = town.get("anna", f"/api/entities/{DORP_5}/notes").json()
    assert masked["pseudonymised"] and [n["text"] for n in masked["notes"]] == [None]
    # Writing and reading notes are in the audit log with the purpose.
    entries = [e for e in town.audit() if e["target"] == DORP_5 and e["user"] == "cas"]
    assert [e["action"] for e in entries][-1:] == ["note"] and entries[-1]["purpose"] == PURPOSE


def test_notes_on_persons_use_pseudonyms_where_the_scope_says_so(town: Town) -> None:
    assert town.post("cas", "/api/entities/bsn:999999990/notes",
                     json={"text": "Gesproken met bewoner"}).status_code == 201
    # A pseudonymised user may not look a person up by BSN, only by pseudonym.
    assert town.get("anna", "/api/entities/bsn:999999990/notes").status_code == 403
    pseudo = town.client.app.state.access.pseudonyms.pseudo("bsn:999999990")  # type: ignore[attr-defined]
    masked = town.get("anna", f"/api/entities/{pseudo}/notes").json()
    assert masked["entity"]["id"] == pseudo and "999999990" not in str(masked)
    assert [n["text"] for n in masked["notes"]] == [None]


@pytest.mark.parametrize(("user", "method", "path", "body", "purpose", "status"), [
    (None, "get", "/api/watchlists", None, None, 401),
    (None, "get", "/api/notifications", None, None, 401),
    ("adam", "post", f"/api/entities/{KERK_12}/notes", {"text": "x"}, PURPOSE, 403),
    ("olga", "get", "/api/matches/unsure", None, PURPOSE, 403),
    ("olga", "post", f"/api/entities/{KERK_12}/notes", {"text": "x"}, None, 428),
    ("olga", "post", "/api/outcomes", {"key": KERK_12, "result": "overtreding",
                                       "date": "2026-01-01"}, None, 428),
    ("olga", "get", "/api/entities/adres:0479209999999999/notes", None, PURPOSE, 404),
    ("olga", "post", "/api/watchlists/lijst-onbekend/entries", {"key": KERK_12}, PURPOSE, 404),
    ("olga", "post", "/api/notifications/news-onbekend/read", None, PURPOSE, 404),
    ("olga", "post", "/api/outcomes", {"key": KERK_12, "result": "overtreding",
                                       "date": "2026-01-01", "caseId": "Z404"}, PURPOSE, 404),
    ("olga", "post", f"/api/entities/{KERK_12}/notes", {"text": "x" * 4001}, PURPOSE, 422),
    ("olga", "post", f"/api/entities/{KERK_12}/notes", {"text": "   "}, PURPOSE, 422),
    ("olga", "get", "/api/entities/pand:0479100000000001/notes", None, PURPOSE, 422),
    ("olga", "post", "/api/watchlists", {"name": ""}, PURPOSE, 422),
    ("olga", "post", "/api/outcomes", {"key": KERK_12, "result": "dicht",
                                       "date": "2026-01-01"}, PURPOSE, 422),
    ("olga", "post", "/api/outcomes", {"key": KERK_12, "result": "overtreding",
                                       "date": "2999-01-01"}, PURPOSE, 422),
    ("olga", "post", "/api/outcomes", {"key": DORP_5, "result": "overtreding",
                                       "date": "2026-01-01", "caseId": "Z1"}, PURPOSE, 422),
    ("cas", "post", "/api/matches/judge", {"left": "bsn:123456782", "right": "bsn:111222333",
                                           "decision": "confirm"}, PURPOSE, 422),
])
def test_refusals(town: Town, user: str | None, method: str, path: str,
                  body: dict[str, Any] | None, purpose: str | None, status: int) -> None:
    headers = town.headers(user, purpose) if user else {}
    answer = town.client.request(method.upper(), path, json=body, headers=headers)
    assert answer.status_code == status, answer.text
    if status == 422 and "text" in (body or {}):
        assert answer.json()["detail"][0]["loc"] == ["params", "text"]


def examples(town: Town) -> dict[str, bool]:
    rows = town.graph.read("scoring/examples", runId="none", asOf=date(2026, 12, 31))
    return {r["key"]: r["violation"] for r in rows}


def test_an_outcome_is_kept_beside_a_later_zaken_result(town: Town, tmp_path: Path) -> None:
    assert examples(town)[KERK_12] is True  # Z1 found a violation (zaken.csv)
    answer = town.post("olga", "/api/outcomes", json={
        "key": KERK_12, "result": "geen overtreding", "date": "2025-07-01", "caseId": "Z1",
        "text": "Hercontrole: kamers leeg"})
    assert answer.status_code == 201, answer.text
    outcome = answer.json()["outcome"]
    assert outcome["case"]["result"] == "overtreding"  # the loaded result stays as it was
    # The newer app outcome is now the training label of the case's subjects.
    labels = examples(town)
    assert labels[KERK_12] is False and labels["bsn:123456782"] is False
    cases = {r["key"]: r for r in town.graph.read("scoring/case_addresses", asOf=date(2026, 1, 1))}
    assert cases[KERK_12]["result"] == "geen overtreding"

    # A later export closes the case again with a violation: newer than the app's outcome.
    later = [CASES[0], ["Z1", "controle overbewoning", "gesloten", "2025-05-10", "2025-08-01",
                        "overtreding", "0479200000000001", "123456782", ""]]
    reload(town, tmp_path / "export", "zaken", later)
    assert examples(town)[KERK_12] is True
    shown = town.get("olga", f"/api/entities/{KERK_12}/outcomes").json()["outcomes"]
    assert [(o["result"], o["date"], o["case"]["result"], o["case"]["date"]) for o in shown] == [
        ("geen overtreding", "2025-07-01", "overtreding", "2025-08-01")]
    assert shown[0]["text"] == "Hercontrole: kamers leeg" and shown[0]["author"] == "olga"
    # Another partner sees the result, not the recording team's text.
    assert town.get("paul", f"/api/entities/{KERK_12}/outcomes").json()["outcomes"][0]["text"] is None
    assert any(e["action"] == "outcome" and e["target"] == KERK_12 for e in town.audit())


def test_an_outcome_without_a_case_teaches_scoring_too(town: Town) -> None:
    assert "kvk:12345678" not in examples(town)
    for result, when in (("overtreding", "2026-02-01"), ("geen overtreding", "2026-01-01")):
        answer = town.post("cas", "/api/outcomes", json={
            "key": "kvk:12345678", "result": result, "date": when})
        assert answer.status_code == 201, answer.text
    assert examples(town)["kvk:12345678"] is True  # the latest dated outcome counts


def test_unsure_matches_are_confirmed_and_rejected(town: Town) -> None:
    pairs = {r["record"] for r in town.graph.write("collab/test_unsure_pairs")}
    listed = town.get("cas", "/api/matches/unsure")
    assert listed.status_code == 200, listed.text
    found = listed.json()["pairs"]
    assert {p["left"]["id"] for p in found} == pairs and len(pairs) == 2
    assert all(p["right"]["id"] == "bsn:123456782" for p in found)
    kvk, melding = sorted(pairs, key=lambda k: town.graph.read(
        "checks/person", key=k)[0]["props"]["registry"])
    confirmed = town.post("cas", "/api/matches/judge", json={
        "left": kvk, "right": "bsn:123456782", "decision": "confirm"})
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["judgement"] == "positive"
    assert {c["person"]: c["canonical"] for c in confirmed.json()["canonical"]}[kvk] == \
        "bsn:123456782"
    rejected = town.post("cas", "/api/matches/judge", json={
        "left": "bsn:123456782", "right": melding, "decision": "reject"})
    assert rejected.status_code == 200 and rejected.json()["judgement"] == "negative"
    assert town.get("cas", "/api/matches/unsure").json()["pairs"] == []
    judged = town.graph.read("matching/pair", left=kvk, right="bsn:123456782")[0]
    assert (judged["judgement"], judged["by"]) == ("positive", "cas")
    # An analyst without identities sees the pairs as pseudonyms only.
    town.graph.write("collab/test_unsure_pairs")
    masked = town.get("anna", "/api/matches/unsure").json()
    assert masked["pseudonymised"] and "Berg" not in str(masked)


def test_collaboration_routes_are_documented(town: Town) -> None:
    paths = town.get("olga", "/openapi.json").json()["paths"]
    for path in ("/api/watchlists", "/api/watchlists/{list_id}/entries", "/api/notifications",
                 "/api/entities/{key}/notes", "/api/outcomes", "/api/matches/unsure",
                 "/api/matches/judge", "/api/entities/{key}/panel"):
        assert path in paths, path
