"""A shared link to any page, opened as the first visit of a freshly started server.

Why: a ``pages/`` folder starts Streamlit in its legacy multipage mode, which only a run of
``app.py`` turns off; a counselor's link to ``/compare`` opened first after a restart ran
that page file alone (a menu of file names, no page config) for every visitor until
someone opened ``/`` (:func:`ui.frame._leave_legacy_multipage_mode`).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from bench.common import start_server
from tests.browser.conftest import wait_for_app

pytestmark = pytest.mark.browser

MENU = ["Calculator", "What if", "Compare", "State laws", "Tax", "Credit report"]


@pytest.mark.parametrize(("path", "title"), [("/compare", "Compare your options"), ("/tax", None)])
def test_first_visit_of_a_fresh_server_on_a_deep_link(
    browser: Browser, path: str, title: str | None
) -> None:
    server = start_server()  # a new process: no session has run app.py yet
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(server.url + path + "?v=1&balance=250000&sale_price=200000")
        wait_for_app(page)
        nav = page.get_by_test_id("stSidebarNav")
        for name in MENU:
            expect(nav.get_by_text(name, exact=True)).to_be_visible()
        expect(nav.get_by_text("compare", exact=True)).to_have_count(0)
        if title:
            expect(page.get_by_role("heading", name=title)).to_be_visible()
        assert page.title() == "Deficiency balance calculator"
        # A second visitor of the same process gets the same app.
        other = browser.new_context().new_page()
        other.goto(server.url + "/whatif?v=1&balance=250000&sale_price=200000")
        wait_for_app(other)
        expect(
            other.get_by_test_id("stSidebarNav").get_by_text("What if", exact=True)
        ).to_be_visible()
        context.close()
    finally:
        server.stop()


def test_first_visitors_arriving_together_on_deep_links_all_get_the_app(
    browser: Browser,
) -> None:
    """Several first visitors at once: the ones already running their page file alone when
    another turned the legacy mode off must be sent through ``app.py`` too."""
    server = start_server()
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(5)]
    try:
        pages = [c.new_page() for c in contexts]
        paths = ["/whatif", "/whatif", "/compare", "/tax", "/whatif"]
        for page, path in zip(pages, paths, strict=True):
            page.goto(server.url + path + "?v=1&balance=250000", wait_until="commit")
        for page in pages:
            wait_for_app(page, timeout=60_000)
            nav = page.get_by_test_id("stSidebarNav")
            expect(nav.get_by_text("Calculator", exact=True)).to_be_visible()
            assert page.title() == "Deficiency balance calculator"
    finally:
        for c in contexts:
            c.close()
        server.stop()
