"""Journeys: people using the real pages in Chromium, the way they do.

They type (click a field, select what is there, type, Tab), open and close groups, switch
pages and come back, reload, download, and share the link into a fresh browser. Each
journey ends by checking that nothing typed was lost: the figures on screen, the address
bar, a fresh context opened from the shared link, and the downloads all agree with what
``analyze`` gives for the scenario the person entered (issue 13: fees typed one after
another and a typed sale date were lost while 763 tests passed).
"""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from deficiency.core.analysis import analyze
from deficiency.core.scenario import validate
from deficiency.counselor.letter import check_letter, validate_letter
from deficiency.interface.links import decode_all
from deficiency.outputs.exports import breakdown_csv
from deficiency.text import i18n
from tests.browser.conftest import ARTIFACTS, metric_value, wait_for_app

pytestmark = pytest.mark.browser


def query(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query).items()}


def type_into(page: Page, label: str, text: str) -> None:
    """Click a field, select what is in it, type, and Tab out, as a person does."""
    field = page.locator(f"input[aria-label='{label}']")
    field.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(text)
    page.keyboard.press("Tab")
    wait_for_app(page)


def choose(page: Page, label: str, option: str) -> None:
    """Open a select box by its label, type to filter, and click the option."""
    box = page.get_by_test_id("stSelectbox").filter(has_text=label).first
    box.click()
    page.keyboard.type(option)  # long lists are virtual: typing filters them, as people do
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app(page)


def toggle_group(page: Page, title_start: str) -> None:
    page.get_by_test_id("stExpander").filter(has_text=title_start).locator("summary").click()
    wait_for_app(page)


def go_to(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
    wait_for_app(page)


def field_value(page: Page, label: str) -> str:
    return page.locator(f"input[aria-label='{label}']").input_value()


def enter_ohio_car(page: Page, server: str) -> None:
    """The worked car example, in Ohio, chosen and typed from a fresh Calculator."""
    page.goto(server + "/")
    wait_for_app(page)
    choose(page, "Type of loan", "Auto loan")
    choose(page, "State", "OH – Ohio")
    type_into(page, "Loan balance", "10000")
    type_into(page, "Sale price", "8500")


def expected_money(cents: int, lang: str = "en") -> str:
    return i18n.money(cents, lang)


def test_borrower_short_sale_with_four_fees_and_a_sale_date(
    page: Page, browser: Browser, server: str
) -> None:
    page.goto(server + "/")
    wait_for_app(page)
    type_into(page, "Loan balance", "250000")
    type_into(page, "Sale price", "200000")
    choose(page, "State", "AZ – Arizona")

    # Four fees, one after another, with the group closed and reopened in between.
    toggle_group(page, "Fees and costs")
    type_into(page, "Accrued interest", "1000")
    type_into(page, "Late fees", "200")
    toggle_group(page, "Fees and costs")  # close
    toggle_group(page, "Fees and costs")  # reopen
    assert field_value(page, "Accrued interest") == "1000.00"
    assert field_value(page, "Late fees") == "200.00"
    type_into(page, "Legal and court fees", "300")
    type_into(page, "Sale costs", "400")
    type_into(page, "Date of the sale", "2025-09-15")

    expected = {
        "v": "1",
        "balance": "250000",
        "interest": "1000",
        "late_fees": "200",
        "legal_fees": "300",
        "sale_costs": "400",
        "sale_price": "200000",
        "state": "AZ",
        "sale_date": "2025-09-15",
    }
    found = analyze(validate({k: v for k, v in expected.items() if k != "v"}))
    deficiency = expected_money(found.result.deficiency)
    assert deficiency == "$51,900.00"
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(deficiency)
    assert query(page.url) == expected

    # Another page and back: nothing typed is lost.
    go_to(page, "Compare")
    go_to(page, "Calculator")
    assert metric_value(page, "Deficiency balance") == deficiency
    assert field_value(page, "Date of the sale") == "2025-09-15"
    toggle_group(page, "Fees and costs")
    assert [
        field_value(page, label)
        for label in ("Accrued interest", "Late fees", "Legal and court fees", "Sale costs")
    ] == ["1000.00", "200.00", "300.00", "400.00"]

    # Reload: the address alone rebuilds it.
    page.reload()
    wait_for_app(page)
    assert metric_value(page, "Deficiency balance") == deficiency
    assert query(page.url) == expected

    # The shared link in somebody else's browser.
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    fresh = other.new_page()
    fresh.goto(page.url)
    wait_for_app(fresh)
    assert metric_value(fresh, "Deficiency balance") == deficiency
    assert metric_value(fresh, "You still owe") == expected_money(found.owes)
    assert field_value(fresh, "Date of the sale") == "2025-09-15"
    other.close()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "journey-short-sale.png"), full_page=True)


