"""Second liens (sold-out juniors, short-sale releases) and co-borrowers, worked by hand.

Unless a test says otherwise the first loan is foreclosed: debt $300,000.00, sale price
$250,000.00, the home is a one-unit house the borrower lives in, and the second loan
(a HELOC or second mortgage) has $50,000.00 (5,000,000 cents) left on it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from deficiency import validate
from deficiency.core.money import to_cents
from deficiency.core.scenario import Scenario
from deficiency.core.validators import ScenarioError
from deficiency.rules import liens
from deficiency.rules.liens import messages as lien_text

SECOND = 5_000_000  # $50,000.00
BASE: dict[str, Any] = {
    "loan": "mortgage",
    "path": "foreclosure",
    "balance": "300000.00",
    "sale_price": "250000.00",
    "owner_occupied": "yes",
    "units": 1,
}


def scenario(state: str | None, **changes: Any) -> Scenario:
    return validate({**BASE, "state": state, **changes})


def msgids(result: liens.SecondLienResult) -> list[str]:
    return [note.msgid for note in result.notes]


# -- California ---------------------------------------------------------------------------
def test_california_purchase_money_second_on_owner_occupied_home_is_protected() -> None:
    # CCP 580b(a)(3) covers a purchase-money loan on a 1-4 unit home the buyer lives in,
    # and Brown v. Jensen / Spangler v. Memel apply it to a sold-out junior.
    result = liens.assess_second_lien(scenario("CA"), SECOND, False, True)
    assert result.status == "protected"
    assert result.protected
    assert result.collectible_cents == 0
    assert result.sold_out
    assert "580b(a)(3)" in result.citation
    assert result.rule.msgid == lien_text.MSG_CA_580B
    assert result.confidence == "confirmed"


def test_california_purchase_money_protection_needs_occupancy_and_four_units() -> None:
    not_lived_in = liens.assess_second_lien(
        scenario("CA", owner_occupied="no"), SECOND, False, True
    )
    five_units = liens.assess_second_lien(scenario("CA", units=5), SECOND, False, True)
    for result in (not_lived_in, five_units):
        assert result.status == "collectible"
        assert result.collectible_cents == SECOND


def test_california_same_lender_loans_made_together_trustee_sale_is_protected() -> None:
    # Simon v. Superior Court: one creditor, two loans made together, trustee sale under
    # the senior: 580d bars the junior. California's usual process is nonjudicial.
    result = liens.assess_second_lien(scenario("CA"), SECOND, True, False, made_with_first=True)
    assert result.status == "protected"
    assert result.collectible_cents == 0
    assert "Simon v. Superior Court" in result.citation
    assert result.rule.msgid == lien_text.MSG_CA_SIMON


def test_california_same_lender_explicit_trustee_sale_is_protected() -> None:
    result = liens.assess_second_lien(
        scenario("CA", foreclosure="nonjudicial"), SECOND, True, False, made_with_first=True
    )
    assert result.protected


def test_california_same_lender_separate_later_loan_is_collectible() -> None:
    # Black Sky Capital v. Cobb (Cal. 2019): loans made two years apart, same holder,
    # trustee sale under the senior: 580d does not bar the junior.
    result = liens.assess_second_lien(scenario("CA"), SECOND, True, False, made_with_first=False)
    assert result.status == "collectible"
    assert result.collectible_cents == SECOND
    assert "Black Sky" in result.citation


def test_california_same_lender_unknown_timing_is_cautiously_collectible() -> None:
    result = liens.assess_second_lien(scenario("CA"), SECOND, True, False)
    assert result.status == "collectible"
    assert result.collectible_cents == SECOND
    assert lien_text.MSG_CA_SAME_LENDER_UNKNOWN in msgids(result)


def test_california_same_lender_after_court_foreclosure_is_collectible() -> None:
    result = liens.assess_second_lien(
        scenario("CA", foreclosure="judicial"), SECOND, True, False, made_with_first=True
    )
    assert result.status == "collectible"
    assert lien_text.MSG_CA_SAME_LENDER_JUDICIAL in msgids(result)


def test_california_heloc_from_another_lender_is_collectible_after_foreclosure() -> None:
    # National Enterprises v. Woods: the sold-out junior may sue on its note.
    result = liens.assess_second_lien(scenario("CA"), SECOND, False, False)
    assert result.status == "collectible"
    assert result.collectible_cents == SECOND
    assert result.sold_out
    assert "National Enterprises" in result.citation
    assert result.rule.money == {"amount": SECOND}


def test_california_short_sale_580e_covers_the_second_after_its_release() -> None:
    result = liens.assess_second_lien(scenario("CA", path="short_sale"), SECOND, False, False)
    assert result.status == "protected"
    assert not result.sold_out
    assert "580e" in result.citation
    assert lien_text.MSG_SHORT_SALE_RELEASE in msgids(result)


def test_california_short_sale_of_five_units_is_outside_580e() -> None:
    result = liens.assess_second_lien(
        scenario("CA", path="short_sale", units=5), SECOND, False, False
    )
    assert result.status == "collectible"
    assert result.rule.msgid == lien_text.MSG_SHORT_SALE_COLLECTIBLE


def test_california_deed_in_lieu_leaves_a_heloc_owed() -> None:
    result = liens.assess_second_lien(scenario("CA", path="deed_in_lieu"), SECOND, False, False)
    assert result.status == "collectible"
    assert result.rule.msgid == lien_text.MSG_DEED_IN_LIEU


# -- other states ------------------------------------------------------------------------------
def test_recourse_state_sold_out_second_is_collectible_and_unconfirmed() -> None:
    # Georgia has no bar: the HELOC wiped out by the first's sale is unsecured debt.
    result = liens.assess_second_lien(scenario("GA"), SECOND, False, False)
    assert result.status == "collectible"
    assert result.collectible_cents == SECOND
    assert result.sold_out
    assert result.confidence == "unconfirmed"
    assert result.rule.msgid == lien_text.MSG_SOLD_OUT
    assert lien_text.MSG_UNCONFIRMED in msgids(result)


def test_texas_home_equity_second_carries_no_personal_liability() -> None:
    # Tex. Const. art. XVI, § 50(a)(6)(C): home-equity loans are without personal
    # liability; a purchase-money second is not a home-equity loan.
    heloc = liens.assess_second_lien(scenario("TX"), SECOND, False, False)
    assert heloc.status == "protected"
    assert heloc.collectible_cents == 0
    assert "50(a)(6)" in heloc.citation
    assert heloc.confidence == "unconfirmed"
    assert lien_text.MSG_HOME_EQUITY_CHECK in msgids(heloc)
    piggyback = liens.assess_second_lien(scenario("TX"), SECOND, False, True)
    assert piggyback.status == "collectible"


def test_first_loan_bar_does_not_protect_the_second() -> None:
    # Washington bars a deficiency on the first after a trustee sale; the second is not
    # the foreclosed loan.
    result = liens.assess_second_lien(
        scenario("WA", foreclosure="nonjudicial"), SECOND, False, False
    )
    assert result.status == "collectible"
    assert lien_text.MSG_SOLD_OUT_BAR_NOT_SHARED in msgids(result)


def test_other_state_purchase_money_rule_is_only_a_warning() -> None:
    result = liens.assess_second_lien(scenario("NV"), SECOND, False, True)
    assert result.status == "collectible"
    assert lien_text.MSG_OTHER_STATE_PURCHASE_MONEY in msgids(result)


def test_other_state_short_sale_needs_release_and_is_collectible() -> None:
    result = liens.assess_second_lien(scenario("NV", path="short_sale"), SECOND, False, False)
    assert result.status == "collectible"
    assert lien_text.MSG_SHORT_SALE_RELEASE in msgids(result)
    assert lien_text.MSG_OTHER_STATE_SHORT_SALE in msgids(result)


def test_no_state_is_collectible() -> None:
    result = liens.assess_second_lien(scenario(None), SECOND, False, False)
    assert result.status == "collectible"
    assert result.collectible_cents == SECOND


def test_no_second_and_not_a_mortgage() -> None:
    assert liens.assess_second_lien(scenario("CA"), 0, False, True).status == "none"
    car = validate({"loan": "auto", "balance": "10000", "sale_price": "8500"})
    result = liens.assess_second_lien(car, SECOND, False, False)
    assert result.status == "not_applicable"
    assert result.collectible_cents == 0


def test_second_collectible_is_vectorized() -> None:
    protected = np.array([True, False, False])
    balances = np.array([SECOND, SECOND, 123], dtype=np.int64)
    out = liens.second_collectible(protected, balances)
    assert out.dtype == np.int64
    assert out.tolist() == [0, SECOND, 123]
    assert [
        liens.second_collectible(bool(p), int(b)) for p, b in zip(protected, balances, strict=True)
    ] == [
        0,
        SECOND,
        123,
    ]
    assert isinstance(liens.second_collectible(False, 5), int)


# -- co-borrowers and Form 1099-C -----------------------------------------------------------
@pytest.mark.parametrize(
    ("cancelled", "coborrowers", "after_1994", "forms", "each"),
    [
        (59_999, 2, True, 0, 0),  # under $600: no form required
        (60_000, 0, True, 1, 60_000),  # $600 exactly, one borrower
        (999_999, 2, True, 1, 999_999),  # under $10,000: primary debtor only
        (1_000_000, 2, True, 3, 1_000_000),  # $10,000: every debtor, full amount
        (2_000_000, 1, True, 2, 2_000_000),
        (2_000_000, 0, True, 1, 2_000_000),
        (2_000_000, 2, False, 1, 2_000_000),  # debt incurred before 1995
    ],
)
def test_forms_1099c_multiple_debtor_rule(
    cancelled: int, coborrowers: int, after_1994: bool, forms: int, each: int
) -> None:
    assert liens.forms_1099c(cancelled, coborrowers, after_1994) == (forms, each)


def test_forms_1099c_arrays_match_scalars() -> None:
    cancelled = np.array([0, 59_999, 60_000, 999_999, 1_000_000, 5_000_000], dtype=np.int64)
    forms, each = liens.forms_1099c(cancelled, 2)
    expected = [liens.forms_1099c(int(c), 2) for c in cancelled]
    assert forms.tolist() == [f for f, _ in expected]
    assert each.tolist() == [e for _, e in expected]


def test_coborrowers_each_liable_and_each_gets_full_1099c() -> None:
    s = scenario("TX")
    result = liens.assess_coborrowers(
        s, owed_cents=5_000_000, cancelled_cents=2_000_000, coborrowers=2
    )
    assert result.people == 3
    assert result.liable_each_cents == 5_000_000  # the whole amount, not a third
    assert result.forms == 3
    assert result.amount_on_each_form == 2_000_000
    ids = [note.msgid for note in result.notes]
    assert ids[:2] == [lien_text.MSG_COBORROWERS_LIABLE, lien_text.MSG_1099C_EACH]
    assert lien_text.MSG_1099C_SHARE in ids
    assert result.notes[1].money == {"amount": 2_000_000}
    assert "1.6050P-1(e)" in result.citation


def test_coborrower_loan_made_before_1995_gets_one_form() -> None:
    s = scenario("TX", loan_date="1990-06-01")
    result = liens.assess_coborrowers(s, 0, 2_000_000, 1)
    assert result.forms == 1
    assert result.notes[0].msgid == lien_text.MSG_1099C_PRIMARY


def test_coborrowers_small_cancellation_and_bounds() -> None:
    result = liens.assess_coborrowers(scenario("TX"), 0, 50_000, 1)
    assert result.forms == 0
    assert [note.msgid for note in result.notes] == [lien_text.MSG_1099C_NONE]
    with pytest.raises(ValueError):
        liens.assess_coborrowers(scenario("TX"), 0, 0, 11)


# -- the scenario's keys -----------------------------------------------------------------
def test_the_lien_keys_are_validated_by_the_scenario() -> None:
    sc = validate(
        {
            "second_balance": "50000.00",
            "second_lender_same": "yes",
            "second_purchase_money": "no",
            "coborrowers": "2",
        }
    )
    assert to_cents(sc.second_balance) == SECOND
    assert sc.second_lender_same is True
    assert sc.second_made_with_first is None
    assert sc.coborrowers == 2
    for bad in ({"coborrowers": "11"}, {"coborrowers": True}, {"second_balance": "1.005"}):
        with pytest.raises(ScenarioError):
            validate(bad)


def test_every_rule_is_cited() -> None:
    for rule in liens.load_rules().values():
        assert rule.citation
        assert rule.source_url.startswith("http")
        assert rule.confidence in ("confirmed", "unconfirmed")
    assert dt.date(1995, 1, 1) == liens.multiple_debtors_from()
    assert (liens.form_1099c_threshold(), liens.multiple_debtors_threshold()) == (60_000, 1_000_000)
