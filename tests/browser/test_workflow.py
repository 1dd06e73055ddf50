"""The officers' workflow in chromium across two teams: put an address on a watch list, the other
team does the same and both see the deconfliction message, a note with markup stays text, an
inspection outcome is recorded; and every other page (overview with its map, search, watch
lists, inbox, monitor, investigations with a run and a download, match review) passes axe."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import TIMEOUT_MS, Live
from tests.browser.helpers import axe, login, path_of

PURPOSE = "zaak Z-2026-077"
ADDRESS = "/adres/0479200000000001"


def state_purpose(page: Page) -> None:
    page.fill("#purpose-input", PURPOSE)
    with page.expect_navigation():
        page.click("section.purpose button[type=submit]")


def watch_on_new_list(page: Page, name: str) -> None:
    page.goto(ADDRESS)
    page.fill("#new-list", name)
    with page.expect_navigation():
        page.locator("form.watch", has=page.locator("#new-list")).get_by_role(
            "button", name="Maken").click()
    assert path_of(page) == ADDRESS
    expect(page.locator(".collab")).to_contain_text("U volgt dit op:")


def unread_in_menu(page: Page) -> int:
    """The count beside "Berichten" in the menu (read with its hidden words, as a screen reader
    says it: "Berichten 2 ongelezen"); 0 when the menu shows none."""
    text = page.locator("header.top nav a[href='/berichten']").text_content() or ""
    found = re.search(r"(\d+) ongelezen", text)
    return int(found.group(1)) if found else 0


def test_two_teams_watch_one_address_and_both_are_told(page: Page, browser: Browser,
                                                        live: Live) -> None:
    login(page, "cas")
    state_purpose(page)
    watch_on_new_list(page, "Wijkteam Dorpsweg")
    # A case preparer of the police, in a browser of their own, watches the same address.
    other = browser.new_context(base_url=live.url, locale="nl-NL")
    other.set_default_timeout(TIMEOUT_MS)
    try:
        police = other.new_page()
        login(police, "paul")
        state_purpose(police)
        watch_on_new_list(police, "Politie Zaandam")
        expect(police.locator(".collab .error")).to_contain_text("team-gemeente")
        police.goto("/berichten")
        expect(police.locator("table")).to_contain_text("Afstemming")
    finally:
        other.close()
    page.goto("/berichten")
    expect(page.locator("table")).to_contain_text("Afstemming")
    expect(page.locator("table")).to_contain_text("team-politie")
    axe(page)
    unread = unread_in_menu(page)
    assert unread >= 1  # the menu counts what is unread
    with page.expect_navigation():
        page.get_by_role("button", name="Markeer als gelezen").first.click()
    assert unread_in_menu(page) == unread - 1
    page.goto("/volglijsten")
    expect(page.get_by_role("heading", name=re.compile("Wijkteam Dorpsweg"))).to_be_visible()
    axe(page)


def test_a_note_stays_text_and_an_outcome_is_recorded(page: Page) -> None:
    login(page, "cas")
    state_purpose(page)
    page.goto(ADDRESS)
    page.fill("#note-text", "<img src=x onerror=alert(1)> achterom <b>open</b>")
    with page.expect_navigation():
        page.get_by_role("button", name="Notitie opslaan").click()
    expect(page.locator(".note-text").filter(has_text="achterom")).to_have_text(
        "<img src=x onerror=alert(1)> achterom <b>open</b>")
    assert page.locator(".note-text img, .note-text b").count() == 0
    page.select_option("#outcome-result", "overtreding")
    page.fill("#outcome-date", "2026-05-02")
    page.fill("#outcome-text", "vier bedden in de woonkamer")
    with page.expect_navigation():
        page.get_by_role("button", name="Uitkomst vastleggen").click()
    expect(page.locator(".collab table")).to_contain_text("vier bedden in de woonkamer")
    axe(page)


def test_overview_map_search_and_monitor_pages(page: Page) -> None:
    login(page, "anna")
    state_purpose(page)
    page.goto("/")
    page.wait_for_selector("#map .leaflet-interactive")  # the points, drawn without any tiles
    axe(page)
    page.goto("/zoeken?q=Dorpsweg")
    expect(page.locator("table a[href^='/adres/']").first).to_be_visible()
    axe(page)
    page.goto("/monitor")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Monitor")
    axe(page)


def test_run_an_investigation_see_table_and_graph_and_download(page: Page) -> None:
    login(page, "cas")
    state_purpose(page)
    page.goto("/onderzoeken")
    axe(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Bewoners van een adres door de tijd").click()
    page.fill("#p-nummeraanduiding_id", "0479200000000001")
    with page.expect_navigation():
        page.get_by_role("button", name="Uitvoeren").click()
    expect(page.locator("table").last.locator("a[href^='/persoon/']").first).to_be_visible()
    page.wait_for_function("() => document.querySelector('#result-graph canvas') !== null")
    axe(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    assert download.value.suggested_filename == "residents_over_time.csv"


def test_match_review_page(page: Page) -> None:
    login(page, "cas")
    state_purpose(page)
    page.goto("/koppelingen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Twijfelachtige koppelingen")
    axe(page)