#: The letter's lines as a person types them: field label -> (link key, typed value).
LETTER = {
    "Total owed before the sale (as the letter states)": ("lt_obligation", "10500"),
    "Sale proceeds": ("lt_proceeds", "8500"),
    "Repossession fee": ("lt_repo_fee", "400"),
    "Auction or sale fee": ("lt_auction_fee", "300"),
    "Deficiency the letter claims": ("lt_stated_deficiency", "3130"),
}


def test_counselor_repossession_with_letter_check_share_and_downloads(
    page: Page, browser: Browser, server: str
) -> None:
    enter_ohio_car(page, server)
    toggle_group(page, "Fees and costs")
    type_into(page, "Legal and court fees", "500")
    assert metric_value(page, "Deficiency balance") == "$2,000.00"

    go_to(page, "Letter check")
    for label, (_key, value) in LETTER.items():
        type_into(page, label, value)
    typed = {key: value for key, value in LETTER.values()}
    # The letter as the core reads it from what was typed (the scenario's state counts).
    check = check_letter(validate_letter(typed), state="OH")
    recomputed = expected_money(check.recomputed_cents)
    # 10,500 − 8,500 + 400 + 300 = 2,700 recomputed; the letter claims 430 more.
    assert (recomputed, check.difference_cents) == ("$2,700.00", 43_000)
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(recomputed)
    assert metric_value(page, "Recomputed deficiency") == recomputed
    assert metric_value(page, "The letter claims") == "$3,130.00"
    letter_url = page.url
    assert {k: query(letter_url).get(k) for k in typed} == typed

    go_to(page, "Calculator")
    assert metric_value(page, "Deficiency balance") == "$2,000.00"
    shared = page.url
    assert {k: query(shared).get(k) for k in typed} == typed
    scenario, letter, _forms, issues = decode_all(query(shared))
    assert issues == []
    assert check_letter(letter, state=scenario.state).recomputed_cents == check.recomputed_cents
    found = analyze(scenario)

    # Downloads: the CSV and the PDF tell the same story as the page.
    with page.expect_download() as csv_download:
        page.get_by_test_id("stDownloadButton").filter(has_text="CSV").first.click()
    text = csv_download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == list(csv.DictReader(io.StringIO(breakdown_csv(found))))
    amounts = {row["key"]: row["amount"] for row in rows if row["kind"] == "item"}
    assert amounts == {
        "balance": "10000.00",
        "legal_fees": "500.00",
        "sale_price": "8500.00",
        "deficiency": "2000.00",
    }

    with page.expect_download() as pdf_download:
        page.get_by_test_id("stDownloadButton").filter(has_text="PDF").first.click()
    from pypdf import PdfReader

    text = " ".join(
        p.extract_text() for p in PdfReader(str(pdf_download.value.path())).pages
    ).replace("\n", " ")
    assert expected_money(found.result.deficiency) in text
    assert "$430.00" in text  # the letter check's finding is in the handout

    # The client opens the shared link on their own device.
    other = browser.new_context(viewport={"width": 390, "height": 844})
    fresh = other.new_page()
    fresh.goto(shared)
    wait_for_app(fresh)
    assert metric_value(fresh, "Deficiency balance") == "$2,000.00"
    fresh.goto(letter_url)
    wait_for_app(fresh)
    # Every typed line came through the link, and the page recomputes from them.
    assert {label: field_value(fresh, label) for label in LETTER} == {
        label: f"{value}.00" for label, (_key, value) in LETTER.items()
    }
    assert metric_value(fresh, "Recomputed deficiency") == recomputed
    assert metric_value(fresh, "The letter claims") == "$3,130.00"
    other.close()


