"""A shared link to any page, opened as the first visit of a freshly started server.

Why: a ``pages/`` folder starts Streamlit in its legacy multipage mode, which only a run of
``app.py`` turns off; a counselor's link to ``/compare`` opened first after a restart ran
that page file alone (a menu of file names, no page config) for every visitor until
someone opened ``/`` (:func:`ui.frame._leave_legacy_multipage_mode`).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from bench.common import start_server
from tests.browser.audit import ROOT, app_pages
from tests.browser.conftest import wait_for_app

pytestmark = pytest.mark.browser


def menu_titles() -> list[str]:
    """The title of every page of app.py's menu, in the order of :func:`app_pages`: read
    from app.py, so a page added there is checked without a list here to update."""
    titles: dict[str, str] = {}
    for node in ast.walk(ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            title = next(k.value for k in node.keywords if k.arg == "title")
            if isinstance(title, ast.Call):  # _("...")
                title = title.args[0]
            assert isinstance(title, ast.Constant), ast.dump(title)
            titles[node.args[0].value] = title.value
    return [titles[file] for _path, file in app_pages()]


MENU = menu_titles()
#: The page files' names: the legacy multipage mode shows these instead of the titles.
FILE_NAMES = [Path(file).stem for _path, file in app_pages()]


def test_the_menu_is_read_from_the_app() -> None:
    assert len(MENU) == len(app_pages()) >= 10
    assert {"Calculator", "Letter check", "Read a 1099-C", "Learn"} <= set(MENU)


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
        expect(nav.get_by_test_id("stSidebarNavLink")).to_have_count(len(MENU))
        for name in FILE_NAMES:
            expect(nav.get_by_text(name, exact=True)).to_have_count(0)
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
