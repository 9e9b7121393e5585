"""The scenario page through AppTest: inputs, figures, links, bad links, reset."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import ROOT, metric, open_app, shown, url_of


def test_default_page_runs_and_shows_zero() -> None:
    at = open_app()
    assert not at.exception
    assert metric(at, "Deficiency balance") == "$0.00"
    assert any("not legal or tax advice" in c.value for c in at.caption)


def test_link_restores_the_short_sale() -> None:
    at = open_app({"balance": "250000", "sale_price": "200000", "v": "1"})
    assert not at.exception
    assert metric(at, "Deficiency balance") == "$50,000.00"
    assert metric(at, "Total owed") == "$250,000.00"
    assert at.number_input(key="in_balance").value == 250000.0
    assert not at.warning


def test_typing_inputs_updates_the_figures() -> None:
    at = open_app()
    at.selectbox(key="in_loan").set_value("auto").run()
    assert at.selectbox(key="in_path").value == "repossession"
    at.number_input(key="in_balance").set_value(10000.0).run()
    at.number_input(key="in_sale_price").set_value(8500.0).run()
    assert metric(at, "Deficiency balance") == "$1,500.00"
    at.number_input(key="in_legal_fees").set_value(500.0).run()
    assert metric(at, "Deficiency balance") == "$2,000.00"
    assert metric(at, "Total owed") == "$10,500.00"
    assert url_of(at)["legal_fees"] == "500"
    assert url_of(at)["loan"] == "auto"


def test_forgive_and_settle_split_the_deficiency() -> None:
    at = open_app({"loan": "auto", "balance": "2000"})
    at.radio(key="in_action").set_value("settle").run()
    at.number_input(key="in_settlement").set_value(1200.0).run()
    assert metric(at, "You still owe") == "$1,200.00"
    assert metric(at, "Cancelled (forgiven) debt") == "$800.00"
    at.radio(key="in_action").set_value("forgive").run()
    assert metric(at, "You still owe") == "$0.00"
    assert metric(at, "Cancelled (forgiven) debt") == "$2,000.00"


def test_fees_in_a_closed_group_keep_their_values_across_reruns() -> None:
    """Issue 13: the fee inputs are drawn whether "Fees and costs" is open or not, so a
    fee typed before the group closes is never dropped by a later rerun."""
    at = open_app({"balance": "250000", "sale_price": "200000"})
    at.number_input(key="in_interest").set_value(1000.0).run()
    at.number_input(key="in_late_fees").set_value(200.0).run()
    at.number_input(key="in_legal_fees").set_value(300.0).run()
    at.number_input(key="in_sale_costs").set_value(400.0).run()
    at.number_input(key="in_balance").set_value(250000.0).run()
    assert metric(at, "Deficiency balance") == "$51,900.00"
    assert at.number_input(key="in_interest").value == 1000.0
    assert {k: url_of(at)[k] for k in ("interest", "late_fees", "legal_fees", "sale_costs")} == {
        "interest": "1000",
        "late_fees": "200",
        "legal_fees": "300",
        "sale_costs": "400",
    }


def test_settlement_above_deficiency_is_explained_and_page_keeps_working() -> None:
    at = open_app({"balance": "1000", "sale_price": "900", "action": "settle"})
    at.number_input(key="in_settlement").set_value(50.0).run()
    at.number_input(key="in_settlement").set_value(5000.0).run()
    assert not at.exception
    # On-screen label and the reader's money format, not the internal key and "5000.00".
    assert [shown(e.value) for e in at.error] == [
        "Settlement amount: “$5,000.00” is more than the deficiency ($100.00); a settlement "
        "cannot exceed it."
    ]
    # The refused value is neither in the figures, the link nor the field.
    assert metric(at, "You still owe") == "$50.00"
    assert url_of(at)["settlement"] == "50"
    assert at.number_input(key="in_settlement").value == 50.0


def test_negative_amount_is_refused_with_what_is_allowed() -> None:
    at = open_app({"balance": "1000", "sale_price": "900"})
    at.number_input(key="in_sale_price").set_value(-5.0).run()
    assert not at.exception
    message = " ".join(shown(e.value) for e in at.error)
    assert "Sale price" in message and "100,000,000" in message
    assert metric(at, "Deficiency balance") == "$100.00"
    assert at.number_input(key="in_sale_price").value == 900.0


def test_raising_the_price_lowers_a_settlement_above_the_new_deficiency() -> None:
    at = open_app({"balance": "1000", "sale_price": "500", "action": "settle", "settlement": "400"})
    at.number_input(key="in_sale_price").set_value(800.0).run()
    assert url_of(at)["settlement"] == "200"
    assert metric(at, "You still owe") == "$200.00"
    assert [shown(e.value) for e in at.error] == [
        "Settlement amount: lowered to $200.00, the deficiency after your change (a settlement "
        "cannot be more than the deficiency)."
    ]


def test_a_typed_date_reaches_the_scenario_in_any_common_form() -> None:
    at = open_app({"balance": "250000", "sale_price": "200000"})
    at.text_input(key="in_sale_date").input("2025/9/15").run()
    assert url_of(at)["sale_date"] == "2025-09-15"
    assert at.text_input(key="in_sale_date").value == "2025-09-15"
    at.text_input(key="in_sale_date").input("15 Sept").run()
    assert any(
        "Date of the sale" in shown(e.value) and "YYYY-MM-DD" in shown(e.value) for e in at.error
    )
    assert url_of(at)["sale_date"] == "2025-09-15"
    at.text_input(key="in_sale_date").input("").run()
    assert "sale_date" not in url_of(at)


def test_surplus_is_shown_and_explained() -> None:
    at = open_app({"balance": "100000", "sale_price": "120000"})
    assert metric(at, "Surplus") == "$20,000.00"
    assert any("junior lienholders" in m.value for m in at.markdown)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("balance", "abc"),
        ("balance", "-5"),
        ("balance", "1e99"),
        ("balance", "NaN"),
        ("sale_price", "<script>alert(1)</script>"),
        ("loan", "<img src=x onerror=alert(1)>"),
        ("interest", "9" * 3000),
        ("nonsense", "1"),
        ("path", "repossession"),
        ("state", "ZZ"),
    ],
)
def test_each_bad_parameter_warns_and_keeps_the_rest(key: str, value: str) -> None:
    at = open_app({"balance": "250000", "sale_price": "200000", key: value})
    assert not at.exception
    assert len(at.warning) == 1
    raw = at.warning[0].value
    assert key in shown(raw)
    # Every markup character from the link is backslash-escaped: shown, never rendered.
    assert re.search(r"(?<!\\)[<>\[\]`]", raw) is None
    if key not in ("balance", "sale_price"):
        assert metric(at, "Deficiency balance") == "$50,000.00"


def test_reset_restores_the_defaults_and_the_link() -> None:
    at = open_app({"balance": "250000", "sale_price": "200000"})
    at.button(key="reset").click().run()
    assert metric(at, "Deficiency balance") == "$0.00"
    assert at.number_input(key="in_balance").value == 0.0
    assert url_of(at) == {"v": "1"}


def test_example_buttons_open_the_worked_examples() -> None:
    at = open_app()
    at.button(key="example_short_sale").click().run()
    assert metric(at, "Deficiency balance") == "$50,000.00"
    at.button(key="example_car").click().run()
    assert metric(at, "Deficiency balance") == "$2,000.00"
    assert at.selectbox(key="in_loan").value == "auto"


def test_share_link_shows_the_scenario() -> None:
    at = open_app({"balance": "250000", "sale_price": "200000"})
    link = at.code[0].value
    assert "balance=250000" in link and "sale_price=200000" in link and "v=1" in link


def test_waterfall_and_table_carry_the_same_numbers() -> None:
    at = open_app({"balance": "10000", "sale_price": "8500", "legal_fees": "500", "loan": "auto"})
    import json

    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    trace = spec["data"][0]
    assert trace["type"] == "waterfall"
    assert trace["customdata"] == ["$10,000.00", "$500.00", "$8,500.00", "$2,000.00"]
    table = at.table[0].value  # a static table: its cells wrap (nothing cut to "…")
    assert list(table["Amount"]) == trace["customdata"]


def test_a_repeated_key_in_a_link_is_reported_not_used_silently() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["balance"] = ["250000", "300000"]
    at.query_params["sale_price"] = "200000"
    at.run()
    warning = " ".join(shown(w.value) for w in at.warning)
    assert "Loan balance (balance)" in warning and "250000, 300000" in warning
    assert metric(at, "Total owed") == "$0.00"  # neither value was used
    assert "balance" not in url_of(at)


def test_cancelled_debt_is_one_figure_in_the_headline_and_the_tax_section() -> None:
    """A barred California deficiency "pursued" by the lender: the headline said $0
    cancelled while the tax section counted $50,000 (issue 13)."""
    at = open_app(
        {"state": "CA", "path": "foreclosure", "balance": "250000", "sale_price": "200000"}
    )
    assert metric(at, "You still owe") == "$0.00"
    assert metric(at, "Cancelled (forgiven) debt") == metric(at, "Cancelled debt")
