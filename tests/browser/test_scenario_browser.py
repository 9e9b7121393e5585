"""The counselor's flow in a real browser: open a link, change an input, share, reopen."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import ARTIFACTS, metric_value, wait_for_app

SHORT_SALE = "/?v=1&balance=250000&sale_price=200000"


def query(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query).items()}


def test_shared_link_shows_the_deficiency(page: Page, server: str) -> None:
    page.goto(server + SHORT_SALE)
    wait_for_app(page)
    expect(
        page.get_by_test_id("stMetric").filter(has_text="Deficiency balance").first
    ).to_contain_text("$50,000.00")
    assert metric_value(page, "Deficiency balance") == "$50,000.00"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "scenario-1280.png"), full_page=True)


def test_phone_width_screenshot(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + SHORT_SALE + "&interest=2500&legal_fees=1800")
    wait_for_app(page)
    assert metric_value(page, "Deficiency balance") == "$54,300.00"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "scenario-390.png"), full_page=True)
    context.close()


def test_input_change_updates_address_and_link_reopens_identically(
    page: Page, browser: Browser, server: str
) -> None:
    page.goto(server + SHORT_SALE)
    wait_for_app(page)
    field = page.get_by_role("spinbutton", name="Sale price")
    field.fill("212345.67")
    field.press("Enter")
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("$37,654.33")
    page.wait_for_url(re.compile(r"sale_price=212345\.67"))
    shared = page.url
    assert query(shared) == {"v": "1", "balance": "250000", "sale_price": "212345.67"}

    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(shared)
    wait_for_app(other)
    assert metric_value(other, "Deficiency balance") == "$37,654.33"
    assert metric_value(other, "Total owed") == "$250,000.00"
    expect(other.get_by_role("spinbutton", name="Sale price")).to_have_value("212345.67")
    fresh.close()


def test_hostile_link_runs_no_script_and_keeps_valid_keys(page: Page, server: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    payloads = {
        "sale_price": "<script>window.__xss=1;alert(1)</script>",
        "loan": '"><img src=x onerror="window.__xss=2;alert(2)">',
        "path": "[click](javascript:alert(3))",
        "late_fees": "![x](http://127.0.0.1:9/x.png)",
        "evil<svg onload=alert(4)>": "1",
    }
    from urllib.parse import urlencode

    page.goto(server + "/?balance=250000&" + urlencode(payloads))
    wait_for_app(page)
    warning = page.get_by_test_id("stAlert").first
    expect(warning).to_contain_text("sale_price")
    expect(warning).to_contain_text("<script>")  # shown as text
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert metric_value(page, "Total owed") == "$250,000.00"


def test_page_opens_directly_by_its_url(page: Page, server: str) -> None:
    page.goto(server + "/scenario?balance=10&sale_price=4")
    wait_for_app(page)
    assert metric_value(page, "Deficiency balance") == "$6.00"


def test_every_page_opens_directly_by_its_url(page: Page, server: str) -> None:
    for path, heading in [
        ("/states", "State laws on deficiency balances"),
        ("/tax", "Tax on cancelled debt"),
        ("/credit", "Credit report"),
    ]:
        page.goto(server + path + "?balance=250000&sale_price=200000&state=CA")
        wait_for_app(page)
        expect(page.get_by_test_id("stHeading").first).to_contain_text(heading)
        assert page.get_by_test_id("stException").count() == 0
        assert "state=CA" in page.url


def test_explorer_control_updates_the_chart(page: Page, server: str) -> None:
    page.goto(server + "/whatif?balance=250000&sale_price=200000")
    wait_for_app(page)
    radio = page.get_by_test_id("stRadio").filter(has_text="Show")
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(4)
    heat = page.get_by_test_id("stPlotlyChart").nth(2)
    before = heat.inner_html()
    radio.get_by_text("Your total cost (what you pay + tax)").click()
    wait_for_app(page)
    page.wait_for_function(
        "(b) => document.querySelectorAll(\"[data-testid='stPlotlyChart']\")[2].innerHTML !== b",
        arg=before,
        timeout=10_000,
    )
    assert page.get_by_test_id("stException").count() == 0


def test_navigating_between_pages_keeps_the_scenario(page: Page, server: str) -> None:
    page.goto(server + SHORT_SALE + "&state=CA")
    wait_for_app(page)
    page.get_by_test_id("stSidebarNav").get_by_text("Compare").click()
    wait_for_app(page)
    expect(page.get_by_test_id("stHeading").first).to_contain_text("Compare your options")
    page.wait_for_url(re.compile(r"/compare\?.*balance=250000"))
    page.get_by_test_id("stSidebarNav").get_by_text("Calculator").click()
    wait_for_app(page)
    assert metric_value(page, "Deficiency balance") == "$50,000.00"
    assert "state=CA" in page.url


def test_handout_and_csv_download(page: Page, server: str) -> None:
    import csv
    import io

    from pypdf import PdfReader

    page.goto(server + "/?v=1&loan=auto&balance=10000&sale_price=8500&legal_fees=500")
    wait_for_app(page)
    with page.expect_download(timeout=30_000) as pdf_download:
        page.get_by_test_id("stDownloadButton").filter(has_text="Download PDF").click()
    data = pdf_download.value.path().read_bytes()
    assert data.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "$2,000.00" in text
    assert "balance=10000" in text.replace("\n", "")
    with page.expect_download(timeout=30_000) as csv_download:
        page.get_by_test_id("stDownloadButton").filter(has_text="Download CSV").click()
    rows = list(
        csv.DictReader(io.StringIO(csv_download.value.path().read_text(encoding="utf-8-sig")))
    )
    deficiency = next(r for r in rows if r["key"] == "deficiency")
    assert deficiency["amount"] == "2000.00"


def test_a_new_visitor_gets_the_headline_first_then_the_whole_page(
    browser: Browser, server: str
) -> None:
    """ui/firstpaint.py: the first run leaves out the chart, the table and the link box, and
    the browser asks for them once the headline shows. The whole page must follow, and
    every input must keep the link's value through that second run (an input still
    loading when it came showed 0.00 while the scenario held the link's figure)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        link = SHORT_SALE + "&legal_fees=1800&taxable_income=61000"
        page.goto(server + link)
        wait_for_app(page)
        assert metric_value(page, "Deficiency balance") == "$51,800.00"
        main = page.get_by_test_id("stMain")
        expect(main.get_by_test_id("stPlotlyChart")).to_have_count(1)
        expect(main.locator("svg.main-svg").first).to_be_visible()
        # The breakdown, a static table since its cells must wrap (nothing cut to "…").
        breakdown = main.get_by_test_id("stTable").first
        expect(breakdown).to_be_attached()
        expect(breakdown).to_contain_text("Applied against the debt")
        expect(main.get_by_test_id("stCode").first).to_contain_text("sale_price=200000")
        expect(page.locator("[class*='st-key-paint_first']")).to_have_count(0)
        for name, value in (
            ("Loan balance", "250000.00"),
            ("Sale price", "200000.00"),
            ("Legal and court fees", "1800.00"),
            ("Taxable income before the cancelled debt", "61000.00"),
        ):
            # By its label, drawn or not: the fees and tax groups are closed.
            expect(page.locator(f"input[aria-label='{name}']")).to_have_value(value)
    finally:
        context.close()


