"""Language links in a real browser: a counselor's Spanish or Japanese link keeps its language."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import metric_value, wait_for_app

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_japanese_link(page: Page, server: str) -> None:
    page.goto(server + "/?lang=ja&balance=250000&sale_price=200000")
    wait_for_app(page)
    title = page.get_by_test_id("stHeading").first.inner_text()
    assert JAPANESE.search(title), title
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("$50,000.00")
    assert "lang=ja" in page.url
    assert JAPANESE.search(page.title()), page.title()  # the browser tab is translated too


def test_spanish_link(page: Page, server: str) -> None:
    page.goto(server + "/?lang=es&loan=auto&balance=10000&sale_price=8500&legal_fees=500")
    wait_for_app(page)
    body = page.get_by_test_id("stMain").inner_text()
    assert re.search(r"\b(saldo|deuda|venta)\b", body, re.IGNORECASE)
    from deficiency.text.i18n import gettext_for

    assert metric_value(page, gettext_for("es")("Deficiency balance")) == "$2,000.00"
    assert "lang=es" in page.url
