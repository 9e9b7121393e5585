"""Suite-wide settings: what the fast set leaves out.

Every test module under ``tests/browser`` and ``tests/ops`` starts real servers (and most
drive Debian's Chromium): they are marked ``browser`` here, in one place, so a module
added there is never run by ``make test-fast`` (``pytest -m "not browser"``: the core and
the AppTest page tests) by mistake. ``make test`` still runs everything.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
#: Test folders whose modules need real servers or a browser.
SLOW_FOLDERS: frozenset[str] = frozenset({"browser", "ops"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = item.path.resolve().relative_to(HERE).parts
        if parts and parts[0] in SLOW_FOLDERS:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One Playwright and one Debian Chromium per test process, shared by every folder.

    Why one: Playwright's sync API cannot start a second instance while one is running in
    the same process, and with ``--dist loadfile`` a worker runs browser and ops modules
    one after another; a module-scoped second ``sync_playwright()`` there failed with
    "Playwright Sync API inside the asyncio loop".
    """
    from playwright.sync_api import sync_playwright

    from bench.common import CHROMIUM, launch_chromium

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` (it installs it)")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()
