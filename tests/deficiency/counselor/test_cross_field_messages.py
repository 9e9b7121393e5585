"""A cross-field message names its amounts the way the reader writes money (review finding:
"“1500.00” is more than box 2 (1000.00)" reached the screen as plain numbers)."""

from __future__ import annotations

from decimal import Decimal

from deficiency.counselor.form1099c import decode_forms
from deficiency.counselor.letter.inputs import decode_letter
from deficiency.text import i18n


def _money(amount: Decimal) -> str:
    return i18n.money(int(amount * 100), "en")


def test_1099c_interest_above_the_amount_names_both_amounts_as_money() -> None:
    _forms, issues = decode_forms({"fc_amount": "1000", "fc_interest": "1500"})
    (issue,) = [i for i in issues if i.key == "fc_interest"]
    text = issue.text(money=_money)
    assert "$1,500.00" in text and "$1,000.00" in text, text


def test_letter_late_fees_above_the_obligation_names_both_amounts_as_money() -> None:
    _inputs, issues = decode_letter(
        {"lt_obligation": "1000", "lt_late_fees_after_acceleration": "1500"}
    )
    (issue,) = [i for i in issues if i.key == "lt_late_fees_after_acceleration"]
    text = issue.text(money=_money)
    assert "$1,500.00" in text and "$1,000.00" in text, text
