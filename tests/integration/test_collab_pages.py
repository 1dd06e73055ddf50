"""The collaboration pages against the real Neo4j: watch lists, deconfliction in the inbox,
notes and outcomes from an address page, and the match review page."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from tests.integration.access_setup import (  # noqa: F401  (the town fixture)
    PURPOSE,
    Town,
    town_fixture,
)

ADDRESS = "0479200000000001"
KEY = f"adres:{ADDRESS}"


def html(town: Town, user: str) -> dict[str, str]:
    return town.headers(user, PURPOSE, Accept="text/html")


def post(town: Town, user: str, path: str, data: dict[str, str]) -> str:
    """Post a page form; it answers 303 back to `next`. Returns where it goes."""
    response = town.client.post(path, headers=html(town, user), data=data, follow_redirects=False)
    assert response.status_code == 303, (path, response.status_code, response.text[:400])
    return response.headers["location"]


def test_two_teams_watching_one_address_both_see_it_in_their_inbox(town: Town) -> None:
    back = post(town, "cas", "/volglijsten", {"name": "Controle Dorpsweg", "key": KEY,
                                               "next": f"/adres/{ADDRESS}"})
    assert back == f"/adres/{ADDRESS}"
    post(town, "paul", "/volglijsten", {"name": "Politie lijst", "key": KEY})
    lists = town.client.get("/volglijsten", headers=html(town, "cas")).text
    assert "Controle Dorpsweg" in lists and f'/adres/{ADDRESS}"' in lists
    assert "Politie lijst" not in lists  # another team's list stays theirs
    for user in ("cas", "paul"):
        inbox = town.client.get("/berichten", headers=html(town, user)).text
        assert "Afstemming" in inbox, user
    page = town.client.get(f"/adres/{ADDRESS}", headers=html(town, "cas")).text
    assert "Let op: ook" in page and "team-politie" in page


def test_a_note_with_markup_is_shown_as_text_on_the_address_page(town: Town) -> None:
    post(town, "cas", "/notities", {"key": KEY, "text": "<script>alert('x')</script> deur open",
                                    "next": f"/adres/{ADDRESS}"})
    page = town.client.get(f"/adres/{ADDRESS}", headers=html(town, "cas")).text
    assert "&lt;script&gt;alert(" in page and "<script>alert(" not in page


def test_an_outcome_recorded_on_the_page_is_listed_with_its_author(town: Town) -> None:
    post(town, "cas", "/uitkomsten", {"key": KEY, "result": "overtreding", "date": "2026-05-01",
                                      "text": "twee gezinnen", "next": f"/adres/{ADDRESS}"})
    page = town.client.get(f"/adres/{ADDRESS}", headers=html(town, "cas")).text
    assert "overtreding" in page and "2026-05-01" in page and "twee gezinnen" in page
    bad = town.client.post("/uitkomsten", headers=html(town, "cas"),
                           data={"key": KEY, "result": "overtreding", "date": "gisteren"})
    assert bad.status_code == 422 and "datum" in bad.text


def test_match_review_page_for_roles_that_may_reidentify(town: Town) -> None:
    assert town.client.get("/koppelingen", headers=html(town, "cas")).status_code == 200
    refused = town.client.get("/koppelingen", headers=html(town, "olga"))
    assert refused.status_code == 403 and "<html" in refused.text


def unread_in_menu(town: Town, user: str) -> int:
    text = town.client.get("/volglijsten", headers=html(town, user)).text
    found = re.search(r'<span class="count">(\d+)</span><span class="visually-hidden"> '
                      r'ongelezen</span>', text)
    return int(found.group(1)) if found else 0


def unread_in_inbox(town: Town, user: str) -> int:
    answer = town.get(user, "/api/notifications?unread=true&limit=500", purpose=None)
    assert answer.status_code == 200, answer.text
    return int(answer.json()["unread"])


def test_the_menu_counts_unread_messages_as_the_inbox_shows_them(town: Town) -> None:
    # News about the police's private signal file, to the municipality's team: withheld from
    # them in the inbox, so not counted in their menu either; the police count theirs.
    town.graph.write("collab/notification_write", at=datetime.now(UTC), rows=[
        {"id": f"news-test-{team}", "toUser": None, "toTeam": team, "kind": "signal",
         "message": "Nieuw bij Kerkstraat: melding M1.", "key": KEY, "factKey": "signal:M1",
         "factSource": "meldingen.csv", "factLoadId": None}
        for team in ("team-gemeente", "team-politie")])
    post(town, "olga", "/volglijsten", {"name": "Menu", "key": "adres:0479200000000004"})
    post(town, "paul", "/volglijsten", {"name": "Menu ook", "key": "adres:0479200000000004"})
    counts = {user: unread_in_menu(town, user) for user in ("olga", "paul")}
    assert counts == {user: unread_in_inbox(town, user) for user in ("olga", "paul")}
    assert counts["olga"] >= 1 and counts["paul"] >= 2  # deconfliction (both), the signal (police)
    seen = [n["id"] for n in town.get("paul", "/api/notifications?unread=true", purpose=None)
            .json()["notifications"]]
    assert "news-test-team-politie" in seen
    assert "news-test-team-gemeente" not in [
        n["id"] for n in town.get("olga", "/api/notifications?unread=true&limit=500",
                                  purpose=None).json()["notifications"]]

    post(town, "paul", f"/berichten/{seen[0]}/gelezen", {"next": "/berichten"})
    assert unread_in_menu(town, "paul") == counts["paul"] - 1
    assert unread_in_menu(town, "olga") == counts["olga"]  # read by paul, not by olga
