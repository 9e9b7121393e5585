"""Tax on cancelled debt: the publications' worked examples and the issue's cases.

Expected values are literals: from the IRS example where one exists (cited on each test),
otherwise computed by hand from the rate tables (the arithmetic is in the comment).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from deficiency import evaluate, sweep, validate
from deficiency.core.money import cents_str, to_cents
from deficiency.rules import tax
from deficiency.text.markers import Message
from tests.support.msgids import n_literals

TODAY = dt.date(2025, 6, 30)  # a fixed "today" so the default tax year never drifts


def run(nonrecourse: bool | None = None, **data: Any) -> tax.TaxResult:
    """Validate, evaluate and assess one scenario (values as the JSON interface takes them)."""
    scenario = validate({key: str(value) for key, value in data.items()})
    return tax.assess(scenario, evaluate(scenario), nonrecourse, today=TODAY)


def msgids(result: tax.TaxResult) -> list[str]:
    return [message.msgid for message in result.steps]


def c(dollars: str) -> int:
    return to_cents(dollars)


# -- IRS worked examples (their figures: irs_examples.json, test_irs_examples.py) -----------
def test_tara_explains_the_loss_and_the_brackets_used() -> None:
    """Pub 4681 ch. 2, Example 1 (its figures: irs_examples.json): the step list says the
    car's loss is not deductible, and that 2014 brackets are not loaded (2024 is used)."""
    result = run(
        loan="auto",
        balance="10000",
        sale_price="9000",
        fmv="9000",
        basis="15000",
        action="forgive",
        recourse="yes",
        discharge_date="2014-11-15",
    )
    assert any(m.startswith("Loss: {loss}. A loss on your home, your car") for m in msgids(result))
    assert result.form_1099c == tax.Form1099C(True, c("1000"), True, "G", c("9000"))
    assert any("are not loaded" in m for m in msgids(result))


def test_returning_the_property_yourself_is_a_repossession() -> None:
    """Pub 544: a foreclosure or repossession is a sale "even if you voluntarily return the
    property to the lender"; Pub 4681 ch. 3: a deed in lieu is an exchange, like a
    foreclosure. Same figures, only the explanation differs."""
    tara = {"loan": "auto", "balance": "10000", "sale_price": "9000", "basis": "15000"}
    surrender = run(**tara, path="voluntary_surrender", action="forgive")
    repossession = run(**tara, path="repossession", action="forgive")
    home = {"balance": "180000", "sale_price": "170000", "basis": "175000", "main_home": "no"}
    deed = run(**home, path="deed_in_lieu", action="forgive")
    foreclosure = run(**home, path="foreclosure", action="forgive")
    for a, b in ((surrender, repossession), (deed, foreclosure)):
        assert a.as_json() == b.as_json()
        assert a.steps[0] != b.steps[0]


def test_pub_525_example_24_qpri_ordering_rule() -> None:
    """Pub 525 (2025) Example 24: loan $900,000 of which $700,000 is QPRI; $300,000
    cancelled: only $100,000 ($300,000 − $200,000 non-QPRI) is excluded as QPRI."""
    assert tax.qpri_exclusion(c("300000"), c("900000"), c("700000")) == c("100000")
    many = tax.qpri_exclusion(np.array([c("150000"), c("300000")]), c("900000"), c("700000"))
    assert many.tolist() == [0, c("100000")]


# -- the cases ---------------------------------------------------------------------
def test_settlement_of_2000_for_1200() -> None:
    result = run(
        loan="auto",
        balance="12000",
        sale_price="10000",
        action="settle",
        settlement="1200",
        taxable_income="50000",
    )
    assert result.cancelled_debt == c("800")
    assert result.form_1099c_expected
    assert result.form_1099c.box2_cancelled == c("800")
    assert result.form_1099c.box6_code == "F"
    assert result.taxable_cancelled_debt == c("800")
    # 2025 single, $50,000 is in the 22% bracket (over $48,475): 800 × 22% = 176.00
    assert result.estimated_federal_tax == c("176")
    assert result.marginal_rate == "22%"


def test_500_cancelled_is_below_the_threshold_but_still_income() -> None:
    result = run(
        loan="auto",
        balance="10500",
        sale_price="10000",
        action="forgive",
        taxable_income="50000",
    )
    assert result.cancelled_debt == c("500")
    assert not result.form_1099c_expected
    assert result.taxable_cancelled_debt == c("500")
    assert result.estimated_federal_tax == c("110")  # 500 × 22%
    assert any(m.startswith("No Form 1099-C is expected") for m in msgids(result))


