"""Letter check, 1099-C reader, second liens, co-borrowers, help and the case note."""

from __future__ import annotations

import pytest

from tests.app.conftest import metric, open_app, shown, url_of

LETTER = {
    "loan": "auto",
    "lt_obligation": "12000",
    "lt_proceeds": "7000",
    "lt_repo_fee": "400",
    "lt_storage_days": "30",
    "lt_storage_rate": "20",
    "lt_stated_deficiency": "6500",
    "lt_precomputed": "yes",
}


@pytest.mark.parametrize("page", ["pages/letter.py", "pages/form1099c.py"])
@pytest.mark.parametrize("query", [{}, LETTER, {"fc_amount": "NaN", "lt_proceeds": "<b>x</b>"}])
def test_pages_run(page: str, query: dict[str, str]) -> None:
    at = open_app(query, page=page)
    assert not at.exception


def test_letter_is_recomputed_and_flagged() -> None:
    at = open_app(LETTER, page="pages/letter.py")
    # 12,000 − 7,000 + 400 + 30 × 20 = 6,000.00, but the letter claims 6,500.00
    assert metric(at, "Recomputed deficiency") == "$6,000.00"
    assert metric(at, "The letter claims") == "$6,500.00"
    flagged = " ".join(shown(e.value) for e in (*at.error, *at.warning, *at.info))
    assert "6,500" in flagged or "500.00" in flagged


def test_letter_input_goes_into_the_link() -> None:
    at = open_app({"loan": "auto"}, page="pages/letter.py")
    at.number_input(key="in_lt_obligation").set_value(9000.0).run()
    assert url_of(at)["lt_obligation"] == "9000"
    assert metric(at, "Recomputed deficiency") == "$9,000.00"


def test_bad_letter_values_in_a_link_are_explained() -> None:
    at = open_app({"lt_proceeds": "-3", "fc_code": "Z", "balance": "10"}, page="pages/letter.py")
    text = shown(at.warning[0].value)
    assert "lt_proceeds" in text and "fc_code" in text
    assert url_of(at) == {"v": "1", "balance": "10"}


def test_form_1099c_reading_compares_with_the_scenario() -> None:
    query = {
        "loan": "auto",
        "balance": "2000",
        "action": "settle",
        "settlement": "1200",
        "fc_amount": "800",
        "fc_code": "F",
        "fc_date": "2025-05-01",
    }
    at = open_app(query, page="pages/form1099c.py")
    assert metric(at, "Cancelled debt on the forms") == "$800.00"
    assert metric(at, "Cancelled debt this scenario computes") == "$800.00"
    assert any(shown(m.value).startswith("F —") for m in at.markdown)


def test_form_1099c_typed_on_the_page_goes_into_the_link_and_is_read() -> None:
    """Box 2 and box 6 typed on the page (not opened from a link) reach the link, and the
    reading shows the amount and the code's explanation."""
    query = {"loan": "auto", "balance": "2000", "action": "settle", "settlement": "1200"}
    at = open_app(query, page="pages/form1099c.py")
    assert [i.value for i in at.info] == ["Enter at least box 2 of a form to read it."]
    at.number_input(key="in_fc_amount").set_value(812.5).run()
    at.selectbox(key="in_fc_code").set_value("F").run()
    assert not at.exception
    link = url_of(at)
    assert (link.get("fc_amount"), link.get("fc_code")) == ("812.50", "F")
    assert metric(at, "Cancelled debt on the forms") == "$812.50"
    assert metric(at, "Cancelled debt this scenario computes") == "$800.00"
    text = [shown(m.value) for m in at.markdown]
    assert any(t.startswith("**Form 1") and "$812.50" in t for t in text), text
    assert any(t.startswith("F —") for t in text), text
    # A second form's box 2 is its own key and adds to the first.
    at.number_input(key="in_fc2_amount").set_value(100.0).run()
    assert url_of(at).get("fc2_amount") == "100"
    assert metric(at, "Cancelled debt on the forms") == "$912.50"


def test_second_lien_and_coborrowers_sections() -> None:
    query = {
        "state": "CA",
        "path": "foreclosure",
        "balance": "300000",
        "sale_price": "250000",
        "second_balance": "40000",
        "coborrowers": "1",
    }
    at = open_app(query)
    assert metric(at, "Second loan balance") == "$40,000.00"
    assert metric(at, "Collectible on the second loan") in ("$0.00", "$40,000.00")
    assert any(h.value == "Co-borrowers" for h in at.subheader)


def test_help_and_case_note() -> None:
    at = open_app({"loan": "auto", "balance": "10000", "sale_price": "8500", "action": "forgive"})
    assert any(h.value == "Where to get help" for h in at.subheader)
    at.session_state["exp_note"] = True  # the counselor opens the case note
    at.run()
    note = next(c.value for c in at.code if "Deficiency" in c.value or "deficiency" in c.value)
    assert "balance=10000" in note and "$1,500.00" in note


def test_forms_amount_feeds_the_tax_estimate() -> None:
    query = {"loan": "auto", "balance": "20000", "taxable_income": "50000", "fc_amount": "10000"}
    at = open_app(query, page="pages/form1099c.py")
    tax = metric(at, "Estimated extra federal tax on the forms' amount")
    assert tax not in ("$0.00", "")  # $10,000 of recourse car debt, no exclusion: taxable


def test_compare_counts_relocation_help() -> None:
    query = {"balance": "250000", "sale_price": "200000", "investor": "fannie_mae"}
    at = open_app(query, page="pages/compare.py")
    table = at.dataframe[0].value
    assert "Relocation help" in table.columns
    short_sale = table[table["Path"].str.startswith("Short sale")].iloc[0]
    assert short_sale["Path"] == "Short sale · your scenario"
    assert short_sale["Relocation help"] != "$0.00"


def test_every_page_says_when_its_rules_were_checked() -> None:
    at = open_app({"state": "TX"})
    assert any(c.value.startswith("Rules as of") for c in at.caption)
