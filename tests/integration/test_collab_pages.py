"""The collaboration pages against the real Neo4j: watch lists, deconfliction in the inbox,
notes and outcomes from an address page, and the match review page."""

from __future__ import annotations

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
