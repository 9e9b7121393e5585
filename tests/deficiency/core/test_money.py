"""The money helpers at the edges: parsing, rounding, plain formatting, widget floats."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from deficiency.core.money import (
    cents_from_widget,
    div_round_half_up,
    parse_decimal,
    plain_dollars,
    to_cents,
)


def test_widget_floats_become_the_typed_cents() -> None:
    assert cents_from_widget(212345.67) == 21_234_567
    assert cents_from_widget(0.1 + 0.2) == 30  # 0.30000000000000004 → 30 cents
    assert cents_from_widget(2.675) == 268  # half-up, not the float's 2.67499…
    assert cents_from_widget(None) == 0


def test_rounding_helper_is_symmetric_and_vectorized() -> None:
    assert div_round_half_up(5, 10) == 1 and div_round_half_up(-5, 10) == -1
    assert div_round_half_up(4, 10) == 0
    out = div_round_half_up(np.array([5, -5, 14, 15], dtype=np.int64), 10)
    assert out.tolist() == [1, -1, 1, 2]


def test_plain_dollars_is_exact() -> None:
    assert plain_dollars(123456789) == "$1,234,567.89"
    assert plain_dollars(-5) == "-$0.05"


@pytest.mark.parametrize("text", ["", "1e5", "NaN", "--1", "1.2.3", "٣", "9" * 40])
def test_parse_decimal_rejects_what_is_not_a_plain_number(text: str) -> None:
    with pytest.raises(ValueError):
        parse_decimal(text)


def test_to_cents_refuses_a_third_decimal() -> None:
    assert to_cents(Decimal("1.10")) == 110
    with pytest.raises(ValueError):
        to_cents(Decimal("1.005"))
