"""Entity pages in chromium: state a purpose, search an address, open it, the network view draws
and grows when a node is clicked (or chosen with the keyboard), a resident's link leads to the
person page, the dossier opens with its diagram; each page passes an axe scan, and the console
stays clean (the `page` fixture checks that)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.helpers import axe, login, path_of

PURPOSE = "zaak Z-2026-041"
ADDRESS = "Kerkstraat 12-2, 1501AB Zaandam"


def state_purpose(page: Page, purpose: str = PURPOSE) -> None:
    page.fill("#purpose-input", purpose)
    with page.expect_navigation():
        page.click("section.purpose button[type=submit]")
    expect(page.locator("section.purpose .current")).to_contain_text(purpose)


def node_count(page: Page) -> int:
    count: int = page.evaluate("window.speurnetNetwork.nodes().length")
    return count


def wait_for_network(page: Page) -> int:
    # Functions, not expressions: Playwright polls an expression with eval() in the page, which
    # the Content-Security-Policy rightly refuses.
    page.wait_for_function(
        "() => window.speurnetNetwork && window.speurnetNetwork.nodes().length > 1")
    return node_count(page)


NEXT_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def click_node(page: Page, node_id: str) -> None:
    """A real mouse click on the node where cytoscape drew it. cytoscape caches where its
    container is and forgets it on the next scroll event, which the browser sends with the next
    frame: the click waits for two frames after scrolling (and after the axe scan, which scrolls
    too), or it could land where the container was before. The click must select the node."""
    page.locator("#netwerk").scroll_into_view_if_needed()
    page.evaluate(NEXT_FRAMES)
    box = page.locator("#netwerk").bounding_box()
    assert box is not None
    spot = page.evaluate("id => window.speurnetNetwork.getElementById(id).renderedPosition()",
                         node_id)
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    page.wait_for_function("id => window.speurnetNetwork.getElementById(id).selected()", arg=node_id)


def test_search_open_an_address_expand_its_network_follow_a_resident_open_the_dossier(
        page: Page) -> None:
    login(page, "cas")
    state_purpose(page)
    page.goto("/zoeken?q=kerkstraat 12")
    with page.expect_navigation():
        page.get_by_role("link", name=ADDRESS).click()
    assert path_of(page) == "/adres/0479200000000001"
    expect(page.get_by_role("heading", level=1)).to_have_text(ADDRESS)
    page.locator("nav.toc").get_by_role("link", name=re.compile("^Verbanden")).click()
    expect(page.get_by_role("heading", name="Bewoners (BRP-inschrijvingen)")).to_be_visible()
    before = wait_for_network(page)
    axe(page)

    # The owner company's neighbours (its other address, its officer) are not on the page yet.
    click_node(page, "kvk:87654321")
    page.wait_for_function(f"() => window.speurnetNetwork.nodes().length > {before}")
    assert page.evaluate("window.speurnetNetwork.getElementById('adres:0479200000000003')"
                         ".nonempty()")
    expect(page.locator("#netwerk-open")).to_have_attribute("href", "/bedrijf/87654321")

    with page.expect_navigation():
        page.locator("section.group").get_by_role("link", name="Jan van der Berg").click()
    assert path_of(page) == "/persoon/bsn:123456782"
    expect(page.get_by_role("heading", level=1)).to_have_text("Jan van der Berg")
    wait_for_network(page)
    axe(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Dossier", exact=True).click()
    assert path_of(page) == "/dossier/bsn:123456782"
    expect(page.locator("svg.diagram circle").first).to_be_visible()
    expect(page.locator(".dossier-purpose")).to_have_text(PURPOSE)
    axe(page)
    pdf = page.request.get("/dossier/bsn:123456782.pdf", timeout=60_000)  # the first render
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")


def test_the_network_grows_from_the_keyboard_and_pages_with_meer_laden(page: Page) -> None:
    login(page, "paul")
    state_purpose(page)
    page.goto("/bedrijf/87654321")
    before = wait_for_network(page)
    page.select_option("#netwerk-knoop", "adres:0479200000000001")
    page.get_by_role("button", name="Buren tonen").press("Enter")
    page.wait_for_function(f"() => window.speurnetNetwork.nodes().length > {before}")
    expect(page.locator("#netwerk-status")).to_contain_text(re.compile(r"\d+ knopen"))
    axe(page)


def test_pages_of_a_pseudonymised_analyst_show_no_identity(page: Page) -> None:
    login(page, "anna")
    state_purpose(page)
    page.goto("/adres/0479200000000001")
    wait_for_network(page)
    page.locator("nav.toc").get_by_role("link", name=re.compile("^Verbanden")).click()
    resident = page.locator("section.group a[href^='/persoon/pseudo:']").first
    with page.expect_navigation():
        resident.click()
    assert path_of(page).startswith("/persoon/pseudo:")
    text = page.content()
    for secret in ("123456782", "111222333", "Jan van der Berg", "Piet Jansen", "1981-03-04"):
        assert secret not in text
    expect(page.locator(".note").first).to_contain_text("pseudoniem")
    axe(page)


def test_a_signal_with_script_shows_as_text(page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    login(page, "paul")  # the police see their own private signal
    state_purpose(page)
    page.goto("/adres/0479200000000001")
    wait_for_network(page)
    assert not dialogs
    page.locator("nav.toc").get_by_role("link", name=re.compile("^Verbanden")).click()
    expect(page.get_by_text("<script>alert(1)</script> veel fietsen").first).to_be_visible()
    assert page.evaluate("document.querySelectorAll('main script:not([src]):not([type])').length") == 0
