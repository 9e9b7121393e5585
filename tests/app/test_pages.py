"""Every page runs, and the state-law, tax and credit sections show the core's figures."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from deficiency.core.analysis import analyze
from deficiency.interface.links import decode
from deficiency.rules.credit import timeline
from tests.app.conftest import metric, open_app, plotly_values, shown, url_of

PAGES = ["pages/scenario.py", "pages/states.py", "pages/tax.py", "pages/credit.py"]
RICH = {
    "balance": "250000",
    "sale_price": "200000",
    "state": "TX",
    "path": "foreclosure",
    "sale_date": "2025-03-01",
    "dofd": "2024-05-01",
    "action": "forgive",
    "score": "720",
    "taxable_income": "60000",
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("query", [{}, RICH, {"loan": "auto", "balance": "10000", "state": "CA"}])
def test_every_page_runs(page: str, query: dict[str, str]) -> None:
    at = open_app(query, page=page)
    assert not at.exception


def test_california_purchase_money_foreclosure_is_not_collectible() -> None:
    at = open_app(
        {"balance": "250000", "sale_price": "200000", "state": "CA", "path": "foreclosure"}
    )
    assert metric(at, "Deficiency balance") == "$50,000.00"
    assert metric(at, "Collectible deficiency") == "$0.00"
    assert metric(at, "You still owe") == "$0.00"
    assert any("580" in shown(s.value) for s in at.success)


def test_state_questions_follow_the_state() -> None:
    tx = open_app({"state": "TX", "path": "short_sale"})
    assert tx.checkbox(key="in_home_equity")
    assert not [c for c in tx.checkbox if c.key == "in_acres"]
    az = open_app({"state": "AZ", "path": "foreclosure"})
    keys = {w.key for w in az.number_input}
    assert {"in_acres", "in_units"} <= keys
    assert not [c for c in az.checkbox if c.key == "in_home_equity"]


def test_answering_a_state_question_changes_the_answer() -> None:
    at = open_app(
        {"balance": "250000", "sale_price": "200000", "state": "AZ", "path": "foreclosure"}
    )
    assert metric(at, "Collectible deficiency") == "$0.00"
    at.number_input(key="in_acres").set_value(10.0).run()  # over 2.5 acres: not protected
    assert metric(at, "Collectible deficiency") != "$0.00"


def test_tax_warning_when_debt_is_forgiven() -> None:
    at = open_app({"loan": "auto", "balance": "2000", "action": "settle", "settlement": "1200"})
    assert metric(at, "Cancelled debt") == "$800.00"
    assert any("1099-C" in w.value for w in at.warning)


def test_the_tax_page_says_its_title_once() -> None:
    at = open_app({"loan": "auto", "balance": "25000", "action": "forgive"}, page="pages/tax.py")
    headings = [h.value for h in [*at.title, *at.subheader]]
    assert headings.count("Tax on cancelled debt") == 1, headings
    calculator = open_app({"loan": "auto", "balance": "25000", "action": "forgive"})
    assert "Tax on cancelled debt" in [h.value for h in calculator.subheader]  # section kept


def test_tax_page_worksheet_feeds_the_totals() -> None:
    at = open_app({"loan": "auto", "balance": "25000", "action": "forgive"}, page="pages/tax.py")
    assert not at.exception
    at.button(key="use_worksheet").click().run()
    assert at.session_state["_scenario"].total_liabilities == 0


def test_credit_timeline_dates_equal_the_table() -> None:
    at = open_app(RICH, page="pages/credit.py")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    chart_dates = [d[:10] for d in spec["data"][-1]["x"]]
    scenario, _ = decode(RICH)
    found = analyze(scenario, dt.date.today())
    expected = [e.date.isoformat() for e in timeline(found.credit)]
    assert chart_dates == expected
    from deficiency.text import i18n

    tables = [d.value for d in at.dataframe if "Today" in list(d.value.iloc[:, 0])]
    (table,) = tables
    assert list(table["Date"]) == [i18n.date(dt.date.fromisoformat(d)) for d in expected]


def test_states_page_lists_every_jurisdiction_and_searches() -> None:
    at = open_app(page="pages/states.py")
    assert len(at.dataframe[0].value) == 51
    at.text_input(key="states_search").set_value("Texas").run()
    assert list(at.dataframe[0].value["code"]) == ["TX"]


NEW_PAGES = ["pages/whatif.py", "pages/compare.py", "pages/learn.py"]


@pytest.mark.parametrize("page", NEW_PAGES)
@pytest.mark.parametrize("query", [{}, RICH, {"loan": "auto", "balance": "10000", "state": "CA"}])
def test_explore_pages_run(page: str, query: dict[str, str]) -> None:
    at = open_app(query, page=page)
    assert not at.exception


def test_explorer_controls_rerun_the_charts() -> None:
    at = open_app({"balance": "250000", "sale_price": "200000"}, page="pages/whatif.py")

    def xs() -> list[float]:
        return plotly_values(json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["x"])

    before = xs()
    at.select_slider(key="whatif_price_range").set_value((150000, 220000)).run()
    after = xs()
    assert before[0] == 100000 and after[0] == 150000 and after[-1] == 220000
    at.radio(key="whatif_measure").set_value("total_cost").run()
    assert not at.exception


def test_a_rate_out_of_range_on_what_if_is_explained_and_the_old_rate_kept() -> None:
    """What if's note rate is a scenario input like the Calculator's amounts: a value out of
    range is named with its field and its range, put back, and kept out of the link."""
    at = open_app(
        {"balance": "250000", "sale_price": "200000", "rate": "6.5"}, page="pages/whatif.py"
    )
    before = [shown(m.value) for m in at.markdown]
    assert url_of(at)["rate"] in ("6.5", "6.50")
    at.number_input(key="in_rate").set_value(150.0).run()
    assert not at.exception
    errors = [shown(e.value) for e in at.error]
    assert len(errors) == 1, errors  # under the rate itself (its part reruns alone)
    assert errors[0].startswith("Interest rate on the loan (percent a year): “150")
    assert "from 0 to 100" in errors[0]
    assert url_of(at)["rate"] in ("6.5", "6.50")
    assert at.number_input(key="in_rate").value == 6.5
    assert at.session_state["_scenario"].rate == Decimal("6.5")
    assert [shown(m.value) for m in at.markdown] == before  # figures still at 6.5 %


def test_compare_page_highlights_and_ab_links() -> None:
    at = open_app(
        {"loan": "auto", "balance": "10000", "sale_price": "8500"}, page="pages/compare.py"
    )
    table = at.dataframe[0].value
    assert list(table["Path"])[-1] == "Settle the deficiency at 30%"
    assert list(table["You pay"]) == ["$1,500.00", "$1,500.00", "$450.00"]
    at.text_input(key="compare_a").set_value(
        "http://x/?loan=auto&balance=10000&sale_price=8500"
    ).run()
    at.text_input(key="compare_b").set_value(
        "http://x/?loan=auto&balance=10000&sale_price=9000"
    ).run()
    side = next(d.value for d in at.dataframe if "Difference (B − A)" in d.value.columns)
    assert next(iter(side["Difference (B − A)"])) == "-$500.00"


def test_learn_page_links_open_the_examples() -> None:
    at = open_app(page="pages/learn.py")
    links = [p for p in at.get("page_link")]
    assert len(links) >= 7
    at = open_app(
        {"v": "1", "loan": "auto", "balance": "10000", "sale_price": "8500", "legal_fees": "500"}
    )
    assert metric(at, "Deficiency balance") == "$2,000.00"


def test_what_if_offers_no_settlement_of_a_deficiency_the_law_leaves_nothing_of() -> None:
    """California bars the short-sale deficiency: What if said "Paying $15,000.00: $35,000.00
    is cancelled, … $0.00 in all". Now there is nothing to settle, and no settlement chart;
    in Texas, where the lender may collect, the explorer is still there."""
    barred = open_app(
        {"state": "CA", "balance": "250000", "sale_price": "200000"}, page="pages/whatif.py"
    )
    texts = [shown(c.value) for c in barred.caption]
    assert any("so there is nothing to settle" in t for t in texts), texts
    assert not any(shown(m.value).startswith("Paying ") for m in barred.markdown)
    titles = [
        json.loads(c.proto.spec)["layout"]["xaxis"]["title"]["text"]
        for c in barred.get("plotly_chart")
    ]
    assert "Settlement paid" not in titles
    allowed = open_app(
        {"state": "TX", "balance": "250000", "sale_price": "200000"}, page="pages/whatif.py"
    )
    assert any(shown(m.value).startswith("Paying $15,000.00:") for m in allowed.markdown)