@pytest.mark.parametrize(
    ("example", "cents"),
    [("short_sale", 5_000_000), ("car", 200_000)],
)
def test_japanese_reader_redoes_the_worked_examples(
    browser: Browser, server: str, example: str, cents: int
) -> None:
    ja = i18n.gettext_for("ja")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    page.goto(server + "/")
    wait_for_app(page)
    page.get_by_test_id("stSelectbox").filter(has_text="Language").first.click()
    page.get_by_role("option", name="日本語").click()
    wait_for_app(page)
    if example == "car":
        choose(page, ja("Type of loan"), ja("Auto loan"))
        type_into(page, ja("Loan balance"), "10000")
        type_into(page, ja("Sale price"), "8500")
        toggle_group(page, ja("Fees and costs: {total}").split("{")[0])
        type_into(page, ja("Legal and court fees"), "500")
    else:
        type_into(page, ja("Loan balance"), "250000")
        type_into(page, ja("Sale price"), "200000")
    shown = expected_money(cents, "ja")
    assert metric_value(page, ja("Deficiency balance")) == shown
    assert query(page.url)["lang"] == "ja"

    # The same link without the language opens the same scenario in English.
    link = {k: v for k, v in query(page.url).items() if k != "lang"}
    english = browser.new_context()
    other = english.new_page()
    other.goto(server + "/?" + "&".join(f"{k}={v}" for k, v in link.items()))
    wait_for_app(other)
    assert metric_value(other, "Deficiency balance") == expected_money(cents, "en")
    english.close()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"journey-ja-{example}.png"), full_page=True)
    context.close()


def test_a_car_sold_without_notice_tells_one_story_across_sections_and_pages(
    page: Page, server: str
) -> None:
    """Ohio, a car the lender sold without notice, all by clicks and typing: the state's $0,
    "what happens next", the tax section and the credit section must agree with analyze()
    (they once said "you may owe a 1099-C", "you were not personally liable" and "the
    lender may sue" beside $0), and the unchecked box must survive a trip to Tax and back."""
    enter_ohio_car(page, server)
    notice = page.get_by_role("checkbox", name="You got notice before the vehicle sale")
    expect(notice).to_be_checked()
    notice.click(force=True)  # the box's label is drawn over the native input
    wait_for_app(page)
    expect(notice).not_to_be_checked()
    assert query(page.url).get("notice_given") == "no"

    scenario, _letter, _forms, issues = decode_all(query(page.url))
    assert issues == []
    found = analyze(scenario)
    assert found.state.collectible_cents == 0 and found.owes == 0
    # Shown twice (the headline and the state-law section): both $0.
    collectible = page.get_by_test_id("stMetric").filter(has_text="Collectible deficiency")
    expect(collectible).to_have_count(2)
    for value in collectible.get_by_test_id("stMetricValue").all_inner_texts():
        assert value == expected_money(0)
    assert metric_value(page, "You still owe") == expected_money(0)
    assert metric_value(page, "Cancelled (forgiven) debt") == expected_money(found.cancelled)
    main = page.get_by_test_id("stMain")
    expect(main).to_contain_text("leaves nothing of this deficiency for the lender to collect")
    expect(main).not_to_contain_text("sue for a deficiency judgment")
    expect(main).not_to_contain_text("you were not personally liable")
    expect(main).not_to_contain_text("Debt extinguished under state law")
    expect(main).to_contain_text("Ohio Rev. Code § 1309.626 has no exception for consumer loans")

    go_to(page, "Tax")
    expect(page.get_by_test_id("stMain")).to_contain_text("treated as recourse")
    go_to(page, "Calculator")
    expect(
        page.get_by_role("checkbox", name="You got notice before the vehicle sale")
    ).not_to_be_checked()
    assert metric_value(page, "You still owe") == expected_money(0)
    assert query(page.url).get("notice_given") == "no"


def test_what_if_inputs_survive_their_page_and_the_rate_reaches_the_link(
    page: Page, server: str
) -> None:
    """The note's rate on What if is a scenario input: typed there, it must reach the link
    (it sat in a fragment, which reruns without writing the address). The explorer's own
    knobs are not in the link but must survive a trip to another page."""
    page.goto(server + "/whatif?v=1&balance=250000&sale_price=200000")
    wait_for_app(page)
    type_into(page, "Interest rate on the loan (percent a year)", "6.5")
    expect(page).to_have_url(re.compile(r"[?&]rate=6\.50?(&|$)"))
    type_into(page, "Fees added each month", "25")
    go_to(page, "Calculator")
    assert query(page.url)["rate"] in ("6.5", "6.50")
    go_to(page, "What if")
    assert field_value(page, "Fees added each month") == "25.00"
    assert field_value(page, "Interest rate on the loan (percent a year)") == "6.500"


