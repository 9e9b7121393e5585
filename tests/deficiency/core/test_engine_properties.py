"""Property tests: the invariants of the deficiency hold for any valid scenario."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency import evaluate, sweep, validate
from deficiency.core.engine import evaluate_lenient
from deficiency.core.money import cents_str, from_cents, to_cents
from deficiency.core.scenario import FORMULA_AMOUNT_KEYS

cents = st.integers(min_value=0, max_value=10_000_000_000)


@st.composite
def scenarios(draw):
    data = {key: cents_str(draw(cents)) for key in FORMULA_AMOUNT_KEYS}
    data["loan"] = draw(st.sampled_from(["mortgage", "auto", "other"]))
    data["action"] = draw(st.sampled_from(["collect", "forgive", "settle"]))
    return data


def _valid(data):
    """Keep the settlement within the deficiency (a larger one is a validation error)."""
    sc = validate({**data, "action": "collect"})
    deficiency = evaluate(sc).deficiency
    settlement = min(to_cents(data["balance"]) // 3, deficiency)
    return validate({**data, "settlement": cents_str(settlement)})


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_invariants(data) -> None:
    result = evaluate(_valid(data))
    assert not (result.deficiency > 0 and result.surplus > 0)
    assert result.deficiency - result.surplus == result.total_owed - result.applied
    assert result.cancelled_debt + result.borrower_owes == result.deficiency
    assert min(result.borrower_owes, result.cancelled_debt) >= 0


@settings(max_examples=200, deadline=None)
@given(scenarios(), cents, cents)
def test_deficiency_never_rises_with_sale_price(data, a, b) -> None:
    low, high = sorted((a, b))
    sc = validate({**data, "action": "collect"})
    d_low = evaluate(validate({**sc.model_dump(), "sale_price": cents_str(low)})).deficiency
    d_high = evaluate(validate({**sc.model_dump(), "sale_price": cents_str(high)})).deficiency
    assert d_high <= d_low


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.lists(cents, min_size=1, max_size=20))
def test_sweep_agrees_with_single_scenarios(data, prices) -> None:
    sc = _valid(data)
    swept = sweep(sc, sale_price=np.array(prices, dtype=np.int64))
    for i, price in enumerate(prices):
        # A price that shrinks the deficiency below the settlement caps it, in both paths.
        one, _ = evaluate_lenient(sc.model_copy(update={"sale_price": from_cents(price)}))
        for key in ("total_owed", "applied", "deficiency", "surplus", "borrower_owes"):
            assert int(swept[key][i]) == getattr(one, key), key
        assert int(swept["cancelled_debt"][i]) == one.cancelled_debt
