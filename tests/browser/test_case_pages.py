"""Triage in chromium: a case preparer schedules a saved investigation of their team's analyst,
runs it, dismisses one alert with a reason and opens another as a case, then works the case:
persons stay pseudonyms until the privacy-protocol assessment, a status change shows in the
history, the schedule is stopped, and the address page lists the case. Every page passes axe."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import Page, expect

from tests.browser.conftest import Live
from tests.browser.helpers import axe, login, path_of
from tests.town import BRP

PURPOSE = "zaak Z-2026-118"
SAVED = {"name": "bt_ingeschreven_personen", "title": "Ingeschreven personen (triage)",
         "cypher": "MATCH (p:Person)-[:REGISTERED_AT]->(a:Address) RETURN p, a",
         "roles": ["analyst", "case_preparer"], "visibility": "team"}
FATMA = "Fatma Yilmaz"  # registered at Dorpsweg 5 in tests/town.py


def state_purpose(page: Page) -> None:
    page.fill("#purpose-input", PURPOSE)
    with page.expect_navigation():
        page.click("section.purpose button[type=submit]")


def submit(page: Page, form: str, button: str) -> None:
    with page.expect_navigation():
        page.locator(form).get_by_role("button", name=button).click()


def test_alert_to_case_and_dismissed_with_reason(page: Page, live: Live) -> None:
    saved = httpx.post(f"{live.url}/api/investigations", json=SAVED, headers={
        "Authorization": f"Bearer {live.tokens['anna']}"})
    assert saved.status_code == 201, saved.text
    login(page, "cas")
    state_purpose(page)
    page.goto("/signaleringen")
    page.select_option("#schedule-target", f"investigation:{SAVED['name']}")
    page.select_option("#schedule-frequency", "load")
    submit(page, "form[action='/signaleringen/planning']", "Inplannen")
    row = page.locator("tr", has_text=SAVED["name"])
    expect(row).to_contain_text("na elke lading")
    with page.expect_navigation():
        row.get_by_role("button", name=re.compile("Nu uitvoeren")).click()
    hits = len(BRP) - 1  # one per registration of the town
    expect(page.locator("section.alert")).to_have_count(hits)
    expect(row).to_contain_text(f"{hits} treffers, {hits} nieuw")
    assert FATMA not in page.content()  # alerts show persons by pseudonym
    axe(page)

    first = page.locator("section.alert").first
    first.get_by_label("Reden van afwijzen").fill("Bekende situatie, geen actie")
    with page.expect_navigation():
        first.get_by_role("button", name="Afwijzen").click()
    expect(page.locator("section.alert")).to_have_count(hits - 1)
    page.goto("/signaleringen?status=dismissed")
    expect(page.locator("section.alert")).to_contain_text("Bekende situatie, geen actie")
    expect(page.locator("section.alert")).to_contain_text("afgewezen door cas")

    page.goto("/signaleringen")
    dorp = page.locator("section.alert", has_text="Dorpsweg 5")
    dorp.get_by_label("Titel van de casus").fill("Dorpsweg 5 triage")
    with page.expect_navigation():
        dorp.get_by_role("button", name="Open als casus").click()
    assert path_of(page).startswith("/casussen/casus-")
    case_path = path_of(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Dorpsweg 5 triage")
    expect(page.locator("#pseudonymised")).to_be_visible()
    assert FATMA not in page.content()
    expect(page.locator("#h-intervention + p")).to_contain_text("pas na de toets")
    axe(page)

    page.select_option("#status", "in_progress")
    submit(page, "form[action$='/status']", "Opslaan")
    expect(page.locator("#case-status")).to_have_text("in behandeling")
    history = page.locator("#history tbody tr", has_text="status")
    expect(history).to_contain_text("cas")
    expect(history).to_contain_text("open")
    expect(history).to_contain_text("in behandeling")

    page.fill("#a-purpose", "Onderzoek naar bewoning Dorpsweg 5")
    page.fill("#a-ground", "Huisvestingswet")
    page.fill("#a-prop", "Alleen de bewoners van dit adres")
    submit(page, "#assessment-form", "Toets vastleggen")
    expect(page.locator("#pseudonymised")).to_have_count(0)
    expect(page.locator("#h-entities + ul")).to_contain_text(FATMA)
    expect(page.locator("#history")).to_contain_text("toets: grondslag")
    axe(page)

    page.goto("/signaleringen")  # the schedule stops; its alerts stay
    with page.expect_navigation():
        page.locator("tr", has_text=SAVED["name"]).get_by_role(
            "button", name=re.compile("Stoppen")).click()
    expect(page.locator("tr", has_text=SAVED["name"])).to_have_count(0)
    expect(page.locator("section.alert")).to_have_count(hits - 2)

    page.goto("/casussen")
    expect(page.locator("table")).to_contain_text("in behandeling")
    axe(page)
    page.goto("/adres/0479200000000004")
    cases = page.locator("#casussen")
    expect(cases.get_by_role("link", name="Dorpsweg 5 triage")).to_have_attribute("href", case_path)
    axe(page)
