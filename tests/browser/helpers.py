"""What browser tests do with a page: log in and out through the real forms, scan with axe-core.

Tests import these (`from tests.browser.helpers import axe, login`); the fixtures that start the
app and the browser are in conftest.py beside this file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Page

from graph.settings import ROOT
from tests.integration.access_setup import PASSWORD, USERS

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")  # axe impacts that fail a test (WCAG 2.1 AA is the aim)
__all__ = ["PASSWORD", "USERS", "BrowserErrors", "axe", "login", "logout", "path_of"]


@dataclass
class BrowserErrors:
    """Console errors and uncaught exceptions of one test's pages; `allow` one that is expected."""

    seen: list[str] = field(default_factory=list)
    # chromium asks every site for /favicon.ico on its own and logs the 404 of one without it.
    allowed: list[re.Pattern[str]] = field(
        default_factory=lambda: [re.compile(r"status of 404 .*/favicon\.ico\)$")])

    def allow(self, pattern: str) -> None:
        self.allowed.append(re.compile(pattern))

    def unexpected(self) -> list[str]:
        return [e for e in self.seen if not any(p.search(e) for p in self.allowed)]


def login(page: Page, user: str, password: str = PASSWORD, check: bool = True) -> None:
    """Log in through the real /login form; with `check`, fail unless it let the user in."""
    if not page.url.split("?")[0].endswith("/login"):
        page.goto("/login")
    page.fill("input[name=name]", user)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form[action='/login'] [type=submit]")
    if check:
        assert not path_of(page).startswith("/login"), f"{user} could not log in ({page.url})"


def logout(page: Page) -> None:
    """Log out with the page's own logout button (a POST form, as a link could be forged)."""
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("uitloggen", re.IGNORECASE)).click()


def axe(page: Page, disable: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Scan the page with axe-core; fail on a serious or critical violation. Returns them all."""
    if not page.evaluate("typeof window.axe === 'object'"):
        # evaluate, not an inline <script>: a Content-Security-Policy may rightly forbid those.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    options: dict[str, Any] = {"resultTypes": ["violations"],
                               "rules": {rule: {"enabled": False} for rule in disable}}
    violations: list[dict[str, Any]] = page.evaluate(
        "options => axe.run(document, options).then(r => r.violations)", options)
    blocking = [v for v in violations if v.get("impact") in BLOCKING]
    assert not blocking, f"accessibility violations on {path_of(page)}:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}; at "
        + ", ".join(" ".join(n["target"]) for n in v["nodes"][:5]) for v in blocking)
    return violations


def path_of(page: Page) -> str:
    """The page's path and query, without scheme and host."""
    parts = page.url.split("/", 3)
    return "/" + parts[3] if len(parts) == 4 else "/"
