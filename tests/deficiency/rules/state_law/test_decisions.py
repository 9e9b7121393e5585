"""State law and UCC Article 9, worked by hand from the statutes.

Every expected amount is a literal computed by hand from the rule cited next to it, never
from the data file. Unless a test says otherwise the scenario is a foreclosure with
debt $300,000.00 and sale price $250,000.00, so the contractual deficiency is $50,000.00
(5,000,000 cents), and the loan is *not* purchase money (so purchase-money bars stay out
of the way unless a test turns them on).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import numpy as np
import pytest

from deficiency import evaluate, validate
from deficiency.core.scenario import STATE_CODES
from deficiency.rules import state_law as sl

DEFICIENCY = 5_000_000  # $300,000.00 − $250,000.00, in cents
BASE: dict[str, Any] = {
    "loan": "mortgage",
    "path": "foreclosure",
    "balance": "300000.00",
    "sale_price": "250000.00",
    "purchase_money": "no",
    "owner_occupied": "yes",
    "units": 1,
    "acres": "0.25",
}


def run(state: str | None, **changes: Any) -> sl.StateLawResult:
    scenario = validate({**BASE, "state": state, **changes})
    return sl.assess(scenario, evaluate(scenario))


def msgids(messages: list[Any]) -> list[str]:
    return [message.msgid for message in messages]


# One scenario per jurisdiction: (state, changes, expected collectible cents, derivation).
EVERY_JURISDICTION: list[tuple[str, dict[str, Any], int, str]] = [
    ("AL", {}, 5_000_000, "no Alabama statute bars or reduces it: full $50,000"),
    ("AK", {"foreclosure": "nonjudicial"}, 0, "AS 34.20.100: no deficiency after a trustee sale"),
    ("AZ", {"foreclosure": "nonjudicial", "acres": "2"}, 0, "33-814(G): 1-family home on <=2.5 ac"),
    ("AR", {"foreclosure": "nonjudicial", "fmv": "260000"}, 4_000_000,
     "18-50-112(b): 300,000 − max(260,000, 250,000) = 40,000"),
    ("CA", {"foreclosure": "nonjudicial"}, 0, "CCP 580d: no deficiency after a trustee sale"),
    ("CO", {"fmv": "280000"}, 5_000_000, "no fair-value credit by statute (bid rule only): 50,000"),
    ("CT", {"fmv": "270000", "strict_foreclosure": "yes"}, 3_000_000,
     "49-14, strict foreclosure: claim 300,000 − valuation 270,000 = 30,000"),
    ("DE", {}, 5_000_000, "no Delaware rule found: 50,000"),
    ("DC", {}, 5_000_000, "no D.C. rule found: 50,000"),
    ("FL", {"fmv": "280000"}, 2_000_000, "702.06 owner-occupied: 300,000 − FMV 280,000 = 20,000"),
    ("GA", {"foreclosure": "nonjudicial", "sale_confirmed": "no"}, 0,
     "44-14-161(a): no deficiency without the court's confirmation of the sale"),
    ("HI", {"foreclosure": "nonjudicial"}, 0, "667-38: owner-occupant, power-of-sale foreclosure"),
    ("ID", {"foreclosure": "nonjudicial", "fmv": "251000.01"}, 4_899_999,
     "45-1512: 300,000 − 251,000.01 = 48,999.99"),
    ("IL", {}, 5_000_000, "15-1508(e) allows it (personal service): 50,000"),
    ("IN", {}, 5_000_000, "no Indiana bar found: 50,000"),
    ("IA", {}, 5_000_000, "judicial foreclosure allows it (654.6): 50,000"),
    ("KS", {"fmv": "280000"}, 5_000_000, "60-2415 credit is only discretionary: 50,000"),
    ("KY", {}, 5_000_000, "allowed with personal service: 50,000"),
    ("LA", {}, 5_000_000, "allowed after an appraised sale (13:4106): 50,000"),
    ("ME", {"lender_bought": "yes", "fmv": "270000"}, 3_000_000,
     "14 MRS 6324, mortgagee bought: 300,000 − FMV 270,000 = 30,000"),
    ("MD", {}, 5_000_000, "allowed by motion (RP 7-105.17): 50,000"),
    ("MA", {"notice_given": "no"}, 0, "c.244 §17B: no deficiency without the pre-sale notice"),
    ("MI", {"foreclosure": "nonjudicial", "lender_bought": "yes", "fmv": "260000"}, 4_000_000,
     "600.3280, mortgagee bought at advertisement sale: 300,000 − 260,000 = 40,000"),
    ("MN", {"foreclosure": "nonjudicial", "redemption_period": "six_months"}, 0,
     "582.30 subd. 2: advertisement with a six-month redemption period"),
    ("MS", {}, 5_000_000, "allowed within a year (15-1-23): 50,000"),
    ("MO", {}, 5_000_000, "no Missouri rule found: 50,000"),
    ("MT", {"foreclosure": "nonjudicial"}, 0, "71-1-317: trust indenture sold by advertisement"),
    ("NE", {"foreclosure": "nonjudicial", "fmv": "262500.50"}, 3_749_950,
     "76-1013: 300,000 − max(262,500.50, 250,000) = 37,499.50"),
    ("NV", {"foreclosure": "nonjudicial", "purchase_money": "yes", "fmv": "260000"}, 4_000_000,
     "40.455(3) needs the loan date (unknown: not applied); 40.459: 300,000 − 260,000"),
    ("NH", {}, 5_000_000, "allowed by suit after the sale: 50,000"),
    ("NJ", {"fmv": "280000"}, 2_000_000, "2A:50-3: debt 300,000 − FMV 280,000 = 20,000"),
    ("NM", {}, 5_000_000, "judicial foreclosure allows it: 50,000"),
    ("NY", {"fmv": "290000"}, 1_000_000, "RPAPL 1371(2): 300,000 − max(290,000, 250,000)"),
    ("NC", {"foreclosure": "nonjudicial", "lender_bought": "yes", "fmv": "280000"}, 2_000_000,
     "45-21.36, mortgagee bought: offset to 300,000 − 280,000 = 20,000"),
    ("ND", {"acres": "10"}, 0, "32-19-03: owner-occupied homestead, 1 unit, 10 acres"),
    ("OH", {}, 5_000_000, "allowed; enforceable for 2 years (2329.08): 50,000"),
    ("OK", {"foreclosure": "judicial", "fmv": "270000"}, 3_000_000,
     "12 O.S. 686: 300,000 − max(270,000, 250,000) = 30,000"),
    ("OR", {"foreclosure": "nonjudicial"}, 0, "86.797(2): no deficiency after a trustee sale"),
    ("PA", {"lender_bought": "yes", "fmv": "300000"}, 0,
     "42 Pa.C.S. 8103, creditor bought: 300,000 − FMV 300,000 = 0"),
    ("RI", {}, 5_000_000, "no Rhode Island rule found: 50,000"),
    ("SC", {"fmv": "260000"}, 4_000_000, "29-3-740: reduced by appraisal − price = 10,000"),
    ("SD", {"lender_bought": "yes", "fmv": "255000"}, 4_500_000,
     "21-48-14 / 21-47-16: reduced by true value − price = 5,000"),
    ("TN", {"fmv": "270000"}, 5_000_000,
     "35-5-118(b)-(c): the price is presumed the value; the credit is the court's call"),
    ("TX", {"home_equity": "yes"}, 0, "Const. art. XVI §50(a)(6)(C): no personal liability"),
    ("UT", {"foreclosure": "nonjudicial", "fmv": "300000"}, 0, "57-1-32: 300,000 − 300,000 = 0"),
    ("VT", {}, 5_000_000, "no Vermont rule found: 50,000"),
    ("VA", {}, 5_000_000, "no Virginia rule found: 50,000"),
    ("WA", {"foreclosure": "nonjudicial"}, 0, "61.24.100(1): no deficiency after a trustee sale"),
    ("WV", {}, 5_000_000, "no West Virginia rule found: 50,000"),
    ("WI", {"fmv": "280000"}, 2_000_000,
     "846.165: fair value credited before confirmation: 300,000 − 280,000 = 20,000"),
    ("WY", {}, 5_000_000, "no Wyoming rule found: 50,000"),
]  # fmt: skip


def test_the_table_covers_every_jurisdiction_once() -> None:
    codes = [row[0] for row in EVERY_JURISDICTION]
    assert sorted(codes) == sorted(STATE_CODES)
    assert len(codes) == 51


@pytest.mark.parametrize(
    ("state", "changes", "expected", "why"),
    EVERY_JURISDICTION,
    ids=[r[0] for r in EVERY_JURISDICTION],
)
def test_every_jurisdiction(state: str, changes: dict[str, Any], expected: int, why: str) -> None:
    result = run(state, **changes)
    assert result.collectible_cents == expected, why
    assert result.barred == (expected == 0 and "fmv" not in changes)
    assert result.citation
    assert result.source_url.startswith(("https://", "http://"))
    assert result.confidence in ("confirmed", "unconfirmed")


# -- California ---------------------------------------------------------------------------
def test_california_trustee_sale_580d() -> None:
    result = run("CA", foreclosure="nonjudicial")
    assert result.collectible_cents == 0
    assert result.barred is True
    assert result.rule.msgid == sl.MSG_BAR_NONJUDICIAL
    assert result.rule.text() == "No deficiency after a trustee (nonjudicial) sale in California."
    assert result.citation == "Cal. Civ. Proc. Code § 580d"
    # Barred by statute: nonrecourse, so the 1099-C sentence says its amount is not income.
    assert msgids(result.follow_ups) == [sl.MSG_FOLLOW_CREDIT, sl.MSG_FOLLOW_1099C_NONRECOURSE]


def test_california_purchase_money_580b_even_after_judicial_foreclosure() -> None:
    # 580b(a)(3): lender loan used to buy a <=4-unit dwelling the buyer occupies.
    result = run("CA", foreclosure="judicial", purchase_money="yes", units=4)
    assert result.collectible_cents == 0
    assert result.rule.msgid == sl.MSG_BAR_PURCHASE_MONEY
    assert result.citation == "Cal. Civ. Proc. Code § 580b(a)(3), (b)-(c)"
    # Five units: 580b does not reach it; judicial, no FMV given -> the full 50,000.
    assert run("CA", foreclosure="judicial", purchase_money="yes", units=5).collectible_cents == (
        5_000_000
    )
    # Not occupied by the buyer: no 580b protection either.
    not_occupied = run("CA", foreclosure="judicial", purchase_money="yes", owner_occupied="no")
    assert not_occupied.collectible_cents == 5_000_000


def test_california_judicial_fair_value_726b_and_three_month_deadline() -> None:
    # 726(b): debt − greater(fair value, sale price) = 300,000 − 270,000 = 30,000.
    result = run("CA", foreclosure="judicial", fmv="270000", sale_date="2025-11-30")
    assert result.collectible_cents == 3_000_000
    assert result.fair_value_credit_cents == 2_000_000
    assert result.rule.msgid == sl.MSG_FAIR_VALUE
    assert result.rule.money == {"credit": 2_000_000}
    assert result.citation == "Cal. Civ. Proc. Code § 726(b)"
    # Three months after November 30 is the last day of February (2026: the 28th).
    assert result.deadline == dt.date(2026, 2, 28)


def test_california_short_sale_580e() -> None:
    result = run("CA", path="short_sale", units=1)
    assert result.collectible_cents == 0
    assert result.rule.msgid == sl.MSG_BAR_SHORT_SALE
    assert result.rule.params["units"] == "4"
    assert result.citation == "Cal. Civ. Proc. Code § 580e"
    # 580e covers dwellings of at most four units: a five-unit short sale stays owed.
    assert run("CA", path="short_sale", units=5).collectible_cents == 5_000_000


def test_california_questions() -> None:
    assert run("CA").questions == (
        "foreclosure",
        "purchase_money",
        "seller_financed",
        "owner_occupied",
        "units",
        "fmv",
        "sale_date",
    )
    assert run("CA", path="short_sale").questions == (
        "purchase_money",
        "seller_financed",
        "owner_occupied",
        "units",
    )


# -- Arizona ------------------------------------------------------------------------------
def test_arizona_two_and_a_half_acre_dwelling_rule() -> None:
    # 33-814(G): <= 2.5 acres and a single one- or two-family dwelling; the limits include
    # the boundary values.
    edge = run("AZ", foreclosure="nonjudicial", acres="2.5", units=2)
    assert edge.collectible_cents == 0
    assert edge.rule.msgid == sl.MSG_BAR_NONJUDICIAL_HOME
    assert edge.citation == "A.R.S. § 33-814(G)"
    assert "The rule covers a home with at most 2 units on at most 2.5 acres." in [
        w.text() for w in edge.warnings
    ]
    # 2.51 acres or three units: not covered, so the fair-value rule decides instead.
    assert run("AZ", foreclosure="nonjudicial", acres="2.51").barred is False
    assert run("AZ", foreclosure="nonjudicial", units=3).barred is False


def test_arizona_fair_value_credit_and_90_day_deadline() -> None:
    # 33-814(A): 300,000 − greater(FMV 280,000, price 250,000) = 20,000; action within 90
    # days after the sale: Jan 15 + 90 days = Apr 15 (16 + 28 + 31 + 15).
    result = run("AZ", foreclosure="nonjudicial", acres="3", fmv="280000", sale_date="2026-01-15")
    assert result.collectible_cents == 2_000_000
    assert result.fair_value_credit_cents == 3_000_000
    assert result.deadline == dt.date(2026, 4, 15)
    assert result.citation == "A.R.S. §§ 33-814(A), 12-1566(B)-(C)"


def test_arizona_judicial_foreclosure_needs_purchase_money() -> None:
    # 33-729(A): a judicial foreclosure is barred only for a purchase-money loan.
    assert run("AZ", foreclosure="judicial", purchase_money="yes", acres="2").collectible_cents == 0
    assert run("AZ", foreclosure="judicial", purchase_money="no", acres="2").collectible_cents == (
        5_000_000
    )


def test_arizona_questions() -> None:
    asked = run("AZ").questions
    assert {"acres", "units", "purchase_money", "foreclosure"} <= set(asked)


# -- Texas --------------------------------------------------------------------------------
def test_texas_home_equity_has_no_personal_liability() -> None:
    result = run("TX", home_equity="yes", path="short_sale")
    assert result.collectible_cents == 0
    assert result.citation == "Tex. Const. art. XVI, § 50(a)(6)(C)"
    assert run("TX", path="short_sale").questions == ("home_equity",)


def test_texas_fair_value_offset_and_two_year_deadline() -> None:
    # 51.003(c): offset = FMV 265,000 − price 250,000 = 15,000 -> 35,000 collectible;
    # 51.003(a): within two years of a Feb 29, 2024 sale -> Feb 28, 2026.
    result = run("TX", fmv="265000", sale_date="2024-02-29")
    assert result.collectible_cents == 3_500_000
    assert result.fair_value_credit_cents == 1_500_000
    assert result.deadline == dt.date(2026, 2, 28)
    assert "home_equity" in result.questions


# -- Nevada -------------------------------------------------------------------------------
def test_nevada_2009_purchase_money_rule_needs_the_loan_date() -> None:
    scenario = validate({**BASE, "state": "NV", "purchase_money": "yes"})
    # Unknown loan date: the conservative reading keeps the deficiency and warns.
    unknown = sl.decide(scenario)
    assert unknown.barred is False
    assert sl.MSG_LOAN_DATE in msgids(list(unknown.warnings))
    # A loan made on/after Oct 1, 2009 is barred by 40.455(3); one made before is not.
    assert sl.decide(scenario, loan_date=dt.date(2010, 5, 1)).barred is True
    assert sl.decide(scenario, loan_date=dt.date(2009, 10, 1)).barred is True
    before = sl.decide(scenario, loan_date=dt.date(2008, 5, 1))
    assert before.barred is False
    assert sl.MSG_LOAN_DATE not in msgids(list(before.warnings))
    # The rule covers a single-family dwelling only: a duplex gets no warning at all.
    duplex = sl.decide(validate({**BASE, "state": "NV", "purchase_money": "yes", "units": 2}))
    assert sl.MSG_LOAN_DATE not in msgids(list(duplex.warnings))


def test_nevada_fair_value_and_six_month_deadline() -> None:
    # 40.459: lesser of (debt − FMV) and (debt − price) = 300,000 − 260,000 = 40,000.
    # 40.455(1): within 6 months after the sale: Aug 31, 2025 -> Feb 28, 2026.
    result = run("NV", fmv="260000", sale_date="2025-08-31")
    assert result.collectible_cents == 4_000_000
    assert result.deadline == dt.date(2026, 2, 28)
    assert {"purchase_money", "owner_occupied", "units"} <= set(result.questions)


def test_nevada_short_sale_needs_the_signed_waiver() -> None:
    result = run("NV", path="short_sale", purchase_money="yes")
    assert result.collectible_cents == 5_000_000  # 40.458 bars it only with the waiver
    assert sl.MSG_SHORT_WAIVER in msgids(result.warnings)


# -- Washington, Oregon, Minnesota ---------------------------------------------------------
def test_washington_trustee_sale_and_judicial_foreclosure() -> None:
    assert run("WA", foreclosure="nonjudicial").collectible_cents == 0
    assert run("WA", foreclosure="judicial").collectible_cents == 5_000_000


def test_oregon_trustee_sale_judicial_residential_and_short_sale() -> None:
    assert run("OR", foreclosure="nonjudicial").collectible_cents == 0
    # 86.797(2): judicial foreclosure of a residential trust deed (<=4 units, occupied).
    judicial = run("OR", foreclosure="judicial")
    assert judicial.collectible_cents == 0
    assert judicial.rule.msgid == sl.MSG_BAR_JUDICIAL
    assert run("OR", foreclosure="judicial", owner_occupied="no").collectible_cents == 5_000_000
    # 86.157: a short-sale balance is barred only if the lender reports it cancelled.
    short = run("OR", path="short_sale")
    assert short.collectible_cents == 5_000_000
    assert sl.MSG_SHORT_CANCELLATION in msgids(short.warnings)


def test_minnesota_foreclosure_by_advertisement() -> None:
    # 582.30 subd. 2: barred only with a six-month or five-week redemption period.
    for period in ("six_months", "five_weeks"):
        advertisement = run("MN", foreclosure="nonjudicial", redemption_period=period)
        assert advertisement.collectible_cents == 0
        assert advertisement.citation == "Minn. Stat. §§ 580.23, 582.30, subd. 2"
    # 580.23 subd. 2: with 12 months the deficiency is allowed, and the reader is told why.
    long = run("MN", foreclosure="nonjudicial", redemption_period="twelve_months")
    assert long.collectible_cents == 5_000_000
    assert sl.MSG_REDEMPTION_LONG in msgids(long.warnings)
    assert run("MN", foreclosure="judicial").collectible_cents == 5_000_000
    # Unspecified: the usual process (advertisement) is assumed and said so; the period is
    # not known, so the cautious reading (collectible) with the question that decides it.
    assumed = run("MN")
    assert assumed.collectible_cents == 5_000_000
    assert assumed.warnings[0].msgid == sl.MSG_PROCESS_ASSUMED["nonjudicial"]
    assert sl.MSG_REDEMPTION_ASK in msgids(assumed.warnings)
    assert "redemption_period" in assumed.questions


# -- New York, Florida --------------------------------------------------------------------
def test_new_york_fair_value_and_90_days_from_the_deed() -> None:
    result = run("NY", fmv="290000", sale_date="2025-01-10")
    assert result.collectible_cents == 1_000_000  # 300,000 − 290,000
    # 90 days run from delivery of the referee's deed, which follows the sale: only a
    # lower bound (Jan 10 + 90 days = Apr 10) can be given.
    assert result.deadline is None
    later = [w for w in result.warnings if w.msgid == sl.MSG_DEADLINE_LATER["deed"]]
    assert later and later[0].dates == {"deadline": dt.date(2025, 4, 10)}
    # An FMV below the sale price gives no credit: the higher figure (the price) counts.
    low = run("NY", fmv="240000")
    assert low.collectible_cents == 5_000_000
    assert low.fair_value_credit_cents == 0


def test_florida_owner_occupied_cap() -> None:
    assert run("FL", fmv="280000").collectible_cents == 2_000_000  # 300,000 − 280,000
    assert run("FL", fmv="280000", owner_occupied="no").collectible_cents == 5_000_000
    # 702.06 applies the cap to a short sale too: outstanding debt − FMV.
    assert run("FL", path="short_sale", fmv="270000").collectible_cents == 3_000_000


def test_florida_has_no_trustee_sales() -> None:
    result = run("FL", foreclosure="nonjudicial")
    assert result.warnings[0].msgid == sl.MSG_NONJUDICIAL_UNAVAILABLE
    assert result.collectible_cents == 5_000_000


# -- other states --------------------------------------------------------------------------
def test_a_state_with_no_special_rule() -> None:
    result = run("AL")
    assert result.collectible_cents == 5_000_000
    assert result.barred is False
    assert result.rule.msgid == sl.MSG_ALLOWED
    assert result.follow_ups == []


def test_hawaii_assumes_judicial_when_not_told() -> None:
    result = run("HI")
    assert result.collectible_cents == 5_000_000
    assert result.warnings[0].msgid == sl.MSG_PROCESS_ASSUMED["judicial"]
    assert run("HI", foreclosure="nonjudicial", owner_occupied="no").collectible_cents == 5_000_000


def test_massachusetts_notice_and_two_years() -> None:
    result = run("MA", sale_date="2025-03-15")
    assert result.collectible_cents == 5_000_000
    assert result.deadline == dt.date(2027, 3, 15)  # c.244 §17A: two years after the sale
    assert "notice_given" in result.questions


def test_deadline_needs_a_sale_date_and_can_have_passed() -> None:
    no_date = run("TX")
    assert no_date.deadline is None
    assert sl.MSG_DEADLINE_NEEDS_DATE in msgids(no_date.warnings)
    scenario = validate({**BASE, "state": "TX", "sale_date": "2020-01-15"})
    late = sl.assess(scenario, evaluate(scenario), as_of=dt.date(2026, 11, 26))
    assert late.deadline == dt.date(2022, 1, 15)
    assert sl.MSG_DEADLINE_PASSED in msgids(late.warnings)
    assert late.collectible_cents == 5_000_000  # unknown whether the lender filed in time


def test_surplus_goes_to_the_borrower() -> None:
    result = run("AL", sale_price="310000")
    assert result.collectible_cents == 0
    assert result.barred is False
    assert msgids(result.follow_ups) == [sl.MSG_FOLLOW_SURPLUS_MORTGAGE]
    assert result.follow_ups[0].money == {"amount": 1_000_000}


def test_no_state_chosen() -> None:
    result = run(None)
    assert result.collectible_cents == 5_000_000
    assert result.confidence == "unconfirmed"
    assert result.rule.msgid == sl.MSG_CHOOSE_STATE
    assert result.questions == ("state",)
    assert result.as_json()["rule"] == {
        "summary": sl.MSG_CHOOSE_STATE,
        "citation": "",
        "source": "",
    }


# -- UCC Article 9 ----------------------------------------------------------------------------
AUTO: dict[str, Any] = {"loan": "auto", "balance": "10000", "sale_price": "8500"}


def run_auto(state: str | None = "OH", **changes: Any) -> sl.StateLawResult:
    scenario = validate({**AUTO, "state": state, **changes})
    return sl.assess(scenario, evaluate(scenario))


def test_car_seed_example_in_a_state_without_a_small_balance_bar() -> None:
    # 9-615(a),(d): 10,000 owed − 8,500 proceeds = 1,500; with 500 of sale costs
    # (applied first under 9-615(a)(1)) = 2,000.
    plain = run_auto("OH")
    assert plain.collectible_cents == 150_000
    # Cited as Ohio enacted it (its own code), with the uniform pinpoint (issue 13).
    assert plain.citation == "UCC § 9-615(a), (d); Ohio Rev. Code § 1309.615"
    assert plain.source_url == "https://codes.ohio.gov/ohio-revised-code/section-1309.615"
    assert plain.warnings == []
    assert msgids(plain.follow_ups) == [sl.MSG_FOLLOW_EXPLANATION]
    assert run_auto("OH", sale_costs="500").collectible_cents == 200_000
    assert plain.questions == ("notice_given", "commercially_reasonable", "lender_bought", "fmv")


def test_sale_without_notice_is_presumed_to_leave_no_deficiency() -> None:
    # 9-626(a)(3)-(4): the compliant-sale proceeds are presumed to equal the debt -> 0.
    result = run_auto("OH", notice_given="no")
    assert result.collectible_cents == 0
    assert result.barred is True
    assert result.citation == "UCC § 9-626; Ohio Rev. Code § 1309.626"
    assert result.confidence == "unconfirmed"  # the enacted presumption's wording not read
    # Ohio's § 1309.626 has no consumer carve-out (issue 15): the rule covers consumers too.
    assert msgids(result.warnings) == [sl.MSG_UCC_CONSUMER_INCLUDED, sl.MSG_UCC_MIN_DAMAGES]
    assert result.warnings[0].params["citation"] == "Ohio Rev. Code § 1309.626"
    # $0 is shown, so the caution is not "we show the cautious reading" but what may change it.
    # (Ohio's own section covers consumer loans, so the caution does not say courts differ.)
    assert result.caution is not None
    assert result.caution.msgid == sl.MSG_UNCONFIRMED_PRESUMPTION_ENACTED
    assert run_auto("OH", commercially_reasonable="no").collectible_cents == 0
    # Uniform 9-626(b), as New York and Vermont enact it and every state without a row of
    # its own falls back to: the consumer rule is left to the courts.
    for state in ("NY", "VT", "TX"):
        elsewhere = run_auto(state, notice_given="no")
        assert elsewhere.collectible_cents == 0
        assert msgids(elsewhere.warnings)[0] == sl.MSG_UCC_CONSUMER_RULE, state
        assert elsewhere.caution is not None
        assert elsewhere.caution.msgid == sl.MSG_UNCONFIRMED_PRESUMPTION, state


def test_sale_to_a_related_party_below_market_9_615f() -> None:
    # 9-615(f): figured on FMV 9,500 instead of the price 8,500: 10,000 − 9,500 = 500.
    result = run_auto("OH", lender_bought="yes", fmv="9500")
    assert result.collectible_cents == 50_000
    assert result.fair_value_credit_cents == 100_000
    assert result.rule.msgid == sl.MSG_UCC_RELATED_BUYER
    assert result.citation == "UCC § 9-615(f); Ohio Rev. Code § 1309.615"
    # Without an FMV nothing changes but the reader is asked for it.
    unknown = run_auto("OH", lender_bought="yes")
    assert unknown.collectible_cents == 150_000
    assert unknown.warnings[0].msgid == sl.MSG_UCC_RELATED_NEEDS_FMV
    # An FMV below the price changes nothing: 9-615(f) only raises the credited amount.
    assert run_auto("OH", lender_bought="yes", fmv="8000").collectible_cents == 150_000


def test_car_surplus_goes_to_the_borrower() -> None:
    result = run_auto("OH", sale_price="11000")
    assert result.collectible_cents == 0
    assert msgids(result.follow_ups) == [sl.MSG_FOLLOW_SURPLUS_UCC]
    assert result.follow_ups[0].money == {"amount": 100_000}


def test_small_balance_rules_are_warnings() -> None:
    # Wis. Stat. 425.209: owing <= $1,000 at default (credit sales): 900 − 100 = 800 is
    # still shown as collectible, because who extended the credit is not known.
    small = run_auto("WI", balance="900", sale_price="100")
    assert small.collectible_cents == 80_000
    bars = [w for w in small.warnings if w.msgid == sl.MSG_AUTO_BAR[("amount_owing", "lte")]]
    assert bars and bars[0].money == {"threshold": 100_000}
    # A $1,500 balance is above the threshold, so the rule cannot apply: no warning.
    assert run_auto("WI", balance="1500", sale_price="100").warnings == []
    # Alabama's bar depends on the cash price paid, which the scenario does not ask.
    assert sl.MSG_AUTO_BAR[("cash_price", "lte")] in msgids(run_auto("AL").warnings)


def test_massachusetts_car_fair_market_value_rule() -> None:
    # c.255B §20B(e): unpaid balance − FMV: 10,000 − 9,000 = 1,000 at most.
    result = run_auto("MA", fmv="9000")
    assert result.collectible_cents == 150_000
    fmv_notes = [w for w in result.warnings if w.msgid == sl.MSG_AUTO_FMV_AMOUNT]
    assert fmv_notes and fmv_notes[0].money == {"amount": 100_000}


def test_car_without_a_state() -> None:
    result = run_auto(None, notice_given="no")
    assert result.collectible_cents == 150_000
    assert result.confidence == "unconfirmed"


# -- JSON, the vectorized core, the States page -----------------------------------------------
def test_as_json_shape() -> None:
    data = run(
        "AZ", foreclosure="nonjudicial", acres="3", fmv="280000", sale_date="2026-01-15"
    ).as_json()
    assert set(data) == {"collectible_deficiency", "rule", "deadline", "warnings", "confidence"}
    assert data["collectible_deficiency"] == "20000.00"
    assert data["deadline"] == "2026-04-15"
    assert data["rule"]["citation"] == "A.R.S. §§ 33-814(A), 12-1566(B)-(C)"
    assert data["rule"]["source"].startswith("https://")
    assert data["rule"]["summary"] == (
        "Arizona credits you with the property's fair market value instead of the sale price, "
        "which cuts the deficiency by $30,000.00."
    )
    assert all(isinstance(w, str) for w in data["warnings"])
    assert data["confidence"] == "confirmed"


def test_collectible_on_ints_and_arrays() -> None:
    assert sl.collectible(False, False, 5_000, 100, 0) == (5_000, 0)
    assert sl.collectible(True, True, 5_000, 100, 900) == (0, 0)
    assert sl.collectible(False, True, 5_000, 100, 900) == (4_200, 800)
    assert sl.collectible(False, True, 5_000, 100, 99_000) == (0, 5_000)
    owed, credit = sl.collectible(
        np.array([False, True, False]),
        True,
        np.array([5_000, 5_000, 0]),
        np.array([100, 100, 100]),
        np.array([900, 900, 900]),
    )
    assert owed.dtype == np.int64
    assert owed.tolist() == [4_200, 0, 0]
    assert credit.tolist() == [800, 0, 0]


def test_sweep_reuses_the_rule() -> None:
    scenario = validate({**BASE, "state": "TX", "fmv": "265000"})
    prices = np.array([20_000_000, 25_000_000, 30_000_000, 31_000_000], dtype=np.int64)
    out = sl.sweep(scenario, sale_price=prices)
    # deficiency 100,000 / 50,000 / 0 / 0; FMV credit max(0, 265,000 − price)
    assert out["deficiency"].tolist() == [10_000_000, 5_000_000, 0, 0]
    assert out["fair_value_credit"].tolist() == [6_500_000, 1_500_000, 0, 0]
    assert out["collectible"].tolist() == [3_500_000, 3_500_000, 0, 0]
    barred = sl.sweep(
        validate({**BASE, "state": "CA", "foreclosure": "nonjudicial"}), sale_price=prices
    )
    assert barred["collectible"].tolist() == [0, 0, 0, 0]


def test_map_categories() -> None:
    barred = [code for code in STATE_CODES if sl.map_category(code) == "barred_after_trustee_sale"]
    assert barred == ["AK", "AZ", "CA", "HI", "MN", "MT", "OR", "WA"]
    assert sl.map_category("TX") == "fair_value_credit"
    assert sl.map_category("NY") == "fair_value_credit"
    assert sl.map_category("AL") == "allowed"
    assert sl.map_category("TN") == "allowed"  # a discretionary credit is not a rule
    assert sl.map_category("WI") == "fair_value_credit"  # 846.165: credited at confirmation
    assert sl.map_category("GA") == "fair_value_credit"  # confirmation turns on the value


def test_rules_table() -> None:
    table = sl.rules_table()
    assert len(table) == 51
    assert table["code"].tolist() == list(STATE_CODES)
    for column in ("category", "citation", "source_url", "confidence", "verified"):
        assert column in table.columns
        assert table[column].astype(str).str.len().min() > 0
    assert set(table["confidence"]) == {"confirmed", "unconfirmed"}


def test_no_file_is_read_at_import_time() -> None:
    code = (
        "import deficiency.rules.state_law as s; "
        "print(s.load_rules.cache_info().currsize, s.load_auto_rules.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0"]