def test_a_new_visitor_to_what_if_gets_its_first_chart_first_then_every_chart(
    browser: Browser, server: str
) -> None:
    """What if paints its first chart first (ui/firstpaint.py): the first run draws that
    chart and every input and leaves out the other charts and the tables. All four charts
    and their tables must follow, and the link's rate must stay in its input."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(server + "/whatif" + SHORT_SALE[1:] + "&rate=6.5")
        wait_for_app(page)
        main = page.get_by_test_id("stMain")
        expect(page.locator("[class*='st-key-paint_first']")).to_have_count(0)
        charts = main.get_by_test_id("stPlotlyChart")
        expect(charts).to_have_count(4)
        for i in range(4):
            expect(charts.nth(i).locator("svg.main-svg").first).to_be_attached()
        groups = main.get_by_test_id("stExpander").filter(has_text="The chart's figures")
        expect(groups).to_have_count(4)
        # A group's table is drawn once the reader opens it (issue 16), with the figures.
        summary = groups.nth(3).locator("summary")
        summary.scroll_into_view_if_needed()
        top = summary.bounding_box()
        summary.click()
        wait_for_app(page)
        expect(groups.nth(3)).to_contain_text("$51,354.17")  # month 1 of the delay chart
        now = summary.bounding_box()
        assert top and now and abs(now["y"] - top["y"]) < 50, (top, now)  # no jump
        expect(main).to_contain_text("Each month of waiting adds about $1,354.17")
        rate = page.locator("input[aria-label='Interest rate on the loan (percent a year)']")
        expect(rate).to_have_value("6.500")
    finally:
        context.close()
