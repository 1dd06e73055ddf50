"""Pages a case preparer can read, in chromium: every page kind (overview, address, person,
company, network) shows no raw JSON and no model property name, with every section opened;
identities are named, not quoted as `bsn:` keys; the overview and the busiest address fit in
3,000 px at 1400 px wide with every section one table-of-contents link away; the timeline is
drawn and zooms from the keyboard. Each page passes an axe scan."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from graph import vocabulary
from tests.browser.conftest import Live
from tests.browser.helpers import axe, login, path_of
from tests.browser.test_entity_pages import state_purpose

WIDE = {"width": 1400, "height": 900}
MAX_HEIGHT = 3000
RAW_JSON = re.compile(r"[{\[]\s*\"|\"\w+\"\s*:")
# Property names that are also the Dutch label (or a Dutch word) are not a leak when shown.
DUTCH_TOO = frozenset({"status", "score", "kind", "bibob"})
LABELS = ("main th, main dt, main h1, main h2, main h3, main summary, main .badge, main label, "
          "main legend, main caption, main .summary-label, main ul.flags strong")
OPEN_ALL = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"


def model_property_names() -> set[str]:
    """Every property of the data model's labels and relationship types (application records
    aside), as a reader must never see them."""
    names = {p for e in vocabulary.elements().values() if not e.application for p in e.properties}
    # What the networks step writes beside the declared ones (networks/write.cypher).
    names |= {"features", "keyFigures", "component", "addresses", "persons", "companies"}
    return names - DUTCH_TOO


def with_network(live: Live) -> str:
    """The hand-made town has no network of its own: the network route's fixture (two members,
    a flag quoting them by key), with the facts the networks step writes beside its score."""
    live.graph.write("api/test_network")
    live.graph.write("pages/test_network_features")
    return "/netwerk/net-1"


def page_kinds(page: Page, network: str) -> list[str]:
    """The overview and one page of each kind, found by following the pages' own links."""
    page.goto("/")
    found = ["/"]
    for prefix in ("/adres/", "/bedrijf/", "/persoon/"):
        link = page.locator(f"main a[href^='{prefix}']").first
        if link.count():
            found.append(str(link.get_attribute("href")))
    return found + ["/adres/0479200000000001", "/persoon/bsn:123456782", network,
                    "/dossier/bsn:123456782", "/dossier/" + network.replace("/netwerk/", "netwerk:"),
                    "/zoeken?q=kerkstraat", "/monitor"]


def test_no_raw_json_or_model_property_name_on_any_page_kind(page: Page, live: Live) -> None:
    names = model_property_names()
    assert len(names) > 60 and {"floorArea", "canonicalKey", "computedAt"} <= names
    words = re.compile(r"\b(" + "|".join(sorted(names, key=len, reverse=True)) + r")\b")
    camel = re.compile(r"\b(" + "|".join(n for n in names if n != n.lower()) + r")\b")
    login(page, "cas")
    state_purpose(page)
    paths = page_kinds(page, with_network(live))
    kinds = {p.split("/")[1] for p in paths}
    assert {"", "adres", "bedrijf", "persoon", "netwerk"} <= kinds, paths
    for path in paths:
        page.goto(path)
        page.evaluate(OPEN_ALL)
        text = page.inner_text("main")
        assert not RAW_JSON.search(text), (path, RAW_JSON.search(text))
        # A camelCase name never occurs in prose; any name must not be a label (a header, a
        # term, a heading, a badge). Values may be data in any language (a matcher's note).
        labels = "\n".join(page.locator(LABELS).all_inner_texts())
        for where, found in (("label", words.search(labels)), ("text", camel.search(text))):
            assert found is None, (path, where, found and found.string[
                max(found.start() - 60, 0):found.end() + 20])
        # An identity-seeing role reads names: no person shown by a `bsn:` key.
        assert not re.search(r"bsn:\d{9}", text), (path, re.findall(r".{40}bsn:\d{9}", text))
        axe(page)


def test_a_network_states_its_facts_in_dutch_and_names_whom_its_evidence_quotes(
        page: Page, live: Live) -> None:
    network = with_network(live)
    login(page, "cas")
    state_purpose(page)
    page.goto(network)
    facts = page.locator("#gegevens table.facts")
    expect(facts).to_contain_text("Wat de score opbouwt")
    sentences = facts.locator("ul.sentences li")
    expect(sentences.first).to_contain_text("0,95 van 1")
    expect(facts).to_contain_text("50% van de bedrijven bestond korter dan een jaar.")
    expect(facts).to_contain_text("1 mei 2026, 10:30")
    expect(facts.get_by_role("link", name="Jan van der Berg")).to_have_attribute(
        "href", "/persoon/bsn:123456782")  # a key figure, by name
    page.locator("#vlaggen details summary").first.click()
    evidence = page.locator("#vlaggen dl.evidence")
    expect(evidence.get_by_role("link", name="Jan van der Berg")).to_be_visible()
    assert "bsn:" not in evidence.inner_text()
    axe(page)

    login(page, "anna")  # pseudonymised: the same evidence names the person by pseudonym
    state_purpose(page)
    page.goto(network)
    page.evaluate(OPEN_ALL)
    text = page.inner_text("#vlaggen")
    assert "pseudo:" in text and "Jan van der Berg" not in text and "123456782" not in text


def test_overview_and_busiest_address_fit_and_every_section_is_reachable(
        page: Page, live: Live) -> None:
    busiest = live.graph.read("pages/test_busiest_address")[0]["key"]
    page.set_viewport_size(WIDE)
    login(page, "cas")
    state_purpose(page)
    for path in ("/", "/adres/" + busiest.partition(":")[2]):
        page.goto(path)
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < MAX_HEIGHT, (path, height)
        links = page.locator("nav.toc a")
        assert links.count() >= 6
        for i in range(links.count()):
            target = str(links.nth(i).get_attribute("href"))
            links.nth(i).focus()
            page.keyboard.press("Enter")
            expect(page.locator(target)).to_be_in_viewport()
            assert page.evaluate(
                "id => !document.getElementById(id).closest('details:not([open])')",
                target[1:]), (path, target)
        axe(page)


def test_the_timeline_is_drawn_and_zooms_from_the_keyboard(page: Page) -> None:
    login(page, "cas")
    state_purpose(page)
    page.goto("/adres/0479200000000001")
    marks = page.locator("#tijdlijn-svg svg rect.tl-bar, #tijdlijn-svg svg circle.tl-point")
    events = page.locator("#tijdlijn ol.timeline > li").count()
    assert events > 0 and marks.count() == events
    full = page.evaluate("window.speurnetTimeline.view()")
    page.get_by_role("button", name="Inzoomen").focus()
    page.keyboard.press("Enter")
    zoomed = page.evaluate("window.speurnetTimeline.view()")
    assert zoomed[1] - zoomed[0] < (full[1] - full[0]) * 0.6
    page.get_by_role("button", name="Alles tonen").press("Enter")
    assert page.evaluate("window.speurnetTimeline.view()") == full
    expect(page.locator("#tijdlijn-bereik")).to_contain_text("Getoond:")
    assert path_of(page) == "/adres/0479200000000001"
    axe(page)
