"""Front-end files come from npm through the app, never from a CDN, and only behind login (but
the login page's stylesheet): they load and run in chromium, and a missing install is a 404 with
a log line, not a broken start."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from api.routes import assets
from tests.browser.helpers import BrowserErrors, login

VENDOR = ("cytoscape.min.js", "leaflet.js", "leaflet.css", "images/marker-icon.png")


def test_vendor_files_need_a_login_and_then_load_in_the_browser(page: Page) -> None:
    for name in VENDOR:
        assert page.request.get(f"/static/vendor/{name}").status == 401
    login(page, "olga")
    for name in VENDOR:
        assert page.request.get(f"/static/vendor/{name}").status == 200
    page.add_script_tag(url="/static/vendor/cytoscape.min.js")
    page.add_script_tag(url="/static/vendor/leaflet.js")
    assert page.evaluate("typeof cytoscape === 'function' && typeof L.map === 'function'")


def test_only_listed_package_files_are_served(page: Page) -> None:
    login(page, "olga")
    for name in ("../package.json", "axe-core/axe.min.js", "leaflet/package.json"):
        assert page.request.get(f"/static/vendor/{name}").status == 404
    assert page.request.get("/static/../pyproject.toml").status == 404


def test_the_login_stylesheet_is_public_and_the_rest_is_not(page: Page) -> None:
    own = assets.OWN / "app.css"
    assert page.request.get("/static/app.css").status == (200 if own.is_file() else 404)
    assert page.request.get("/static/app.js").status == 401


def test_without_the_npm_packages_a_vendor_url_answers_404_with_a_log_line(
        page: Page, browser_errors: BrowserErrors, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(assets, "PACKAGES", tmp_path)  # the live app runs in this process
    browser_errors.allow(r"status of 404 .*/static/vendor/")  # pages using them show it too
    # and, under X-Content-Type-Options: nosniff, refuse the 404's JSON as script or style.
    browser_errors.allow(r"Refused to (execute script|apply style) from .*/static/vendor/")
    login(page, "olga")
    response = page.request.get("/static/vendor/leaflet.js")
    assert response.status == 404
    assert "not installed" in response.json()["detail"]
    assert "npm ci" in caplog.text
