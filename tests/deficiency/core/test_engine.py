"""The worked examples and the breakdown, exact to the cent."""

from __future__ import annotations

import numpy as np
import pytest

from deficiency import evaluate, sweep, validate
from deficiency.core.engine import evaluate_lenient
from deficiency.core.validators import ScenarioError


def test_short_sale_example() -> None:
    result = evaluate(validate({"loan": "mortgage", "balance": "250000", "sale_price": "200000"}))
    assert result.deficiency == 5_000_000
    assert result.surplus == 0
    assert result.borrower_owes == 5_000_000
    assert result.cancelled_debt == 0
    assert result.scenario.path == "short_sale"


def test_car_example_without_and_with_fees() -> None:
    base = {"loan": "auto", "balance": "10000", "sale_price": "8500"}
    assert evaluate(validate(base)).deficiency == 150_000
    assert evaluate(validate({**base, "legal_fees": "500"})).deficiency == 200_000
    assert validate(base).path == "repossession"


def test_every_fee_adds_and_credits_subtract() -> None:
    sc = validate(
        {
            "balance": "100000.10",
            "interest": "1000.01",
            "late_fees": "0.02",
            "legal_fees": "3.03",
            "sale_costs": "4.04",
            "holding_costs": "5.05",
            "other_fees": "6.06",
            "sale_price": "90000.00",
            "credits": "0.30",
        }
    )
    result = evaluate(sc)
    assert result.total_owed == 10_101_831
    assert result.applied == 9_000_030
    assert result.deficiency == 1_101_801


def test_surplus_when_sale_covers_everything() -> None:
    result = evaluate(validate({"balance": "100", "sale_price": "150.55"}))
    assert (result.deficiency, result.surplus) == (0, 5055)
    assert result.items[-1].key == "surplus"


@pytest.mark.parametrize(
    ("action", "settlement", "owes", "cancelled"),
    [
        ("collect", "0", 200_000, 0),
        ("forgive", "0", 0, 200_000),
        ("settle", "1200", 120_000, 80_000),
    ],
)
def test_actions_split_the_deficiency(action, settlement, owes, cancelled) -> None:
    sc = validate({"loan": "auto", "balance": "2000", "action": action, "settlement": settlement})
    result = evaluate(sc)
    assert (result.borrower_owes, result.cancelled_debt) == (owes, cancelled)


def test_settlement_above_deficiency_is_an_error_naming_the_key() -> None:
    sc = validate({"balance": "1000", "sale_price": "900", "action": "settle", "settlement": "101"})
    with pytest.raises(ScenarioError) as info:
        evaluate(sc)
    assert info.value.issues[0].key == "settlement"
    assert "100.00" in info.value.issues[0].text()
    result, issues = evaluate_lenient(sc)
    assert [i.key for i in issues] == ["settlement"]
    assert result.borrower_owes == 10_000 and result.cancelled_debt == 0


def test_breakdown_items_sum_to_the_result() -> None:
    sc = validate({"balance": "10000", "sale_price": "8500", "legal_fees": "500", "credits": "25"})
    result = evaluate(sc)
    running = sum(item.sign * item.cents for item in result.items if item.sign)
    assert running == result.deficiency - result.surplus
    assert [i.key for i in result.items] == [
        "balance",
        "legal_fees",
        "sale_price",
        "credits",
        "deficiency",
    ]


def test_sweep_over_sale_price_matches_single_evaluations() -> None:
    sc = validate({"balance": "250000", "interest": "1234.56", "sale_price": "200000"})
    prices = np.arange(0, 30_000_000, 1_000_001, dtype=np.int64)
    swept = sweep(sc, sale_price=prices)
    for i, price in enumerate(prices):
        single = evaluate(validate({**sc.model_dump(), "sale_price": f"{price / 100:.2f}"}))
        assert swept["deficiency"][i] == single.deficiency
        assert swept["surplus"][i] == single.surplus


def test_sweep_grid_broadcasts() -> None:
    sc = validate({"balance": "10000", "sale_price": "8500"})
    grid = sweep(
        sc,
        sale_price=np.arange(200, dtype=np.int64)[:, None] * 10_000,
        total_fees=np.arange(200, dtype=np.int64)[None, :] * 1_000,
    )
    assert grid["deficiency"].shape == (200, 200)
    assert grid["deficiency"][0, 0] == 1_000_000
    assert grid["deficiency"][85, 50] == 150_000 + 50_000
