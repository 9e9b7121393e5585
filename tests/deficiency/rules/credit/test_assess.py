"""Credit-report outcomes: reporting codes, removal dates, new-mortgage dates, score ranges.

Every expected date below is computed by hand and written as a literal, never derived from
the data files, so a wrong table row or a wrong date rule fails a test.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import deficiency.rules.credit as credit
from deficiency import evaluate, validate
from deficiency.rules.credit import CreditResult, add_months, add_years, assess, timeline
from deficiency.rules.credit import messages as credit_text
from tests.support.msgids import n_literals
from tests.support.paths import ROOT

D = dt.date
TODAY = D(2025, 1, 1)
AS_JSON_KEYS = {
    "status_code",
    "status_text",
    "special_comment",
    "later_steps",
    "removal_date",
    "removal_outer_limit",
    "removal_outer_limit_conditional",
    "removal_outer_limit_no_later_than",
    "mortgage_eligible",
    "score_after",
    "sources",
}
MORTGAGE = {"loan": "mortgage", "balance": "250000", "sale_price": "200000"}  # $50,000 short
CAR = {"loan": "auto", "balance": "10000", "sale_price": "8500", "legal_fees": "500"}  # $2,000


def run(data: dict[str, Any], barred: bool = False, **kwargs: Any) -> CreditResult:
    scenario = validate(data)
    return assess(scenario, evaluate(scenario), barred=barred, today=TODAY, **kwargs)


def msgids(messages: Any) -> list[str]:
    return [m.msgid for m in messages]


# -- every path × action ------------------------------------------------------------------
COMBINATIONS = [
    (loan, path, action)
    for loan, paths in (
        ("mortgage", ("short_sale", "foreclosure", "deed_in_lieu")),
        ("auto", ("repossession", "voluntary_surrender")),
        ("other", ("repossession", "voluntary_surrender")),
    )
    for path in paths
    for action in ("collect", "forgive", "settle")
]


@pytest.mark.parametrize(("loan", "path", "action"), COMBINATIONS)
@pytest.mark.parametrize("barred", [False, True])
def test_every_path_and_action_has_a_sourced_outcome(
    loan: str, path: str, action: str, barred: bool
) -> None:
    base = MORTGAGE if loan == "mortgage" else {**CAR, "loan": loan}
    data = {
        **base,
        "path": path,
        "action": action,
        "settlement": "1000" if action == "settle" else "0",
        "dofd": "2023-01-15",
        "sale_date": "2024-03-01",
        "score": "720",
    }
    result = run(data, barred=barred)
    tables = credit.load_tables()
    assert result.status_code in tables.status_codes
    # The headline is the status now: here the sale's own step (no charge-off or settlement
    # date was entered), and whatever may follow is a later step with its condition.
    assert result.sequence[0].condition == "completed"
    assert result.now is result.sequence[0]
    assert (result.now.status_code, result.now.special_comment) == (
        result.status_code,
        result.special_comment,
    )
    assert all(step.when == "later" for step in result.sequence[1:])
    for step in result.sequence:
        assert step.sources, f"step {step.step} has no source"
        assert step.confidence in ("confirmed", "unconfirmed")
    assert result.sources
    assert all(s.url.startswith(("https://", "http://")) for s in result.sources)
    data_json = result.as_json()
    assert set(data_json) == AS_JSON_KEYS
    assert set(data_json["mortgage_eligible"]) == {"fannie_mae", "fha", "va", "usda"}
    json.dumps(data_json)  # serializable as is
    for message in result.messages():
        message.text()  # every placeholder is filled
    assert result.removal_date == D(2030, 1, 15)
    if barred:
        assert result.special_comment == "DE"
        assert all(step.balance_cents == 0 for step in result.sequence)


def test_no_deficiency_uses_the_nothing_owed_row() -> None:
    result = run({**CAR, "sale_price": "12000", "dofd": "2023-01-15"})
    assert [s.status_code for s in result.sequence] == ["96"]
    assert result.sequence[0].balance_cents == 0
    assert result.removal_outer_limit is None  # no charge-off, no § 1681c(c) limit


# -- how the account is reported ------------------------------------------------------------
def test_repossession_collected_is_96_now_and_97_only_if_charged_off() -> None:
    data = {**CAR, "action": "collect", "dofd": "2024-01-15", "sale_date": "2024-05-01"}
    result = run(data)
    assert [(s.when, s.code, s.condition) for s in result.sequence] == [
        ("now", "96", "completed"),
        ("later", "97", "charged_off"),
        ("later", "64", "paid"),
        ("later", "64 + AU", "settled"),
        ("later", "63", "paid"),
        ("later", "93", "collection"),
        ("later", "62", "paid"),
    ]
    assert [s.balance_cents for s in result.sequence[:2]] == [200_000, 200_000]
    assert result.status_code == "96"
    assert result.varies_by_lender is True  # the collection branch varies
    assert credit_text.MSG_CHARGE_OFF_TIMING in msgids(result.reporting_notes)
    assert credit_text.MSG_JUDGMENT in msgids(result.reporting_notes)
    charged = run(data, charged_off_on=D(2024, 8, 1))
    assert [(s.when, s.code) for s in charged.sequence] == [
        ("earlier", "96"),
        ("now", "97"),
        ("later", "64"),
        ("later", "64 + AU"),
    ]
    assert charged.status_code == "97"


def test_repossession_settled_after_a_charge_off_is_64_with_au() -> None:
    data = {**CAR, "action": "settle", "settlement": "1200", "dofd": "2024-01-15"}
    agreed = run(data)
    assert agreed.status_code == "96"  # agreed, not yet paid, not charged off
    assert [(s.code, s.condition) for s in agreed.later_steps] == [
        ("97", "charged_off"),
        ("64 + AU", "settled"),
        ("63 + AU", "settled"),
    ]
    result = run(data, charged_off_on=D(2024, 8, 1), settled_on=D(2024, 10, 1))
    assert [(s.when, s.code) for s in result.sequence] == [
        ("earlier", "96"),
        ("earlier", "97"),
        ("now", "64 + AU"),
    ]
    assert result.status_code == "64"
    assert result.special_comment == "AU"
    assert result.as_json()["status_text"] == "Paid in full, was a charge-off"
    settled = next(m for m in result.reporting_notes if m.msgid == credit_text.MSG_SETTLED)
    assert settled.money == {"paid": 120_000, "forgiven": 80_000}


def test_forgiven_short_sale_is_13_with_au_and_varies_by_lender() -> None:
    result = run({**MORTGAGE, "action": "forgive"})
    assert (result.status_code, result.special_comment) == ("13", "AU")
    assert result.varies_by_lender is True
    assert result.varies_text is not None
    assert credit_text.MSG_CODE_65 in msgids(result.reporting_notes)
    assert credit_text.MSG_FORGIVEN in msgids(result.reporting_notes)


def test_foreclosure_collected_is_94_until_a_charge_off() -> None:
    """Issue 15: a completed foreclosure is reported 94; 97 only if and when the lender
    charges the remaining balance off (a date on or before today)."""
    data = {**MORTGAGE, "path": "foreclosure", "dofd": "2023-01-15", "sale_date": "2024-03-01"}
    result = run(data)
    assert [s.status_code for s in result.sequence] == ["94", "97", "64", "64", "93", "62"]
    assert result.varies_by_lender is True
    assert result.as_json()["status_code"] == "94"
    later = result.as_json()["later_steps"]
    assert later[0] == {
        "code": "97",
        "special_comment": None,
        "after": "94",
        "condition": "charged_off",
    }
    assert later[1]["after"] == "97"
    assert run(data, charged_off_on=D(2024, 12, 31)).status_code == "97"
    assert run(data, charged_off_on=D(2025, 1, 2)).status_code == "94"  # after TODAY
    assert credit_text.MSG_FANNIE_CHARGE_OFF in msgids(result.eligibility_notes)


# -- state law meets the report -------------------------------------------------------------
def test_barred_state_expects_zero_balance_and_de_with_dispute_rights() -> None:
    result = run({**MORTGAGE, "path": "foreclosure", "state": "AZ"}, barred=True)
    assert result.status_code == "94"
    assert result.special_comment == "DE"
    assert result.as_json()["special_comment"] == "DE"
    assert [s.balance_cents for s in result.sequence] == [0]
    assert credit_text.MSG_BARRED_ZERO in msgids(result.barred_notes)
    assert credit_text.MSG_BARRED_DE in msgids(result.barred_notes)
    texts = " ".join(m.text() for m in result.dispute_notes)
    assert "within 30 days" in texts
    assert "(45 in all)" in texts
    assert "15 U.S.C. § 1681i(a)(1)" in texts
    assert "5 business days" in texts
    assert credit_text.MSG_JUDGMENT not in msgids(result.reporting_notes)
    assert any("Gross v. CitiMortgage" in s.title for s in result.sources)


def test_not_barred_has_no_dispute_block() -> None:
    result = run(MORTGAGE)
    assert result.barred_notes == () and result.dispute_notes == ()


# -- when it falls off ----------------------------------------------------------------------
def test_removal_and_outer_limit_for_a_charge_off() -> None:
    result = run({**CAR, "dofd": "2023-01-15"})
    assert result.removal_date == D(2030, 1, 15)  # DOFD + 7 years
    assert result.removal_outer_limit == D(2030, 7, 14)  # 2023-07-14 (+180 days) + 7 years
    assert result.removal_outer_limit_conditional is True  # no charge-off yet: "if"
    assert credit_text.MSG_OUTER_LIMIT_IF in msgids(result.removal_notes)
    data = result.as_json()
    assert data["removal_date"] == "2030-01-15"
    assert data["removal_outer_limit"] == "2030-07-14"
    assert data["removal_outer_limit_conditional"] is True
    charged = run({**CAR, "dofd": "2023-01-15"}, charged_off_on=D(2024, 6, 1))
    assert charged.removal_outer_limit == D(2030, 7, 14)  # the DOFD's, not the charge-off's
    assert charged.removal_outer_limit_conditional is False
    assert credit_text.MSG_OUTER_LIMIT in msgids(charged.removal_notes)


def test_no_dofd_gives_a_labelled_bound_from_the_sale() -> None:
    """No DOFD: the delinquency began on or before the repossession, so the outer limit is
    no later than the sale + 180 days + 7 years; an estimate, said so."""
    result = run({**CAR, "sale_date": "2024-02-29"})
    assert result.removal_outer_limit is None
    assert result.removal_outer_limit_bound == D(2031, 8, 27)  # 2024-08-27 + 7 years
    assert credit_text.MSG_OUTER_BOUND in msgids(result.removal_notes)
    assert result.removal_notes[1].msgid == credit_text.MSG_OUTER_BOUND  # the summary shows 2
    assert result.as_json()["removal_outer_limit_no_later_than"] == "2031-08-27"
    kinds = {e.kind: e.date for e in result.timeline()}
    assert kinds["removal_limit_bound"] == D(2031, 8, 27)
    assert run(CAR).removal_outer_limit_bound is None  # no sale date: nothing to count from
    forgiven = run({**CAR, "sale_date": "2024-02-29", "action": "forgive"})
    assert forgiven.removal_outer_limit_bound is None  # nothing can be charged off


def test_dofd_on_29_february_lands_on_28_february() -> None:
    result = run({**CAR, "dofd": "2024-02-29"})
    assert result.removal_date == D(2031, 2, 28)
    assert result.removal_outer_limit == D(2031, 8, 27)  # 2024-08-27 + 7 years
    assert credit_text.MSG_MONTH_END in msgids(result.removal_notes)


def test_leap_day_inside_the_180_days() -> None:
    leap = run({**CAR, "dofd": "2023-12-01"})  # the 180 days cross 29 Feb 2024
    plain = run({**CAR, "dofd": "2022-12-01"})  # the 180 days cross 28 Feb 2023
    assert leap.removal_outer_limit == D(2031, 5, 29)  # 2024-05-29 + 7 years
    assert plain.removal_outer_limit == D(2030, 5, 30)  # 2023-05-30 + 7 years


def test_a_settlement_years_later_does_not_move_removal() -> None:
    data = {**CAR, "action": "settle", "settlement": "1200", "dofd": "2023-01-15"}
    early = run(data, charged_off_on=D(2023, 9, 1), settled_on=D(2025, 6, 1))
    late = run(data, charged_off_on=D(2023, 9, 1), settled_on=D(2029, 6, 1))
    never = run({**data, "action": "collect", "settlement": "0"})
    for result in (early, late, never):
        assert result.removal_date == D(2030, 1, 15)
        assert result.removal_outer_limit == D(2030, 7, 14)
    restart = next(m for m in late.removal_notes if m.msgid == credit_text.MSG_NO_RESTART)
    assert restart.dates == {"dofd": D(2023, 1, 15)}
    assert [s.date for s in late.sequence] == [None, D(2023, 9, 1), D(2029, 6, 1)]


def test_missing_dofd_asks_for_it() -> None:
    result = run(CAR)
    assert result.removal_date is None and result.removal_outer_limit is None
    assert credit_text.MSG_NEED_DOFD in msgids(result.removal_notes)
    assert result.as_json()["removal_date"] is None


def test_removal_already_passed() -> None:
    result = run({**CAR, "dofd": "2016-05-01"})
    assert result.removal_date == D(2023, 5, 1)
    assert credit_text.MSG_ALREADY_REMOVED in msgids(result.removal_notes)


def test_chapter_7_and_chapter_13_removal() -> None:
    ch7 = run({**CAR, "bankruptcy": "chapter7", "bankruptcy_date": "2024-03-10"})
    ch13 = run({**CAR, "bankruptcy": "chapter13", "bankruptcy_date": "2024-03-10"})
    assert (ch7.bankruptcy_removal, ch7.bankruptcy_removal_limit) == (
        D(2034, 3, 10),
        D(2034, 3, 10),
    )
    assert (ch13.bankruptcy_removal, ch13.bankruptcy_removal_limit) == (
        D(2031, 3, 10),  # bureau practice: 7 years from filing
        D(2034, 3, 10),  # statute: 10 years from the order for relief (= filing)
    )
    assert credit_text.MSG_BK7_REMOVAL in msgids(ch7.removal_notes)
    assert credit_text.MSG_BK13_REMOVAL in msgids(ch13.removal_notes)


def test_chapter_13_filed_on_29_february() -> None:
    result = run({**CAR, "bankruptcy": "chapter13", "bankruptcy_date": "2024-02-29"})
    assert result.bankruptcy_removal == D(2031, 2, 28)
    assert result.bankruptcy_removal_limit == D(2034, 2, 28)


def test_bankruptcy_without_filing_date_asks_for_it() -> None:
    result = run({**CAR, "bankruptcy": "chapter7"})
    assert result.bankruptcy_removal is None
    assert credit_text.MSG_NEED_BK_DATE in msgids(result.removal_notes)


# -- new mortgage -------------------------------------------------------------------------
def test_short_sale_fha_no_wait_when_current() -> None:
    data = {**MORTGAGE, "action": "forgive", "sale_date": "2024-06-15"}
    current = run(data, current_before_sale=True).mortgage_eligible
    assert current == {
        "fannie_mae": D(2028, 6, 15),
        "fha": D(2024, 6, 15),
        "va": D(2024, 6, 15),
        "usda": D(2024, 6, 15),
    }
    unknown = run(data)
    assert unknown.mortgage_eligible == {
        "fannie_mae": D(2028, 6, 15),
        "fha": D(2027, 6, 15),
        "va": D(2026, 6, 15),
        "usda": D(2027, 6, 15),
    }
    fha = next(e for e in unknown.eligibility if e.program == "fha")
    assert credit_text.MSG_CURRENT_EXCEPTION in msgids(fha.notes)
    assert unknown.as_json()["mortgage_eligible"]["fha"] == "2027-06-15"


def test_dofd_before_the_short_sale_rules_out_the_exception() -> None:
    result = run({**MORTGAGE, "sale_date": "2024-06-15", "dofd": "2024-01-10"})
    assert result.mortgage_eligible["fha"] == D(2027, 6, 15)
    fha = next(e for e in result.eligibility if e.program == "fha")
    assert credit_text.MSG_CURRENT_NO in msgids(fha.notes)


def test_foreclosure_waiting_periods_from_29_february() -> None:
    data = {**MORTGAGE, "path": "foreclosure", "sale_date": "2024-02-29"}
    assert run(data).mortgage_eligible == {
        "fannie_mae": D(2031, 2, 28),
        "fha": D(2027, 2, 28),
        "va": D(2026, 2, 28),
        "usda": D(2027, 2, 28),
    }
    extenuating = run({**data, "extenuating": True})
    assert extenuating.mortgage_eligible == {
        "fannie_mae": D(2027, 2, 28),  # 3 years, with LTV/purpose limits to year 7
        "fha": D(2027, 2, 28),  # no fixed shorter period: case by case
        "va": D(2025, 2, 28),
        "usda": D(2027, 2, 28),
    }
    fannie = next(e for e in extenuating.eligibility if e.program == "fannie_mae")
    assert fannie.extenuating is True and fannie.months == 36
    assert credit_text.MSG_FANNIE_EC_FORECLOSURE in msgids(fannie.notes)


def test_deed_in_lieu_fannie_four_years_two_with_extenuating() -> None:
    data = {**MORTGAGE, "path": "deed_in_lieu", "action": "forgive", "sale_date": "2023-08-31"}
    assert run(data).mortgage_eligible["fannie_mae"] == D(2027, 8, 31)
    assert run({**data, "extenuating": True}).mortgage_eligible["fannie_mae"] == D(2025, 8, 31)


def test_mortgage_charge_off_date_extends_fannie() -> None:
    data = {**MORTGAGE, "sale_date": "2024-03-01"}
    result = run(data, charged_off_on=D(2025, 9, 30))
    assert result.mortgage_eligible["fannie_mae"] == D(2029, 9, 30)
    assert result.mortgage_eligible["fha"] == D(2027, 3, 1)


def test_missing_sale_date_gives_no_date() -> None:
    result = run(MORTGAGE)
    assert set(result.mortgage_eligible.values()) == {None}
    fannie = next(e for e in result.eligibility if e.program == "fannie_mae")
    assert credit_text.MSG_NEED_SALE_DATE in msgids(fannie.notes)


def test_auto_events_set_no_mortgage_wait() -> None:
    result = run({**CAR, "sale_date": "2024-05-01"})
    assert set(result.mortgage_eligible.values()) == {None}
    assert credit_text.MSG_WAIT_NOT_MORTGAGE in msgids(result.mortgage_notes)


def test_bankruptcy_sets_mortgage_dates_even_for_a_car() -> None:
    ch7 = run(
        {
            **CAR,
            "bankruptcy": "chapter7",
            "bankruptcy_date": "2024-03-10",
            "discharge_date": "2024-06-20",
        }
    )
    assert ch7.mortgage_eligible == {
        "fannie_mae": D(2028, 6, 20),
        "fha": D(2026, 6, 20),
        "va": D(2026, 6, 20),
        "usda": D(2027, 6, 20),
    }
    ch13 = run({**CAR, "bankruptcy": "chapter13", "bankruptcy_date": "2024-03-10"})
    assert ch13.mortgage_eligible == {
        "fannie_mae": None,  # 2 years from the discharge, not entered
        "fha": D(2025, 3, 10),  # 12 months of plan payments, from filing
        "va": D(2025, 3, 10),
        "usda": D(2025, 3, 10),
    }


def test_foreclosure_and_bankruptcy_take_the_later_date() -> None:
    result = run(
        {
            **MORTGAGE,
            "path": "foreclosure",
            "sale_date": "2024-02-29",
            "bankruptcy": "chapter7",
            "bankruptcy_date": "2024-03-10",
            "discharge_date": "2024-07-01",
        }
    )
    assert result.mortgage_eligible == {
        "fannie_mae": D(2031, 2, 28),
        "fha": D(2027, 2, 28),
        "va": D(2026, 7, 1),
        "usda": D(2027, 7, 1),
    }
    fannie = next(e for e in result.eligibility if e.program == "fannie_mae")
    assert credit_text.MSG_FANNIE_SAME_MORTGAGE in msgids(fannie.notes)


# -- score ----------------------------------------------------------------------------------
def test_foreclosure_score_for_the_720_band() -> None:
    result = run({**MORTGAGE, "path": "foreclosure", "score": "720"})
    assert result.as_json()["score_after"] == {
        "band": "720",
        "low": 570,
        "high": 590,
        "recovery": "about 7 years",
    }


def test_short_sale_with_and_without_deficiency() -> None:
    owed = run({**MORTGAGE, "score": "780"}).score_after
    forgiven = run({**MORTGAGE, "action": "forgive", "score": "780"}).score_after
    barred = run({**MORTGAGE, "score": "780"}, barred=True).score_after
    assert owed is not None and (owed.low, owed.high) == (620, 640)
    assert forgiven is not None and (forgiven.low, forgiven.high) == (655, 675)
    assert barred is not None and (barred.low, barred.high) == (655, 675)


def test_bankruptcy_score_and_recovery_range() -> None:
    result = run({**MORTGAGE, "bankruptcy": "chapter7", "score": "720"})
    assert result.as_json()["score_after"] == {
        "band": "720",
        "low": 525,
        "high": 545,
        "recovery": "about 7 to 10 years",
    }
    low = run({**MORTGAGE, "bankruptcy": "chapter13", "score": "680"}).as_json()["score_after"]
    assert low == {"band": "680", "low": 530, "high": 550, "recovery": "about 5 years"}


def test_no_band_shows_all_three() -> None:
    result = run({**MORTGAGE, "path": "foreclosure"})
    assert [(r.band, r.low, r.high) for r in result.score_ranges] == [
        ("680", 575, 595),
        ("720", 570, 590),
        ("780", 620, 640),
    ]
    assert result.as_json()["score_after"] is None


def test_auto_has_no_published_score_figure() -> None:
    result = run({**CAR, "score": "720"})
    assert result.score_ranges == ()
    assert result.as_json()["score_after"] is None
    assert credit_text.MSG_SCORE_NO_FIGURE in msgids(result.score_notes)


# -- timeline -------------------------------------------------------------------------------
def test_timeline_dates_are_the_result_dates() -> None:
    result = run(
        {
            **MORTGAGE,
            "path": "foreclosure",
            "action": "settle",
            "settlement": "10000",
            "dofd": "2023-01-15",
            "sale_date": "2024-02-29",
            "bankruptcy": "chapter13",
            "bankruptcy_date": "2024-03-10",
            "discharge_date": "2027-03-10",
        },
        charged_off_on=D(2024, 8, 1),
        settled_on=D(2026, 2, 1),
    )
    events = timeline(result)
    assert events == result.timeline()
    assert [e.date for e in events] == sorted(e.date for e in events)
    by_kind = {e.kind: e.date for e in events}
    expected = {
        "dofd": result.dofd,
        "bankruptcy": result.bankruptcy_date,
        "discharge": result.bankruptcy_discharge,
        "sale": result.sale_date,
        "charge_off": result.charged_off_on,
        "settlement": result.settled_on,
        "removal": result.removal_date,
        "removal_limit": result.removal_outer_limit,
        "bankruptcy_removal": result.bankruptcy_removal,
        "bankruptcy_limit": result.bankruptcy_removal_limit,
        "today": result.today,
    }
    expected.update({f"eligible_{p}": d for p, d in result.mortgage_eligible.items()})
    assert by_kind == expected
    assert None not in by_kind.values()
    assert by_kind["removal"] == D(2030, 1, 15)
    assert by_kind["bankruptcy_removal"] == D(2031, 3, 10)
    # Same values as the JSON.
    data = result.as_json()
    assert data["removal_date"] == by_kind["removal"].isoformat()
    assert data["mortgage_eligible"]["fha"] == by_kind["eligible_fha"].isoformat()


def test_timeline_skips_unknown_dates() -> None:
    events = timeline(run(CAR))
    assert [e.kind for e in events] == ["today"]


# -- dates and messages ---------------------------------------------------------------------
def test_add_months_clamps_to_month_end() -> None:
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2024, 11, 30), 3) == D(2025, 2, 28)
    assert add_months(D(2024, 3, 31), -1) == D(2024, 2, 29)
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert add_years(D(2024, 2, 29), 7) == D(2031, 2, 28)


@given(
    dofd=st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 12, 31)),
    settled=st.dates(min_value=D(1990, 1, 1), max_value=D(2070, 12, 31)),
)
def test_removal_never_depends_on_the_settlement_date(dofd: dt.date, settled: dt.date) -> None:
    data = {**CAR, "action": "settle", "settlement": "500", "dofd": dofd.isoformat()}
    result = run(data, charged_off_on=dofd + dt.timedelta(200), settled_on=settled)
    assert result.removal_date == add_years(dofd, 7)
    assert result.removal_date.month == dofd.month
    # Settled before the charge-off: nothing left to charge off, so no outer limit; else the
    # limit is always the DOFD's, whatever the dates of the charge-off and the settlement.
    if result.removal_outer_limit is not None:
        assert result.removal_outer_limit == add_years(dofd + dt.timedelta(180), 7)
        assert 178 <= (result.removal_outer_limit - result.removal_date).days <= 182


def _literal_msgids() -> set[str]:
    return n_literals(credit)


def test_every_message_is_an_n_literal() -> None:
    literals = _literal_msgids()
    results = [
        run({**MORTGAGE, "path": p, "action": a, "dofd": "2023-01-15", "sale_date": "2024-02-29"})
        for p in ("short_sale", "foreclosure", "deed_in_lieu")
        for a in ("collect", "forgive")
    ]
    results.append(run({**CAR, "bankruptcy": "chapter13", "extenuating": True}, barred=True))
    for result in results:
        for message in result.messages():
            assert message.msgid in literals, message.msgid


def test_tables_are_not_read_at_import() -> None:
    import subprocess
    import sys

    code = (
        "import deficiency.rules.credit.tables as c; print(c._default_tables.cache_info().currsize)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert out.stdout.strip() == "0"


def test_late_payments_before_a_mortgage_event() -> None:
    result = run({**MORTGAGE, "path": "foreclosure", "dofd": "2023-01-15", "score": "720"})
    late = [(r.event, r.low, r.high, r.recovery.text()) for r in result.late_ranges]
    assert late == [
        ("late_30", 630, 650, "about 30 months"),
        ("late_90", 610, 630, "about 3 years"),
    ]
    assert run({**MORTGAGE, "score": "720"}).late_ranges == ()  # no DOFD: no lates known
    assert run({**CAR, "dofd": "2023-01-15"}).late_ranges == ()  # FICO's study: mortgages


def test_settling_for_the_whole_balance_is_paid_in_full_without_au() -> None:
    data = {**CAR, "action": "settle", "settlement": "2000", "dofd": "2023-01-15"}
    agreed = run(data)
    assert [s.code for s in agreed.later_steps] == ["97", "64", "63"]  # no AU anywhere
    result = run(data, charged_off_on=D(2023, 9, 1), settled_on=D(2024, 6, 1))
    assert (result.status_code, result.special_comment) == ("64", None)
    assert credit_text.MSG_PAID_FULL in msgids(result.reporting_notes)
    assert credit_text.MSG_SETTLED not in msgids(result.reporting_notes)


# -- issue 13: one sentence for programs that share it; the date the rules were checked ---------
def test_programs_sharing_a_rule_get_one_sentence() -> None:
    """FHA, VA and USDA have the same no-wait rule after a short sale: said once, for all
    three, instead of three copies that differ only in the program's name."""
    result = run({**MORTGAGE, "path": "short_sale"})
    notes = [note.text() for note in result.eligibility_notes]
    exception = [text for text in notes if "no waiting period applies if" in text]
    assert exception == [
        "FHA, VA and USDA: no waiting period applies if every mortgage payment in the 12 "
        "months before the short sale, and every installment-debt payment in the same months, "
        "was made within the month due. Tell us whether that was so to see the earlier date."
    ]
    # Different figures stay apart: Fannie Mae's 48 months, FHA and USDA's 36, VA's 24.
    dated = run({**MORTGAGE, "path": "short_sale", "sale_date": "2024-06-01"})
    waits = [n.text() for n in dated.eligibility_notes if "months after the short sale" in n.text()]
    assert waits == [
        "Fannie Mae: 48 months after the short sale (2024-06-01), so from 2028-06-01.",
        "FHA and USDA: 36 months after the short sale (2024-06-01), so from 2027-06-01.",
        "VA: 24 months after the short sale (2024-06-01), so from 2026-06-01.",
    ]


def test_rules_checked_is_the_newest_check_date_of_the_cited_sources() -> None:
    result = run({**MORTGAGE, "path": "foreclosure", "dofd": "2024-01-15"})
    tables = credit.load_tables()
    cited = [source_id for source_id, source in tables.sources.items() if source in result.sources]
    assert cited
    assert result.rules_checked == max(tables.checked[source_id] for source_id in cited)
    assert result.rules_checked == D(2026, 12, 1)  # the sources added for issue 15
    assert result.rules_checked != result.today  # the reference day is not a check date


def test_credit_page_rules_as_of_is_a_check_date_not_today() -> None:
    from deficiency.core.analysis import analyze, credit_rules_as_of

    data = {**MORTGAGE, "state": "TX", "path": "foreclosure", "dofd": "2024-01-15"}
    found = analyze(validate(data), D(2026, 12, 15))
    assert found.credit.today == D(2026, 12, 15)
    assert credit_rules_as_of(found) == D(2026, 12, 1)  # the Texas row, re-checked (issue 15)
