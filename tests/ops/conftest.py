"""Fixtures for the hosting tests: real servers (bench/common.py), Debian's Chromium and nginx.

Nothing is skipped: a missing Chromium or nginx fails the test with the package to install
(``make test`` installs both).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from bench.common import Server, start_server
from tests.browser.conftest import wait_for_app

__all__ = ["deficiency", "wait_for_app"]


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    srv = start_server()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def browser(chromium: Browser) -> Browser:
    """The process's one Chromium (``tests/conftest.py``)."""
    return chromium


def deficiency(page) -> str:
    """The text of the "Deficiency balance" metric."""
    metric = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text("Deficiency balance", exact=True)
    )
    return metric.get_by_test_id("stMetricValue").first.inner_text().strip()
