"""A 390 px phone (issue 17): nothing wider than the screen, and the menu gets out of the way.

Every page in every language is opened with a filled scenario on a phone-sized, touch
browser, and every drawn element of the page is measured, also those a container cuts off
(a label ending in "…", table columns beyond the frame): what sticks out is what the reader
cannot read, even when the page itself does not scroll sideways.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser import audit

PHONE = 390


@pytest.mark.parametrize("lang", audit.LANGS)
def test_nothing_wider_than_a_phone(browser: Browser, server: str, lang: str) -> None:
    context = audit.new_context(browser, PHONE, lang)
    page = context.new_page()
    wide: list[str] = []
    try:
        for path in audit.PAGES:
            audit.open_page(page, server, path, lang)
            measured = audit.measure_width(page)
            widest = measured["widest"] or {"right": 0}
            reach = max(measured["root"], measured["main"], widest["right"])
            if reach > measured["viewport"]:
                wide.append(f"/{path} reaches {reach} px: {widest}")
            if measured["clipped"]:
                wide.append(f"/{path} cuts text off: {measured['clipped']}")
    finally:
        context.close()
    assert not wide, "\n".join(wide)


def test_menu_closes_after_choosing_a_page(browser: Browser, server: str) -> None:
    """On a phone the menu lies over the page: choosing a page closes it, so the reader sees
    the page chosen (Streamlit only did so for browsers it recognised as phones)."""
    context = audit.new_context(browser, PHONE, "es")
    page = context.new_page()
    try:
        audit.open_page(page, server, "", "es")
        sidebar = page.get_by_test_id("stSidebar")
        page.get_by_test_id("stExpandSidebarButton").click()
        expect(sidebar).to_be_in_viewport()
        sidebar.get_by_test_id("stSidebarNav").get_by_role("link", name="Impuestos").click()
        page.wait_for_url("**/tax?**")
        audit.wait_drawn(page)
        expect(sidebar).not_to_be_in_viewport()
        assert audit.declared_language(page, "es") == "es"
        # The page chosen is in front: its title can be tapped, not covered by the menu.
        page.get_by_test_id("stHeading").first.click()
    finally:
        context.close()


def test_a_phone_reader_enters_a_scenario_reads_it_and_downloads_the_handout(
    browser: Browser, server: str
) -> None:
    """What issue 17 is done for: on a 390 px touch screen, in Spanish, type a scenario, read
    the answers (the breakdown as a list, nothing cut) and download the PDF handout."""
    from pypdf import PdfReader

    context = audit.new_context(browser, PHONE, "es")
    page = context.new_page()
    try:
        page.goto(server + "/?lang=es")
        audit.wait_drawn(page)
        for label, value in (("Saldo del préstamo", "250000"), ("Precio de venta", "200000")):
            field = page.locator(f"input[aria-label='{label}']")
            field.tap()
            field.fill(value)
            field.press("Tab")
            audit.wait_drawn(page)
        headline = page.get_by_test_id("stMetric").filter(has_text="Saldo deficiente").first
        expect(headline.get_by_test_id("stMetricValue")).to_have_text("$50,000.00")
        # The breakdown reads as a list on a phone, every amount whole.
        expect(page.get_by_text("Monto: $250,000.00")).to_be_visible()
        expect(page.get_by_text("Monto: $50,000.00")).to_be_visible()
        measured = audit.measure_width(page)
        assert (measured["widest"] or {"right": 0})["right"] <= measured["viewport"], measured
        with page.expect_download() as pdf:
            page.get_by_test_id("stDownloadButton").filter(has_text="PDF").first.tap()
        text = " ".join(p.extract_text() for p in PdfReader(str(pdf.value.path())).pages)
        assert "$50,000.00" in text
    finally:
        context.close()