def test_bankruptcy_excludes_everything() -> None:
    result = run(
        loan="auto",
        balance="125000",
        sale_price="100000",
        action="forgive",
        bankruptcy="chapter7",
        total_liabilities="500000",
        total_assets="1000",
        taxable_income="80000",
    )
    assert result.excluded == {"bankruptcy": c("25000"), "insolvency": 0, "qpri": 0}
    assert result.taxable_cancelled_debt == 0
    assert result.estimated_federal_tax == 0
    assert not result.form_1099c_expected  # Treas. Reg. § 1.6050P-1(d)(1)
    assert result.form_1099c.box6_code == "A"
    assert result.form982_lines == ("1a", "2")


def test_insolvency_of_10000_against_25000_cancelled() -> None:
    result = run(
        loan="auto",
        balance="45000",
        sale_price="20000",
        action="forgive",
        total_liabilities="60000",
        total_assets="50000",
        taxable_income="50000",
    )
    assert result.cancelled_debt == c("25000")
    assert result.excluded["insolvency"] == c("10000")
    assert result.taxable_cancelled_debt == c("15000")
    assert result.estimated_federal_tax == c("3300")  # 15,000 × 22% (65,000 < 103,350)
    assert result.as_json()["excluded"] == {
        "bankruptcy": "0.00",
        "insolvency": "10000.00",
        "qpri": "0.00",
    }


def test_not_insolvent_when_assets_cover_liabilities() -> None:
    result = run(
        loan="auto",
        balance="45000",
        sale_price="20000",
        action="forgive",
        total_liabilities="50000",
        total_assets="50000",
    )
    assert result.excluded["insolvency"] == 0
    assert result.insolvency == 0


QPRI_HOME = {"balance": "300000", "sale_price": "250000", "action": "forgive", "basis": "400000"}


def test_qpri_inside_its_window() -> None:
    result = run(**QPRI_HOME, discharge_date="2025-06-30")
    assert result.excluded["qpri"] == c("50000")
    assert result.taxable_cancelled_debt == 0
    assert result.form982_lines == ("1e", "2")


def test_qpri_after_its_window() -> None:
    """IRC § 108(a)(1)(E): discharged before 2026-01-01 (P.L. 116-260); not extended."""
    result = run(**QPRI_HOME, discharge_date="2026-02-01", taxable_income="50000")
    assert result.excluded["qpri"] == 0
    assert result.taxable_cancelled_debt == c("50000")
    assert result.tax_year == result.bracket_year == 2026
    # 2026 single (Rev. Proc. 2025-32): tax(100,000) = 5,800 + 22% × 49,600 = 16,712;
    # tax(50,000) = 1,240 + 12% × 37,600 = 5,752; difference 10,960.
    assert result.estimated_federal_tax == c("10960")
    assert any("written agreement" in m for m in msgids(result))


def test_qpri_before_its_window() -> None:
    result = run(**QPRI_HOME, discharge_date="2006-12-31")
    assert result.excluded["qpri"] == 0
    assert any("on or after {start}" in m for m in msgids(result))


@pytest.mark.parametrize(
    ("status", "date", "qpri", "taxable"),
    [
        # limit $750,000: the loan's $150,000 over it is non-QPRI and absorbs the discharge first
        ("married_joint", "2025-06-30", "150000", "150000"),
        # MFS limit $375,000: $525,000 non-QPRI exceeds the $300,000 cancelled
        ("married_separate", "2025-06-30", "0", "300000"),
        # before 2021 the limit was $2,000,000: all of it qualifies
        ("married_joint", "2019-05-01", "300000", "0"),
    ],
)
def test_qpri_above_its_limit(status: str, date: str, qpri: str, taxable: str) -> None:
    result = run(
        balance="900000",
        sale_price="600000",
        action="forgive",
        filing_status=status,
        discharge_date=date,
    )
    assert result.cod_income == c("300000")
    assert result.excluded["qpri"] == c(qpri)
    assert result.taxable_cancelled_debt == c(taxable)


def test_qpri_comes_before_insolvency() -> None:
    """§ 108(a)(2)(C): QPRI first; insolvency only on what QPRI leaves."""
    result = run(
        balance="900000",
        sale_price="600000",
        action="forgive",
        filing_status="married_joint",
        discharge_date="2025-06-30",
        total_liabilities="1000000",
        total_assets="900000",
    )
    assert result.excluded == {"bankruptcy": 0, "insolvency": c("100000"), "qpri": c("150000")}
    assert result.taxable_cancelled_debt == c("50000")
    assert result.form982_lines == ("1b", "1e", "2")


@pytest.mark.parametrize("extra", [{"home_equity": "yes"}, {"main_home": "no"}, {"loan": "auto"}])
def test_qpri_needs_main_home_acquisition_debt(extra: dict[str, str]) -> None:
    data = {**QPRI_HOME, "discharge_date": "2025-06-30", **extra}
    if extra.get("loan") == "auto":
        data["path"] = "repossession"
    result = run(**data)
    assert result.excluded["qpri"] == 0
    assert result.taxable_cancelled_debt == c("50000")


