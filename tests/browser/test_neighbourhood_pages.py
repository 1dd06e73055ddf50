"""The neighbourhood picture in chromium, for a policy advisor (a role without personal data):
the hotspot text with its test and chance, a tile-free map that takes the colours of the chosen
figure, and the buurt page; each page passes an axe scan.

The hand-made town has two buurten; the test adds a year of monthly counts of its own category
(a steady one in Oost, a rise in Centrum's last month) as a buurt_cijfers.csv load, and reads
only what it loaded.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from investigations.access import users
from loaders.load import load
from tests.browser.conftest import Live
from tests.browser.helpers import PASSWORD, axe, login, path_of

CATEGORY, SLUG = "straatoverlast test", "straatoverlast-test-politie"
CENTRUM, OOST = "BU04790101", "BU04790102"


@pytest.fixture(scope="module")
def figures(live: Live, tmp_path_factory: pytest.TempPathFactory) -> Live:
    folder = tmp_path_factory.mktemp("buurtcijfers")
    steady = (9, 11, 10, 12, 9, 10, 11, 8, 10, 12, 9, 11, 10)
    rows = [["buurtcode", "periode", "bron", "categorie", "waarde"]]
    for i, count in enumerate(steady):
        period = f"{2025 + (i + 4) // 12}-{(i + 4) % 12 + 1:02d}"  # 2025-05 .. 2026-05
        rows.append([OOST, period, "politie", CATEGORY, str(count)])
        rows.append([CENTRUM, period, "politie", CATEGORY, str(40 if i == 12 else count + 1)])
    with open(Path(folder) / "buurt_cijfers.csv", "w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows)
    load(live.graph, folder, Path(folder) / "reports")
    users.add_user(live.graph, "beleid", "policy_advisor", PASSWORD, partner="gemeente")
    return live


def fill(page: Page, code: str) -> str:
    return str(page.locator(f"#buurtkaart rect[data-buurt='{code}']").first.get_attribute("fill"))


def test_buurten_page_shows_hotspot_and_a_map_coloured_by_the_chosen_figure(
        page: Page, figures: Live) -> None:
    login(page, "beleid")
    page.goto("/buurten")
    expect(page.get_by_role("heading", name="Buurtbeeld", level=1)).to_be_visible()
    # Only the figures are on the menu: no search, no person, no watch list.
    expect(page.get_by_role("link", name="Buurten")).to_have_attribute("aria-current", "page")
    for other in ("Zoeken", "Onderzoeken", "Volglijsten", "Monitor"):
        expect(page.get_by_role("link", name=other, exact=True)).to_have_count(0)
    expect(page.get_by_role("search")).to_have_count(0)
    axe(page)
    # Choosing is not enough (WCAG 3.2.2: a choice does not change the page by itself): "Toon".
    page.select_option("#cijfer", "adressen")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url("**/buurten?cijfer=adressen")
    before = fill(page, CENTRUM)
    assert before == fill(page, OOST)  # two addresses each: both withheld, one grey
    page.select_option("#cijfer", SLUG)
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url(f"**/buurten?cijfer={SLUG}")
    assert fill(page, CENTRUM) != before and fill(page, CENTRUM) != fill(page, OOST)
    expect(page.locator("#buurtkaart g title")).to_have_text(["Centrum: 40", "Oost: 10"])
    hotspot = page.locator("ul.hotspots li", has_text="Straatoverlast test (politie): 40 in 2026-05")
    expect(hotspot).to_contain_text("Centrum")
    expect(hotspot).to_contain_text("per maand in de 12 maanden ervoor; kans bij toeval")
    expect(hotspot).to_contain_text("Poisson-toets, eenzijdig, gecorrigeerd voor")
    expect(page.locator("ul.hotspots li", has_text="Oost")).to_have_count(0)
    expect(page.locator("#buurttabel tfoot td").last).to_have_text("50")
    image = page.locator("img.chart")
    expect(image).to_have_attribute("alt", "Grafiek van Straatoverlast test (politie) in de "
                                           "gemeente per maand; de cijfers staan in de tabel.")
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", image.element_handle())
    axe(page)


def test_buurt_page_shows_its_trends_against_the_town_and_its_hotspot(
        page: Page, figures: Live) -> None:
    login(page, "beleid")
    page.goto(f"/buurt/{CENTRUM}")
    expect(page.get_by_role("heading", name="Buurt Centrum", level=1)).to_be_visible()
    expect(page.locator("ul.hotspots li")).to_contain_text("kans bij toeval")
    section = page.locator(f"section:has(h3#c-{SLUG})")
    expect(section.locator("tbody tr").first.locator("td").last).to_have_text("40")
    expect(section.locator("tbody tr").nth(1).locator("td").last).to_have_text("25,0")
    axe(page)
    page.get_by_role("link", name="Alle buurten").click()
    assert path_of(page) == "/buurten"
