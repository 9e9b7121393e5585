"""Whether each state's protection reaches the reader's facts (the States page, issue 13).

The map colours a state by its headline protection; :func:`state_law.coverage` applies the
calculator's own :func:`state_law.decide` to the reader's facts and says, in their terms,
when that protection does not reach them.
"""

from __future__ import annotations

from typing import Any

import pytest

from deficiency.core.engine import evaluate
from deficiency.core.scenario import validate
from deficiency.rules import state_law as sl

BASE: dict[str, Any] = {"balance": "250000", "sale_price": "200000"}


def texts(found: sl.Coverage) -> list[str]:
    return [message.text() for message in found.reasons]


def test_arizona_trustee_sale_bar_does_not_cover_a_short_sale() -> None:
    found = sl.coverage(validate({**BASE, "path": "short_sale"}), "AZ")
    assert found.status == "no"
    assert found.label == "No"
    assert texts(found) == [
        "Arizona's no-deficiency rule for trustee sales applies only after a trustee "
        "(nonjudicial) foreclosure sale, not after your short sale.",
        "Arizona's purchase-money protection applies only after a court (judicial) "
        "foreclosure, not after your short sale.",
        "Arizona's fair-value credit applies only after a foreclosure, not after your short sale.",
    ]


def test_the_same_bar_covers_a_trustee_sale_and_says_which_property() -> None:
    sale = sl.coverage(validate({**BASE, "path": "foreclosure"}), "AZ")
    assert sale.status == "yes"
    assert texts(sale) == [
        "No deficiency after a trustee (nonjudicial) sale of a qualifying home in Arizona.",
        "The rule covers a home with at most 2 units on at most 2.5 acres.",
    ]
    # Three units on a trustee sale: the bar's property limit is named, the credit remains.
    big = sl.coverage(
        validate({**BASE, "path": "foreclosure", "foreclosure": "nonjudicial", "units": "3"}),
        "AZ",
    )
    assert big.status == "partly"
    assert texts(big) == [
        "Arizona limits the deficiency to the debt minus the property's fair market value.",
        "Arizona's no-deficiency rule for trustee sales does not cover the property as you "
        "described it.",
        "The rule covers a home with at most 2 units on at most 2.5 acres.",
        "Arizona's purchase-money protection applies only after a court (judicial) "
        "foreclosure, not after your trustee (nonjudicial) sale.",
    ]


def test_an_unknown_process_is_named_when_the_answer_turns_on_it() -> None:
    # Oregon: trustee sales barred; court foreclosures only of an owner-occupied home.
    found = sl.coverage(validate({**BASE, "path": "foreclosure", "owner_occupied": "no"}), "OR")
    assert found.status == "depends"
    assert texts(found) == [
        "You did not say how the home was foreclosed: Oregon's protection reaches a trustee "
        "(nonjudicial) sale but not a court (judicial) foreclosure."
    ]


def test_facts_the_scenario_lacks_make_it_depend() -> None:
    found = sl.coverage(validate({**BASE, "path": "short_sale"}), "NV")
    assert found.status == "depends"
    assert [m.msgid for m in found.reasons][-1] == sl.MSG_SHORT_WAIVER


def test_a_car_loan_is_told_the_map_is_about_home_loans() -> None:
    car = validate({"loan": "auto", "balance": "900", "sale_price": "100"})
    ohio = sl.coverage(car, "OH")
    assert ohio.status == "no"
    assert [m.msgid for m in ohio.reasons] == [sl.MSG_COVER_NOT_MORTGAGE]
    wisconsin = sl.coverage(car, "WI", evaluate(car))
    assert wisconsin.status == "depends"
    assert wisconsin.reasons[1].msgid == sl.MSG_AUTO_BAR[("amount_owing", "lte")]


@pytest.mark.parametrize(
    "facts",
    [
        {"path": "short_sale"},
        {"path": "deed_in_lieu"},
        {"path": "foreclosure", "foreclosure": "judicial"},
        {"path": "foreclosure", "foreclosure": "nonjudicial", "purchase_money": "no"},
        {"path": "foreclosure", "foreclosure": "nonjudicial", "owner_occupied": "no"},
        {"path": "short_sale", "units": "6"},
    ],
)
def test_coverage_agrees_with_the_calculator_in_every_state(facts: dict[str, str]) -> None:
    """The column is the calculator's decide(): "yes" exactly where it bars the deficiency,
    "partly" exactly where a fair-value credit applies, and a reason for every other state."""
    scenario = validate({**BASE, **facts})
    table = sl.rules_table(scenario)
    for row in table.itertuples(index=False):
        decision = sl.decide(scenario.model_copy(update={"state": row.code}))
        assert (row.covers == "yes") == decision.barred, row.code
        assert (row.covers == "partly") == (decision.fair_value and not decision.barred)
        assert row.covers_why, row.code


def test_caption_names_the_readers_situation() -> None:
    caption = sl.case_caption(validate({"path": "deed_in_lieu"}))
    assert caption.text() == (
        "“Covers your situation” applies each state's rules to the facts you entered in the "
        "calculator: your deed in lieu of foreclosure."
    )
