"""The overview, search and monitor pages against the real Neo4j: what they show, to whom."""

from __future__ import annotations

import re
from datetime import date

import pytest

from investigations.analysis import analyze
from investigations.registry import load_all
from tests.integration.access_setup import (  # noqa: F401  (the town fixture)
    BSNS,
    NAMES,
    PASSWORD,
    Town,
    town_fixture,
)


@pytest.fixture(scope="module")
def analysed(town: Town) -> Town:
    load_all()
    analyze(town.graph, date(2026, 6, 1))
    return town


def page_get(town: Town, user: str, path: str, purpose: str | None = "zaak Z-2026-041") -> str:
    response = town.client.get(path, headers=town.headers(user, purpose, Accept="text/html"))
    assert response.status_code == 200, (path, response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_overview_ranks_with_reasons_and_links_to_pages(analysed: Town) -> None:
    html = page_get(analysed, "anna", "/")
    assert "Adressen met de hoogste score" in html
    assert re.search(r'href="/adres/\d{16}"', html), "ranked addresses link to their page"
    assert 'id="map-points"' in html and "/static/vendor/leaflet.js" in html
    assert 'name="csrf"' in html  # the purpose and logout forms carry the token
    entries = [e for e in analysed.audit() if e["user"] == "anna" and e["target"] == "overzicht"]
    assert entries, "the overview is written to the audit log like any view"


def test_overview_without_purpose_shows_no_persons(analysed: Town) -> None:
    html = page_get(analysed, "cas", "/", purpose=None)
    assert "Personen worden pas getoond" in html
    assert not any(name in html for name in NAMES)


def test_pseudonymised_officer_sees_no_identities_on_the_overview(analysed: Town) -> None:
    html = page_get(analysed, "olga", "/")
    assert not any(bsn in html for bsn in BSNS)
    assert not any(name in html for name in NAMES)


def test_search_page_finds_an_address_and_escapes_the_query(analysed: Town) -> None:
    html = page_get(analysed, "anna", "/zoeken?q=Dorpsweg")
    assert re.search(r'href="/adres/\d{16}"', html)
    evil = page_get(analysed, "anna", "/zoeken?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)</script>" not in evil and "&lt;script&gt;" in evil


def test_search_page_without_purpose_asks_for_one(analysed: Town) -> None:
    response = analysed.client.get("/zoeken?q=Dorpsweg",
                                   headers=analysed.headers("anna", None, Accept="text/html"))
    assert response.status_code == 428
    assert "doel" in response.text.lower() and "<html" in response.text


def test_monitor_page_suppresses_small_counts(analysed: Town) -> None:
    html = page_get(analysed, "anna", "/monitor")
    assert "Scores per buurt" in html
    assert "&lt; 5" in html  # a hand-made town is small: its counts are suppressed


def test_investigation_pages_list_form_run_and_download(analysed: Town) -> None:
    listing = page_get(analysed, "anna", "/onderzoeken")
    assert 'href="/onderzoeken/residents_over_time"' in listing
    form = page_get(analysed, "anna", "/onderzoeken/residents_over_time")
    assert 'name="nummeraanduiding_id"' in form and 'name="csrf"' in form
    headers = analysed.headers("anna", "zaak Z-2026-041", Accept="text/html")
    ran = analysed.client.post("/onderzoeken/residents_over_time", headers=headers,
                               data={"nummeraanduiding_id": "0479200000000001"})
    assert ran.status_code == 200, ran.text[:300]
    assert "Resultaat" in ran.text and re.search(r'href="/persoon/[^"]+"', ran.text)
    csv = analysed.client.post("/onderzoeken/residents_over_time/download", headers=headers,
                               data={"nummeraanduiding_id": "0479200000000001", "format": "csv"})
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    bad = analysed.client.post("/onderzoeken/residents_over_time", headers=headers,
                               data={"nummeraanduiding_id": ""})
    assert bad.status_code == 422 and "nummeraanduiding_id" in bad.text


def test_page_form_posts_need_the_csrf_token_of_the_session(analysed: Town) -> None:
    client = analysed.client
    client.cookies.clear()
    client.post("/login", data={"name": "anna", "password": PASSWORD})
    forged = client.post("/onderzoeken/residents_over_time", headers={"Accept": "text/html"},
                         data={"nummeraanduiding_id": "0479200000000001"})
    assert forged.status_code == 403 and "CSRF" in forged.text
    client.cookies.clear()


def test_what_users_add_is_no_link_of_the_entity(analysed: Town) -> None:
    """A note or a watch list is shown per team by the collaboration panel, never as a link of
    the address in the entity view, the neighbourhood or a path (other teams would see it)."""
    key = "adres:0479200000000001"
    assert analysed.post("cas", f"/api/entities/{key}/notes",
                         json={"text": "geheim: achterdeur open"}).status_code == 201
    made = analysed.post("cas", "/api/watchlists", json={"name": "controle"})
    assert made.status_code == 201
    analysed.post("cas", f"/api/watchlists/{made.json()['id']}/entries", json={"key": key})
    view = analysed.get("paul", "/api/addresses/0479200000000001").json()
    near = analysed.get("paul", f"/api/neighbourhood/{key}?depth=2&limit=500").json()
    for answer in (view, near):
        text = str(answer)
        assert "achterdeur" not in text and "'Note'" not in text and "'WatchList'" not in text
