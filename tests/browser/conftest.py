"""Browser tests: Playwright drives Debian's chromium against the real app on the real Neo4j.

Fixture strategy, cheapest first: one chromium and one live app per session (`browser`, `live`:
the hand-made town of tests/town.py loaded, matched and analysed, the users of
tests/integration/access_setup.py made, `create_app(settings)` served by uvicorn in a thread on a
free port; about 20 s, paid once). So tests share one town: they read it, or write only what they
then check (their own note, their own watch list), never assume what another test wrote. Per test
a fresh browser context (`page`, no cookies shared) that fails the test on any console error or
uncaught page error (`browser_errors.allow(regex)` for one a test expects), and leaves a
screenshot of its last page in .speurnet/artifacts/screenshots/<test>.png. chromium comes from
Debian (no browser download is possible): SPEURNET_CHROMIUM, default /usr/bin/chromium. Without
it the tests are skipped, except under CI (CI=true), where they fail: CI never skips them silently.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from api.app import create_app
from graph.db import Graph
from graph.settings import ROOT, Settings
from investigations.analysis import analyze
from investigations.matching.run import run as run_matching
from tests.browser.helpers import AXE, BrowserErrors
from tests.integration.access_setup import load_town, make_users

CHROMIUM = Path(os.environ.get("SPEURNET_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = ROOT / ".speurnet" / "artifacts" / "screenshots"
AS_OF = date(2026, 6, 1)  # after every date in the hand-made town
TIMEOUT_MS = 15_000  # generous for 2 busy cores; a healthy page answers in well under a second
expect.set_options(timeout=TIMEOUT_MS)  # assertions keep their own 5 s otherwise


@dataclass
class Live:
    """The running app: its base URL, the graph behind it and the users' API tokens."""

    url: str
    graph: Graph
    tokens: dict[str, str]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless chromium from Debian's package, launched by path."""
    if not CHROMIUM.is_file():
        reason = (f"chromium not found at {CHROMIUM} (install Debian's chromium with "
                  "`make setup`, or set SPEURNET_CHROMIUM)")
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reason + "; CI must not skip the browser tests", pytrace=False)
        pytest.skip(reason)
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `make setup` (npm ci)",
                    pytrace=False)
    with sync_playwright() as playwright:
        found = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield found
        found.close()


@pytest.fixture(scope="session")
def live(browser: Browser, session_graph: Graph, settings: Settings,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """The town, analysed, with its users, served by the real app until the session ends."""
    load_town(session_graph, tmp_path_factory.mktemp("browser-town") / "town")
    run_matching(session_graph, full=True)
    analyze(session_graph, AS_OF)
    tokens = make_users(session_graph)
    with serve(settings) as url:
        yield Live(url, session_graph, tokens)


@pytest.fixture()
def browser_errors() -> BrowserErrors:
    return BrowserErrors()


@pytest.fixture()
def page(browser: Browser, live: Live, browser_errors: BrowserErrors,
         request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page in a fresh context on the live app; relative URLs go to it (`page.goto("/")`)."""
    context = browser.new_context(base_url=live.url, locale="nl-NL",
                                  viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    found = context.new_page()
    found.on("console", lambda m: _console(browser_errors, m))
    found.on("pageerror", lambda e: browser_errors.seen.append(f"page error: {e}"))
    yield found
    try:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
        found.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    finally:
        context.close()
    unexpected = browser_errors.unexpected()
    assert not unexpected, "errors in the browser console:\n" + "\n".join(unexpected)


def _console(errors: BrowserErrors, message: ConsoleMessage) -> None:
    if message.type == "error":
        where = message.location.get("url", "")
        errors.seen.append(f"console error: {message.text} ({where})")


@contextmanager
def serve(settings: Settings) -> Iterator[str]:
    """The app under uvicorn in a thread on a free local port, until the block ends."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        # uvicorn leaves signal handling to the main thread (pytest) when run in another one.
        server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the app did not start on {url}")
            time.sleep(0.05)
        try:
            yield url
        finally:
            server.should_exit = True
            thread.join(timeout=15)
