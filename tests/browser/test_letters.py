"""The Letters page in a real browser (issue 19): what a reader types for the download stays
out of the address bar and the server's log but reaches every letter file, which holds the
letter alone (the reader's notes are a download of their own); the page passes the
accessibility checks of issue 17 (axe-core WCAG 2.2 A/AA, ``<html lang>``, a phone's width).

One server of this module's own (bench.common.running), so its log can be read afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote_plus

import docx
import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from bench.common import Server, running
from tests.browser import audit
from tests.browser.conftest import wait_for_app

pytestmark = pytest.mark.browser

#: A repossession with a deficiency (every letter but the defense).
QUERY = "v=1&loan=auto&balance=20000&sale_price=12000&state=OH&sale_date=2026-06-01&dofd=2018-01-10"
NAME = "Ana Quintana-Ruiz"
ADDRESS = "4417 Juniper Lane"
ACCOUNT = "ZX-99017-Q"
#: What the notes file holds and a letter's files never do: its warning, why the letter fits,
#: free help and the not-legal-advice notice (flattened: no white space).
PRIVATE = [
    "".join(text.split())
    for text in (
        "keep this file, do not send it",
        "Why this letter fits",
        "lawhelp.org",
        "not legal or tax advice",
    )
]


@pytest.fixture(scope="module")
def app() -> Iterator[Server]:
    with running() as server:
        yield server


def _commit(page: Page, label: str, value: str) -> None:
    """Type into a field and leave it (Tab), as a reader does; wait for the rerun."""
    field = page.get_by_label(label, exact=True)
    field.fill(value)
    field.press("Tab")
    page.wait_for_timeout(300)
    wait_for_app(page)


def _download(page: Page, index: int) -> Path:
    """Click the page's ``index``-th download button; the downloaded file."""
    with page.expect_download() as started:
        page.get_by_test_id("stDownloadButton").nth(index).click()
    return Path(started.value.path())


def _pdf_text(path: Path) -> str:
    return "".join(sheet.extract_text() for sheet in PdfReader(path).pages)


def _flat(text: str) -> str:
    return "".join(text.split())


def test_typed_details_stay_out_of_the_link_and_the_log(browser: Browser, app: Server) -> None:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen: list[str] = []
    page.on("framenavigated", lambda frame: seen.append(frame.url))
    try:
        page.goto(f"{app.url}/letters?{QUERY}")
        wait_for_app(page)
        _commit(page, "Your name", NAME)
        _commit(page, "Your mailing address", ADDRESS)
        _commit(page, "Account number", ACCOUNT)
        expect(page.get_by_text(ADDRESS).first).to_be_visible()
        page.wait_for_timeout(500)  # the address bar is written after the run
        addresses = [unquote_plus(url) for url in [*seen, page.url]]
        for typed in (NAME, ADDRESS, ACCOUNT, "Quintana", "Juniper", "99017"):
            assert not any(typed in url for url in addresses), (typed, addresses)
        assert "balance=20000" in page.url  # the figures stay in the link

        # The first letter's downloads: the PDF, the Word file, the plain text (the letter
        # alone: none of the reader's notes, which are the fourth download, to keep).
        text = _download(page, 2).read_text(encoding="utf-8")
        assert NAME in text and ADDRESS in text and ACCOUNT in text and "$8,000.00" in text
        assert not any(secret in _flat(text) for secret in PRIVATE), text

        letter = _flat(_pdf_text(_download(page, 0)))
        for typed in (NAME, ADDRESS, ACCOUNT, "$8,000.00"):
            assert _flat(typed) in letter
        assert not any(secret in letter for secret in PRIVATE), letter

        document = docx.Document(_download(page, 1))
        written = "\n".join(paragraph.text for paragraph in document.paragraphs)
        assert NAME in written and ADDRESS in written and ACCOUNT in written
        assert not any(secret in _flat(written) for secret in PRIVATE), written

        notes = _flat(_pdf_text(_download(page, 3)))
        assert all(secret in notes for secret in PRIVATE), notes
        assert _flat(NAME) not in notes  # no translation for a reader of English
    finally:
        context.close()
    log = app.log.read_text(errors="replace")
    assert not any(typed in log for typed in (NAME, ADDRESS, ACCOUNT, "Quintana", "Juniper"))


# Every page in every language and width is audited by test_accessibility.py; here the
# letters page alone, where its own risks are: the English letter beside Japanese on a phone.
@pytest.mark.parametrize(("lang", "width"), [("en", 1280), ("ja", 390)])
def test_the_letters_page_passes_the_accessibility_checks(
    browser: Browser, app: Server, lang: str, width: int
) -> None:
    (report,) = audit.audit(browser, app.url, langs=(lang,), widths=(width,), pages=("letters",))
    failing = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in report.failing]
    assert not failing, failing
    assert report.declared_lang == lang
    assert report.overflow <= 0, report.widest
