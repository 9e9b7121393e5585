"""The cost of waiting, checked against hand computation, and the countdowns.

Hand computations (30/360, simple interest on the unpaid principal, half-up per month):

* $200,000.00 at 6.875 percent: 200,000 × 0.06875 / 12 = 1,145.8333… → $1,145.83 a month.
* $12,345.00 at 6 percent: 12,345 × 0.06 / 12 = 61.725 → $61.73 (the half cent rounds up).
* $100,000.00 at 12 percent: exactly $1,000.00 a month.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency import evaluate, validate
from deficiency.core import delay
from deficiency.core.analysis import analyze
from deficiency.core.money import from_cents
from deficiency.rules import state_law

TODAY = dt.date(2026, 11, 26)


# -- the rate ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("6.875", 6875),
        ("6.5", 6500),
        ("0", 0),
        ("100", 100_000),
        (Decimal("7.125"), 7125),
        (5, 5000),
    ],
)
def test_parse_rate(text: object, units: int) -> None:
    assert delay.parse_rate(text) == units


@pytest.mark.parametrize("bad", ["6.8751", "-1", "100.001", 6.875, True, "abc", "", "NaN"])
def test_parse_rate_rejects(bad: object) -> None:
    with pytest.raises(delay.RateError):
        delay.parse_rate(bad)


def test_rate_text_round_trips() -> None:
    assert delay.rate_text(6875) == "6.875"
    assert delay.rate_text(6500) == "6.5"
    assert delay.rate_text(0) == "0"
    assert delay.parse_rate(delay.rate_text(12_345)) == 12_345


# -- hand-computed schedules -------------------------------------------------------------------
def test_mortgage_schedule_matches_hand_computation() -> None:
    s = validate({"balance": "200000", "sale_price": "180000", "path": "foreclosure"})
    out = delay.delay_schedule(s, 3, delay.parse_rate("6.875"), 0, 2_500)
    assert out["month"].tolist() == [0, 1, 2, 3]
    assert out["interest"].tolist() == [0, 114_583, 229_166, 343_749]
    assert out["storage"].tolist() == [0, 0, 0, 0]
    assert out["fees"].tolist() == [0, 2_500, 5_000, 7_500]
    # $20,000.00 + 3 × $1,145.83 + 3 × $25.00 = $23,512.49
    assert out["deficiency"].tolist() == [2_000_000, 2_117_083, 2_234_166, 2_351_249]
    for values in out.values():
        assert values.dtype == np.int64


def test_half_cent_of_interest_rounds_up_every_month() -> None:
    s = validate({"balance": "12345", "sale_price": "10000"})
    out = delay.delay_schedule(s, 2, delay.parse_rate("6"), 0, 0)
    assert out["interest"].tolist() == [0, 6_173, 12_346]


def test_car_storage_adds_thirty_days_a_month() -> None:
    # The worked car example: $10,000 owed + $500 fees − $8,500 sale = $2,000.00.
    car = validate(
        {
            "loan": "auto",
            "path": "repossession",
            "balance": "10000",
            "sale_price": "8500",
            "legal_fees": "500",
        }
    )
    out = delay.delay_schedule(car, 2, 0, 3_500, 0)  # $35.00 a day at the lot
    assert out["storage"].tolist() == [0, 105_000, 210_000]
    assert out["deficiency"].tolist() == [200_000, 305_000, 410_000]


def test_a_surplus_is_used_up_before_a_deficiency_appears() -> None:
    s = validate({"balance": "100000", "sale_price": "101000"})  # $1,000.00 surplus
    out = delay.delay_schedule(s, 3, delay.parse_rate("12"), 0, 0)
    assert out["interest"].tolist() == [0, 100_000, 200_000, 300_000]
    assert out["deficiency"].tolist() == [0, 0, 100_000, 200_000]


def test_month_zero_is_the_evaluated_deficiency() -> None:
    s = validate(
        {"balance": "250000", "interest": "4000", "late_fees": "300", "sale_price": "200000"}
    )
    out = delay.delay_schedule(s, 0, delay.parse_rate("5"), 0, 0)
    assert out["deficiency"].tolist() == [evaluate(s).deficiency]


def test_per_month_message_itemizes_one_month() -> None:
    s = validate({"balance": "200000", "sale_price": "180000"})
    message = delay.per_month_message(s, delay.parse_rate("6.875"), 100, 2_500)
    assert message.money == {"total": 114_583 + 3_000 + 2_500, "interest": 114_583,
                             "storage": 3_000, "fees": 2_500}  # fmt: skip
    assert "$1,200.83" in message.text()


@pytest.mark.parametrize(
    ("months", "rate", "storage", "fees"),
    [
        (-1, 0, 0, 0),
        (601, 0, 0, 0),
        (1, -1, 0, 0),
        (1, 100_001, 0, 0),
        (1, 0, -1, 0),
        (1, 0, 0, -1),
    ],
)
def test_schedule_rejects_bad_arguments(months: int, rate: int, storage: int, fees: int) -> None:
    with pytest.raises(ValueError):
        delay.delay_schedule(validate({}), months, rate, storage, fees)


# -- properties: non-decreasing, and the same as a plain loop --------------------------------
def _scalar_loop(balance: int, sale: int, rate: int, storage: int, fees: int, months: int):
    """The schedule one month at a time, with Decimal half-up rounding (no numpy)."""
    per_month = int(
        (Decimal(balance) * rate / (100 * 1000 * 12)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    )
    owed, out = balance, []
    for month in range(months + 1):
        if month:
            owed += per_month + 30 * storage + fees
        out.append(max(owed - sale, 0))
    return out


cents = st.integers(min_value=0, max_value=10_000_000_000)


@settings(max_examples=150, deadline=None)
@given(
    balance=cents,
    sale=cents,
    rate=st.integers(min_value=0, max_value=delay.MAX_RATE),
    storage=st.integers(min_value=0, max_value=1_000_000),
    fees=st.integers(min_value=0, max_value=10_000_000),
    months=st.integers(min_value=0, max_value=120),
)
def test_schedule_is_non_decreasing_and_matches_a_scalar_loop(
    balance: int, sale: int, rate: int, storage: int, fees: int, months: int
) -> None:
    s = validate({"balance": str(from_cents(balance)), "sale_price": str(from_cents(sale))})
    out = delay.delay_schedule(s, months, rate, storage, fees)
    deficiency = out["deficiency"]
    assert len(deficiency) == months + 1
    assert bool(np.all(np.diff(deficiency) >= 0))
    for key in ("interest", "storage", "fees"):
        assert bool(np.all(np.diff(out[key]) >= 0))
    assert deficiency.tolist() == _scalar_loop(balance, sale, rate, storage, fees, months)


# -- countdowns --------------------------------------------------------------------------------
TEXAS = {
    "loan": "mortgage",
    "path": "foreclosure",
    "state": "TX",
    "balance": "300000",
    "sale_price": "250000",
    "sale_date": "2026-03-15",
    "dofd": "2025-06-01",
}


def test_countdowns_lender_deadline_dispute_and_removal_in_date_order() -> None:
    found = analyze(validate(TEXAS), TODAY)
    # Tex. Prop. Code § 51.003(a): 2 years after the sale.
    assert found.state.deadline == dt.date(2028, 3, 15)
    items = delay.countdowns(found, TODAY, dispute_date=dt.date(2026, 11, 20))
    assert [item.date for item in items] == [
        dt.date(2026, 12, 20),  # 30 days after the dispute (15 U.S.C. § 1681i(a)(1)(A))
        dt.date(2028, 3, 15),
        dt.date(2032, 6, 1),  # 7 years after the first delinquency
    ]
    assert [item.days_left for item in items] == [24, 475, 2014]
    assert items[0].label.msgid == delay.LABEL_DISPUTE_ANSWER
    assert items[1].label.msgid == delay.LABEL_LENDER_DEADLINE
    assert items[1].label.params == {"citation": "Tex. Prop. Code § 51.003(a)"}
    assert items[2].label.msgid == delay.LABEL_REMOVAL


def test_countdowns_without_dates_explain_the_dispute_window() -> None:
    found = analyze(validate({**TEXAS, "sale_date": "", "dofd": ""}), TODAY)
    assert delay.countdowns(found, TODAY) == []
    notes = delay.countdown_notes(found, TODAY)
    assert [note.msgid for note in notes] == [delay.NOTE_DISPUTE_WINDOW]
    assert notes[0].params["days"] == "30"


def test_a_passed_deadline_counts_down_below_zero_and_is_explained_once() -> None:
    found = analyze(validate({**TEXAS, "sale_date": "2024-01-10"}), TODAY)
    item = next(
        i for i in delay.countdowns(found, TODAY) if i.label.msgid == delay.LABEL_LENDER_DEADLINE
    )
    assert item.date == dt.date(2026, 1, 10)
    assert item.days_left == -320
    passed = [w for w in found.state.warnings if w.msgid == state_law.MSG_DEADLINE_PASSED]
    assert len(passed) == 1  # state law already says so: no second note
    assert delay.countdown_notes(found, TODAY, dispute_date=TODAY) == []
    # Analyzed before the deadline, shown after it: the countdown notes say it has passed.
    earlier = analyze(validate({**TEXAS, "sale_date": "2024-01-10"}), dt.date(2025, 12, 1))
    notes = delay.countdown_notes(earlier, TODAY, dispute_date=TODAY)
    assert [note.msgid for note in notes] == [state_law.MSG_DEADLINE_PASSED]
    assert notes[0].dates == {"deadline": dt.date(2026, 1, 10)}


def test_no_lender_deadline_countdown_when_nothing_can_be_collected() -> None:
    """Countdowns follow the facts: a forgiven deficiency leaves no suit to count down to,
    even though Texas's two-year limit is still the state's rule (issue 13)."""
    found = analyze(validate({**TEXAS, "action": "forgive"}), TODAY)
    assert found.owes == 0
    labels = [item.label.msgid for item in delay.countdowns(found, TODAY)]
    assert delay.LABEL_LENDER_DEADLINE not in labels
    assert labels == [delay.LABEL_REMOVAL]
    late = analyze(validate({**TEXAS, "action": "forgive", "sale_date": "2024-01-10"}), TODAY)
    notes = delay.countdown_notes(late, dt.date(2027, 1, 1), dispute_date=TODAY)
    assert notes == []  # no "the deadline has passed" about a suit nobody can bring
