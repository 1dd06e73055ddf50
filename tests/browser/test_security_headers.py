"""The Content-Security-Policy in chromium: every main page, with its map, network view,
investigation graph and watch form at work, breaks none of it (no `securitypolicyviolation`
event, no console error), and each answer carries the security headers."""

from __future__ import annotations

from playwright.sync_api import Page, Response, expect

from tests.browser.conftest import Live
from tests.browser.helpers import login
from tests.browser.test_workflow import ADDRESS, state_purpose

# Runs in every document before its own scripts (through the DevTools protocol, which the
# policy does not govern), so a violation during page load is caught too.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
"""


def violations(page: Page) -> list[str]:
    found: list[str] = page.evaluate("window.__cspViolations || []")
    return found


def visit(page: Page, path: str) -> None:
    answer: Response | None = page.goto(path)
    assert answer is not None and answer.ok, path
    headers = answer.headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"], path
    assert (headers["x-frame-options"], headers["x-content-type-options"],
            headers["referrer-policy"], headers["cache-control"]) == (
        "DENY", "nosniff", "no-referrer", "no-store"), path


def test_the_main_pages_break_no_content_security_policy(page: Page, live: Live) -> None:
    page.context.add_init_script(LISTEN)
    login(page, "cas")
    state_purpose(page)
    bearer = {"Authorization": f"Bearer {live.tokens['cas']}"}
    for name in ("CSP lijst een", "CSP lijst twee"):  # two lists, so the watch form has a choice
        made = page.request.post(f"{live.url}/api/watchlists", headers=bearer,
                                 data={"name": name})
        assert made.status == 201, made.text()
    checks = {
        "/": "#map .leaflet-interactive",
        "/zoeken?q=Dorpsweg": "table a[href^='/adres/']",
        ADDRESS: "#netwerk canvas",
        "/persoon/bsn:123456782": "#netwerk canvas",
        "/bedrijf/87654321": "#netwerk canvas",
        "/volglijsten": "h1",
        "/berichten": "h1",
        "/koppelingen": "h1",
        "/monitor": "h1",
        "/onderzoeken": "h1",
        "/dossier/adres:0479200000000001": "h1",
    }
    for path, ready in checks.items():
        visit(page, path)
        page.wait_for_selector(ready)
        assert violations(page) == [], path
    # The investigation's graph (cytoscape) and the watch form's script (api/static/collab.js).
    visit(page, "/onderzoeken/residents_over_time")
    page.fill("#p-nummeraanduiding_id", "0479200000000001")
    with page.expect_navigation():
        page.get_by_role("button", name="Uitvoeren").click()
    page.wait_for_function("() => document.querySelector('#result-graph canvas') !== null")
    assert violations(page) == []
    visit(page, ADDRESS)
    choice = page.locator("#watch-list option").last
    page.select_option("#watch-list", value=choice.get_attribute("value"))
    expect(page.locator("#watch-button")).to_have_attribute(
        "formaction", f"/volglijsten/{choice.get_attribute('value')}/toevoegen")
    assert violations(page) == []
