"""Suite-wide settings: what the fast set leaves out.

Every test module under ``tests/browser`` and ``tests/ops`` starts real servers (and most
drive Debian's Chromium): they are marked ``browser`` here, in one place, so a module
added there is never run by ``make test-fast`` (``pytest -m "not browser"``: the core and
the AppTest page tests) by mistake. ``make test`` still runs everything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
#: Test folders whose modules need real servers or a browser.
SLOW_FOLDERS: frozenset[str] = frozenset({"browser", "ops"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = item.path.resolve().relative_to(HERE).parts
        if parts and parts[0] in SLOW_FOLDERS:
            item.add_marker(pytest.mark.browser)