NONRECOURSE_HOME = {"balance": "500000", "sale_price": "400000", "action": "forgive"}


@pytest.mark.parametrize(
    ("status", "basis", "gain", "excluded", "taxable"),
    [
        ("single", "350000", "150000", "150000", "0"),  # under the $250,000 limit
        ("single", "200000", "300000", "250000", "50000"),  # over it
        ("married_joint", "200000", "300000", "300000", "0"),  # under $500,000
    ],
)
def test_main_home_gain_and_section_121(
    status: str, basis: str, gain: str, excluded: str, taxable: str
) -> None:
    """Nonrecourse foreclosure: the whole $500,000 debt is realized (Pub 544), so a gain is
    possible; IRC § 121(b) excludes up to $250,000 ($500,000 joint)."""
    result = run(
        **NONRECOURSE_HOME,
        path="foreclosure",
        recourse="no",
        basis=basis,
        filing_status=status,
    )
    assert result.amount_realized == c("500000")
    assert result.gain == c(gain)
    assert result.section121_excluded == c(excluded)
    assert result.taxable_gain == c(taxable)
    assert result.cod_income == 0


def test_short_sale_with_surplus_realizes_the_sale_price() -> None:
    result = run(balance="300000", sale_price="450000", basis="100000", recourse="yes")
    assert result.proceeds == c("150000")
    assert result.amount_realized == c("450000")
    assert result.gain == c("350000")
    assert result.section121_excluded == c("250000")
    assert result.taxable_gain == c("100000")
    assert result.cancelled_debt == result.cod_income == 0


def test_short_sale_uses_the_sale_price_not_the_appraisal() -> None:
    result = run(balance="300000", sale_price="250000", fmv="280000", action="forgive")
    assert result.cod_income == result.cancelled_debt == c("50000")
    assert result.amount_realized == c("250000")
    assert result.form_1099c.box7_fmv == c("280000")  # box 7: the appraised value
    assert result.form_1099c.box6_code == "F"


def test_foreclosure_fmv_above_the_bid_moves_debt_into_the_amount_realized() -> None:
    """Worksheet: line 1 $180,000, line 2 $170,000 → $10,000 income, $170,000 realized,
    although the lender cancels $30,000 after a $150,000 bid (box 2)."""
    result = run(
        balance="180000",
        sale_price="150000",
        fmv="170000",
        path="foreclosure",
        action="forgive",
        main_home="no",
    )
    assert result.cancelled_debt == c("30000")
    assert result.cod_income == c("10000")
    assert result.amount_realized == c("170000")


@pytest.mark.parametrize(("process", "code"), [("nonjudicial", "D"), ("judicial", "B")])
def test_state_barred_deficiency_is_nonrecourse(process: str, code: str) -> None:
    result = run(
        nonrecourse=True,
        balance="200000",
        sale_price="150000",
        path="foreclosure",
        foreclosure=process,
        action="collect",
        basis="160000",
    )
    assert not result.recourse and result.recourse_reason == "state"
    assert result.cancelled_debt == c("50000")
    assert result.cod_income == 0
    assert result.amount_realized == c("200000")
    assert result.gain == c("40000")
    # Not personally liable: the lender that took the home files Form 1099-A (box 5 not
    # checked), not Form 1099-C (IRS Topic 432); a 1099-C sent anyway would use ``code``.
    assert not result.form_1099c_expected
    assert result.forms_expected == ("1099-A",)
    assert not result.form_1099a.box5_personally_liable
    assert result.form_1099c.box6_code == code
    assert not result.form_1099c.box5_personally_liable


def test_recourse_key_overrides_the_state_result() -> None:
    result = run(nonrecourse=True, balance="200000", sale_price="150000", recourse="yes")
    assert result.recourse and result.recourse_reason == "user"
    assert result.cancelled_debt == 0  # collect: the deficiency is still owed


@pytest.mark.parametrize(
    ("path", "action", "code"),
    [
        ("short_sale", "forgive", "F"),
        ("deed_in_lieu", "forgive", "F"),
        ("foreclosure", "forgive", "G"),
        ("foreclosure", "settle", "F"),
    ],
)
def test_event_codes(path: str, action: str, code: str) -> None:
    data = {"balance": "300000", "sale_price": "250000", "path": path, "action": action}
    if action == "settle":
        data["settlement"] = "10000"
    assert run(**data).form_1099c.box6_code == code


def test_collect_cancels_nothing() -> None:
    result = run(loan="auto", balance="12000", sale_price="10000", action="collect")
    assert result.cancelled_debt == result.cod_income == 0
    assert not result.form_1099c_expected
    assert result.form_1099c.box6_code is None


def test_unknown_basis_leaves_the_gain_out() -> None:
    result = run(loan="auto", balance="12000", sale_price="10000", action="forgive")
    assert result.gain is None
    assert result.as_json()["gain"] is None
    assert any(m.startswith("Gain or loss is not figured") for m in msgids(result))


