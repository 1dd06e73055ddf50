"""Logging in and out through the pages, in chromium: the form, its Dutch error, the redirect of
a visitor without a session, and an accessibility scan of the login page and the overview."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.helpers import BrowserErrors, axe, login, logout, path_of


def test_an_officer_logs_in_sees_the_overview_and_logs_out(page: Page) -> None:
    login(page, "olga")
    assert path_of(page) == "/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht")
    logout(page)
    assert path_of(page).startswith("/login")
    # The session is over: the overview sends the browser back to the login form.
    page.goto("/")
    assert path_of(page) == "/login?next=/"


def test_a_wrong_password_shows_the_dutch_error(page: Page,
                                                browser_errors: BrowserErrors) -> None:
    # The form comes back with status 401, which chromium reports in the console.
    browser_errors.allow(r"status of 401 .*/login\)$")
    login(page, "olga", "niet-het-wachtwoord", check=False)
    assert path_of(page).startswith("/login")
    expect(page.get_by_role("alert")).to_contain_text("Naam of wachtwoord klopt niet")
    axe(page)


def test_a_visitor_without_a_session_is_sent_to_the_login_form(page: Page) -> None:
    page.goto("/")
    assert path_of(page) == "/login?next=/"
    expect(page.get_by_label("Wachtwoord")).to_be_visible()
    axe(page)


def test_the_overview_has_no_serious_accessibility_violation(page: Page) -> None:
    login(page, "cas")
    axe(page)
