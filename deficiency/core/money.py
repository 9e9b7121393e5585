"""Exact money: integer cents inside, ``Decimal`` at the edges.

Why integer cents: every amount a borrower sees must be exact to the cent, and the same
formula must run on one scenario (Python ``int``) and on a what-if sweep of thousands of
scenarios (``numpy.int64`` arrays). Integer arithmetic is exact in both; binary floats are
not (0.1 + 0.2 != 0.3). ``Decimal`` is used only to parse user input and to format output.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, TypeVar

import numpy as np

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("100000000")  # schema limit: amounts are 0 .. 100,000,000 dollars

IntOrArray = TypeVar("IntOrArray", int, np.ndarray)
#: Cents as an ``int`` (one scenario) or an int64 array (a what-if sweep): each rule is one
#: function serving both.
Cents = TypeVar("Cents", int, np.ndarray)


def cents_like(value: Any, scalar: bool) -> Any:
    """Hand scalars back as ``int`` (exact, JSON-friendly) and arrays as int64."""
    return int(value) if scalar else np.asarray(value, dtype=np.int64)


def to_cents(amount: Decimal | int | str) -> int:
    """Convert an exact dollar amount (at most 2 decimals) to integer cents.

    Raises ``ValueError`` when the amount has more than two decimals: silently rounding
    a figure the user typed would make the result differ from what they entered.
    """
    value = Decimal(str(amount)) if not isinstance(amount, Decimal) else amount
    if not value.is_finite():
        raise ValueError("amount is not a finite number")
    cents = value * 100
    if cents != cents.to_integral_value():
        raise ValueError("amount has more than 2 decimals")
    return int(cents)


def from_cents(cents: int | np.integer) -> Decimal:
    """Integer cents to an exact ``Decimal`` dollar amount with two places."""
    return (Decimal(int(cents)) / 100).quantize(CENT)


def cents_str(cents: int | np.integer) -> str:
    """Cents as the canonical plain string the JSON interface uses: ``"50000.00"``."""
    return f"{from_cents(cents):.2f}"


def plain_dollars(cents: int | np.integer) -> str:
    """``$1,234.56`` / ``-$1.00`` from exact Decimals, for English text outside the app.

    The app and the handout format with Babel for the reader's locale (:mod:`deficiency.text.i18n`);
    this is for the JSON report and logs, where no locale applies.
    """
    value = from_cents(cents)
    return f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"


def parse_decimal(text: str) -> Decimal:
    """Parse a plain decimal string (URL or JSON); rejects NaN, infinities and junk.

    Only ASCII digits, one optional leading sign and one dot are accepted: ``Decimal``
    itself would take unicode digits, exponents and "NaN", which are never a real amount.
    """
    stripped = text.strip()
    if not stripped or len(stripped) > 32:
        raise ValueError("not a number")
    body = stripped[1:] if stripped[0] in "+-" else stripped
    if not body or body.count(".") > 1 or not all(c in "0123456789." for c in body):
        raise ValueError("not a number")
    if body == ".":
        raise ValueError("not a number")
    try:
        return Decimal(stripped)
    except InvalidOperation as exc:  # pragma: no cover - filtered above
        raise ValueError("not a number") from exc


def div_round_half_up(numer: IntOrArray, denom: int) -> IntOrArray:
    """Integer division rounded half away from zero, for ints and int64 arrays alike.

    The one rounding helper for rates applied to money (percentages, fair-value shares):
    one tested function instead of ad-hoc ``round()`` calls on floats.
    """
    if denom <= 0:
        raise ValueError("denominator must be positive")
    sign = np.sign(numer)
    magnitude = np.abs(numer)
    result = sign * ((magnitude * 2 + denom) // (2 * denom))
    if isinstance(numer, np.ndarray):
        return result.astype(np.int64)
    return int(result)


def cents_from_widget(value: float | int | None) -> int:
    """Cents from a number a widget returned as a float (a typed dollar amount).

    ``repr`` gives the shortest decimal that round-trips, i.e. what was typed; a third
    decimal the widget let through is rounded half-up, never half-even.
    """
    if value is None:
        return 0
    return to_cents(quantize_dollars(Decimal(repr(float(value)))))


def quantize_dollars(value: Decimal) -> Decimal:
    """Round an exact ``Decimal`` half-up to the cent (never rely on Babel's half-even)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)
