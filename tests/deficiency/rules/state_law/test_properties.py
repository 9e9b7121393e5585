"""Properties of the state-law layer on random scenarios.

1. The collectible amount is never negative and never above the deficiency.
2. The vectorized path (:func:`state_law.sweep`) equals :func:`state_law.assess` to the
   cent, point by point, when the sale price or the fair market value is swept.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency import evaluate, replace, validate
from deficiency.core.scenario import PATHS_BY_LOAN, STATE_CODES
from deficiency.rules import state_law as sl

MAX_CENTS = 50_000_000_00  # $50 million: well inside the schema's limits


def dollars(cents: int) -> str:
    return str(Decimal(cents) / 100)


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    loan = draw(st.sampled_from(("mortgage", "auto", "other")))
    data: dict[str, Any] = {
        "loan": loan,
        "path": draw(st.sampled_from(PATHS_BY_LOAN[loan])),
        "state": draw(st.one_of(st.none(), st.sampled_from(STATE_CODES))),
        "foreclosure": draw(st.sampled_from((None, "judicial", "nonjudicial"))),
        "balance": dollars(draw(st.integers(0, MAX_CENTS))),
        "sale_costs": dollars(draw(st.integers(0, 5_000_000))),
        "credits": dollars(draw(st.integers(0, 1_000_000))),
        "sale_price": dollars(draw(st.integers(0, MAX_CENTS))),
        "purchase_money": draw(st.booleans()),
        "owner_occupied": draw(st.booleans()),
        "units": draw(st.integers(1, 6)),
        "acres": draw(st.sampled_from(("0.25", "2.5", "2.51", "10", "40", "41"))),
        "home_equity": draw(st.booleans()),
        "lender_bought": draw(st.booleans()),
        "notice_given": draw(st.booleans()),
        "commercially_reasonable": draw(st.booleans()),
    }
    if draw(st.booleans()):
        data["fmv"] = dollars(draw(st.integers(0, MAX_CENTS)))
    if draw(st.booleans()):
        data["sale_date"] = draw(st.sampled_from(("2024-02-29", "2025-11-30", "2026-01-31")))
    return data


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_collectible_is_between_zero_and_the_deficiency(data: dict[str, Any]) -> None:
    scenario = validate(data)
    result = evaluate(scenario)
    law = sl.assess(scenario, result)
    assert 0 <= law.collectible_cents <= result.deficiency
    assert 0 <= law.fair_value_credit_cents <= result.deficiency
    assert law.collectible_cents + law.fair_value_credit_cents <= result.deficiency
    if law.barred:
        assert law.collectible_cents == 0
    assert isinstance(law.as_json()["collectible_deficiency"], str)


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.lists(st.integers(0, MAX_CENTS), min_size=1, max_size=5))
def test_sweeping_the_sale_price_matches_assess(data: dict[str, Any], prices: list[int]) -> None:
    scenario = validate(data)
    out = sl.sweep(scenario, sale_price=np.array(prices, dtype=np.int64))
    for index, price in enumerate(prices):
        point = replace(scenario, sale_price=dollars(price))
        law = sl.assess(point, evaluate(point))
        assert int(out["collectible"][index]) == law.collectible_cents
        assert int(out["fair_value_credit"][index]) == law.fair_value_credit_cents


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.lists(st.integers(0, MAX_CENTS), min_size=1, max_size=5))
def test_sweeping_the_fair_market_value_matches_assess(
    data: dict[str, Any], values: list[int]
) -> None:
    scenario = validate(data)
    out = sl.sweep(scenario, fmv=np.array(values, dtype=np.int64))
    for index, value in enumerate(values):
        point = replace(scenario, fmv=dollars(value))
        law = sl.assess(point, evaluate(point))
        assert int(out["collectible"][index]) == law.collectible_cents