def test_json_shape() -> None:
    result = run(loan="auto", balance="12000", sale_price="10000", action="forgive", basis="11000")
    data = result.as_json()
    assert list(data) == [
        "form_1099c_expected",
        "forms_expected",
        "amount_realized",
        "gain",
        "taxable_gain",
        "cancelled_debt",
        "cod_income",
        "excluded",
        "taxable_cancelled_debt",
        "estimated_federal_tax",
        "tax_on_gain",
        "marginal_rate",
        "sources",
    ]
    assert data["forms_expected"] == ["1099-C"]  # a car held for personal use: no 1099-A
    assert data["taxable_gain"] is None and data["tax_on_gain"] == "0.00"
    assert data["amount_realized"] == "10000.00"
    assert data["gain"] == "-1000.00"
    assert data["cancelled_debt"] == data["cod_income"] == "2000.00"
    assert data["estimated_federal_tax"] == "200.00"  # 2,000 × 10% on zero other income
    assert data["marginal_rate"] == "10%"
    assert all(set(s) == {"title", "url"} for s in data["sources"])
    assert any("p4681" in s["url"] for s in data["sources"])
    assert any("rp-24-40" in s["url"] for s in data["sources"])


def test_sweep_helper_matches_assess() -> None:
    data = {
        "balance": "300000",
        "sale_price": "250000",
        "action": "settle",
        "taxable_income": "60000",
        "discharge_date": "2026-05-01",
    }
    scenario = validate(data)
    settlements = np.arange(0, 5_000_001, 250_000, dtype=np.int64)
    cancelled = sweep(scenario, settlement=settlements)["cancelled_debt"]
    taxes = tax.tax_on_cancelled(cancelled, scenario, today=TODAY)
    assert taxes.dtype == np.int64 and taxes.shape == settlements.shape
    for settlement, value in zip(settlements, taxes, strict=True):
        one = validate({**data, "settlement": cents_str(settlement)})
        assert tax.assess(one, evaluate(one), today=TODAY).estimated_federal_tax == value
    assert (np.diff(taxes) <= 0).all()  # paying more leaves less cancelled, less tax


def test_notes_and_insolvency_worksheet() -> None:
    result = run(loan="auto", balance="12000", sale_price="10000", action="forgive", basis="1")
    assert result.notes[0] == tax.STATE_TAX_NOTE and result.notes[-1] == tax.PROFESSIONAL_NOTE
    assert "VITA" in tax.PROFESSIONAL_NOTE.text()
    lines = [
        line.line for part in ("liabilities", "assets") for line in tax.INSOLVENCY_CATEGORIES[part]
    ]
    assert lines == [*range(1, 15), *range(16, 37)]
    keys = [line.key for part in tax.INSOLVENCY_CATEGORIES.values() for line in part]
    assert len(keys) == len(set(keys))
    assert tax.insolvency_amount(c("15000"), c("7000")) == c("8000")
    assert tax.insolvency_amount(c("7000"), c("15000")) == 0
    assert tax.insolvency_amount(None, c("1")) == 0


def _literal_msgids() -> set[str]:
    return n_literals(tax)


SAMPLES = [
    {"loan": "auto", "balance": "12000", "sale_price": "10000", "action": "forgive"},
    {**QPRI_HOME, "discharge_date": "2026-02-01", "purchase_money": "no"},
    {**QPRI_HOME, "discharge_date": "2025-02-01", "purchase_money": "no", "home_equity": "no"},
    {**QPRI_HOME, "home_equity": "yes", "total_liabilities": "1", "total_assets": "2"},
    {**NONRECOURSE_HOME, "recourse": "no", "basis": "1", "filing_status": "surviving_spouse"},
    {**NONRECOURSE_HOME, "main_home": "no", "basis": "900000", "bankruptcy": "chapter13"},
    {"balance": "900000", "sale_price": "600000", "action": "forgive", "basis": "600000"},
    {"loan": "auto", "balance": "1", "sale_price": "2", "basis": "1"},
    {
        "balance": "180000",
        "sale_price": "150000",
        "fmv": "140000",
        "action": "settle",
        "settlement": "100",
        "path": "foreclosure",
        "discharge_date": "2006-01-01",
    },
]


@pytest.mark.parametrize("data", SAMPLES)
def test_every_message_is_a_literal_msgid_and_renders(data: dict[str, str]) -> None:
    known = _literal_msgids()
    for nonrecourse in (None, True, False):
        result = run(nonrecourse=nonrecourse, **data)
        for message in (*result.steps, *result.notes):
            assert isinstance(message, Message)
            assert message.msgid in known, message.msgid
            text = message.text()  # every placeholder is filled
            assert "{" not in text and "}" not in text
