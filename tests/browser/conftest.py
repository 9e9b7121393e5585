"""Real-browser fixtures: a `streamlit run` server on a free port and Debian's Chromium.

Playwright cannot download browsers on this machine; it drives /usr/bin/chromium (installed
by `make test`). Background networking is off: the closed network would refuse it anyway.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from bench.common import running
from tests.support.paths import ROOT

ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """One ``streamlit run app.py`` for the session (bench/common.py: the one start-and-wait
    helper of the benchmarks, the browser tests and the hosting tests)."""
    with running() as srv:
        yield srv.url


@pytest.fixture(scope="session")
def browser(chromium: Browser) -> Browser:
    """The process's one Chromium (``tests/conftest.py``)."""
    return chromium


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def wait_for_app(page: Page, timeout: float = 30_000) -> None:
    """Wait until the app is connected, no script runs and every widget is drawn."""
    page.wait_for_selector("[data-testid='stAppViewContainer']", timeout=timeout)
    page.wait_for_timeout(250)
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout
    )
    idle = "[data-testid='stApp'][data-test-script-state='notRunning']"
    page.wait_for_selector(idle, timeout=timeout)
    # The Calculator's first run leaves its chart, table and link for the run the browser
    # asks for once the headline shows (ui/firstpaint.py): wait for that run too.
    page.wait_for_function(
        "() => !document.querySelector(\"[class*='st-key-paint_first']\")", timeout=timeout
    )
    page.wait_for_selector(idle, timeout=timeout)
    # Streamlit loads each kind of widget's code on first use and shows a skeleton in its
    # place meanwhile: a Tab pressed then skips the field (the keyboard test failed one run
    # in two on this).
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stSkeleton']\")", timeout=timeout
    )


def metric_value(page: Page, label: str) -> str:
    metric = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    )
    return metric.get_by_test_id("stMetricValue").inner_text().strip()