def test_a_rate_typed_on_what_if_updates_its_note_and_a_refused_one_is_named_under_it(
    page: Page, server: str
) -> None:
    """A new rate reruns only the cost-of-waiting part (issue 16: the curves and heatmap above
    do not read it). That part must still update its sentence and the link, show a refused
    rate's message under the rate with the old rate put back, without the page jumping
    (rerunning the whole page from that part removed and redrew it), and take the message
    away once the rate is put right."""
    from deficiency.core.delay import monthly_interest, parse_rate

    rate_label = "Interest rate on the loan (percent a year)"
    page.goto(server + "/whatif?v=1&balance=250000&sale_price=200000")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")

    def interest(rate: str) -> str:
        return expected_money(int(monthly_interest(25_000_000, parse_rate(rate))))

    type_into(page, rate_label, "6")
    expect(main).to_contain_text(f"Each month of waiting adds about {interest('6')}")
    expect(page).to_have_url(re.compile(r"[?&]rate=6(\.0+)?(&|$)"))
    main_scroll = "() => document.querySelector(\"[data-testid='stMain']\").scrollTop"
    before = page.evaluate(main_scroll)
    type_into(page, rate_label, "150")
    assert page.evaluate(main_scroll) == before  # the page stays where the reader is
    alert = page.get_by_test_id("stAlert").filter(has_text=rate_label)
    expect(alert).to_have_count(1)  # under the rate itself: its part of the page reruns alone
    expect(alert).to_contain_text("from 0 to 100")
    field = page.locator(f"input[aria-label='{rate_label}']").bounding_box()
    below = alert.bounding_box()  # where the reader typed, far down the page
    assert field and below and 0 < below["y"] - field["y"] < 150, (field, below)
    assert field_value(page, rate_label) == "6.000"
    expect(main).to_contain_text(f"Each month of waiting adds about {interest('6')}")
    type_into(page, rate_label, "7.25")
    expect(alert).to_have_count(0)
    expect(main).to_contain_text(f"Each month of waiting adds about {interest('7.25')}")
    expect(page).to_have_url(re.compile(r"[?&]rate=7\.25(&|$)"))
    page.reload()
    wait_for_app(page)
    assert field_value(page, rate_label) == "7.250"
    expect(main).to_contain_text(f"Each month of waiting adds about {interest('7.25')}")


def test_a_settlement_of_a_barred_deficiency_pays_nothing_on_every_page(
    page: Page, server: str
) -> None:
    """California bars a short sale's deficiency. A reader who picks "Settles for less" and
    types $15,000 must read one story: nothing owed, the whole $50,000 relieved (it was $0
    owed and $35,000 cancelled), no advice to pay the agreed amount, and on What if nothing
    to settle; the link keeps the settlement, and the figures are analyze()'s."""
    page.goto(server + "/")
    wait_for_app(page)
    choose(page, "State", "CA – California")
    type_into(page, "Loan balance", "250000")
    type_into(page, "Sale price", "200000")
    page.get_by_test_id("stRadio").get_by_text("Settles for less").click()
    wait_for_app(page)
    type_into(page, "Settlement amount", "15000")
    scenario, _letter, _forms, issues = decode_all(query(page.url))
    assert issues == []
    found = analyze(scenario)
    assert (found.owes, found.cancelled) == (0, 5_000_000)
    assert metric_value(page, "You still owe") == expected_money(found.owes)
    assert metric_value(page, "Cancelled (forgiven) debt") == expected_money(found.cancelled)
    main = page.get_by_test_id("stMain")
    expect(main).to_contain_text("leaves nothing of this deficiency for the lender to collect")
    expect(main).not_to_contain_text("You pay the agreed amount")
    assert query(page.url)["settlement"] in ("15000", "15000.00")
    go_to(page, "What if")
    expect(page.get_by_test_id("stMain")).to_contain_text("so there is nothing to settle")
    go_to(page, "Calculator")
    assert field_value(page, "Settlement amount") == "15000.00"
    assert metric_value(page, "You still owe") == "$0.00"


def test_bad_input_as_people_make_it_is_explained_and_put_back(page: Page, server: str) -> None:
    page.goto(server + "/?v=1&balance=250000&sale_price=200000")
    wait_for_app(page)
    type_into(page, "Sale price", "-5")
    alert = page.get_by_test_id("stAlert").filter(has_text="Sale price")
    expect(alert).to_contain_text("Enter an amount from $0 to $100,000,000")
    assert field_value(page, "Sale price") == "200000.00"
    assert metric_value(page, "Deficiency balance") == "$50,000.00"

    page.get_by_test_id("stRadio").get_by_text("Settles for less").click()
    wait_for_app(page)
    type_into(page, "Settlement amount", "99999")
    alert = page.get_by_test_id("stAlert").filter(has_text="Settlement amount")
    expect(alert).to_contain_text(
        "Settlement amount: “$99,999.00” is more than the deficiency ($50,000.00)"
    )
    assert "settlement" not in query(page.url)
    assert field_value(page, "Settlement amount") == "0.00"
    assert "settlement:" not in page.get_by_test_id("stMain").inner_text()
