"""First visitors of a freshly started server: several at once, none may see a crash.

Why: Streamlit runs each session's script in its own thread, and the first run of a fresh
process is the one that imports pandas, Plotly, pyarrow… When several first visitors
arrive together, one thread can find a module half-imported by another
(``AttributeError: partially initialized module 'pandas' has no attribute 'Series'``):
"This app has encountered an error" after every restart and every rolling deploy (issue 13).
``app.py`` now imports the heavy libraries once per process before any page runs
(:mod:`ui.preload`).

Each try starts a new server process (the race exists only before the first imports) and
opens eight first visitors at once, each in its own browser context (no shared cookies or
sessions): four on What if, the others on the calculator, Compare and Tax. Every page must
finish without an exception and show its figure. Before the fix, every try failed this way
(What if pages showed the error); with fresh browser caches the eight sessions arrive seconds
apart and only about one try in three met the race, so the browsers load the app's scripts
first from a throwaway server on the same address, as returning visitors after a restart.
"""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bench.common import LINK, free_port, start_server
from tests.ops.conftest import wait_for_app

pytestmark = pytest.mark.browser

TRIES = 3
#: (path, what the page's figure is): four What if visitors, one on each other page.
VISITS = [
    ("/whatif", "stPlotlyChart"),
    ("/whatif", "stPlotlyChart"),
    ("/whatif", "stPlotlyChart"),
    ("/whatif", "stPlotlyChart"),
    ("/", "stPlotlyChart"),
    ("/", "stPlotlyChart"),
    ("/compare", "stPlotlyChart"),
    ("/tax", "stMetric"),
]
CRASH_TEXT = "This app has encountered an error"


def _problems(page: Page, path: str, figure: str) -> list[str]:
    """What is wrong with one visitor's page after its first run (empty: nothing)."""
    found = []
    exceptions = page.locator("[data-testid='stException']")
    if exceptions.count():
        found.append(f"{path}: exception: {exceptions.first.inner_text()[:300]!r}")
    if page.get_by_text(CRASH_TEXT).count():
        found.append(f"{path}: {CRASH_TEXT!r}")
    if not page.get_by_test_id(figure).first.is_visible():
        found.append(f"{path}: no {figure}")
    return found


def _open_together(pages: list[Page], urls: list[str]) -> None:
    """Start every navigation without waiting for any (``page.goto`` would wait for each)."""
    for page, url in zip(pages, urls, strict=True):
        page.evaluate("url => { window.location.href = url; }", url)


@pytest.mark.parametrize("attempt", range(TRIES))
def test_eight_first_visitors_at_once_on_a_fresh_server(browser: Browser, attempt: int) -> None:
    port = free_port()
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in VISITS]
    pages = [context.new_page() for context in contexts]
    urls = [f"http://127.0.0.1:{port}{path}?{LINK}" for path, _figure in VISITS]
    server = None
    try:
        # A restart, as after a deploy: the visitors' browsers already hold the app's
        # scripts (loaded here from a throwaway server on the same address, killed at once),
        # so their sessions reach the new process together rather than one bundle
        # download apart; the new process has imported nothing for a page yet.
        previous = start_server(port=port)
        for page, url in zip(pages, urls, strict=True):
            page.goto(url, wait_until="load")
        for page in pages:
            page.goto("about:blank")
        previous.proc.kill()
        previous.stop()
        server = start_server(port=port)

        _open_together(pages, urls)
        problems: list[str] = []
        for page, (path, figure) in zip(pages, VISITS, strict=True):
            wait_for_app(page, timeout=45_000)
            if not page.locator("[data-testid='stException']").count():
                with contextlib.suppress(PlaywrightTimeoutError):  # reported by _problems
                    page.get_by_test_id(figure).first.wait_for(state="visible", timeout=15_000)
            problems += _problems(page, path, figure)
        assert not problems, f"try {attempt + 1} of {TRIES}: " + "; ".join(problems)
    finally:
        for context in contexts:
            context.close()
        if server is not None:
            server.stop()
