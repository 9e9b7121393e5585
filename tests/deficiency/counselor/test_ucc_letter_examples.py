"""Lenders' letters worked by hand under Article 9, as a data table (``ucc_letter_examples.json``).

Each row gives the rule, the arithmetic in words, the letter as a reader copies it and the
reader's state, and what the check must find: the deficiency recomputed in the 9-616(c)
order, any surplus, the difference from the figure claimed, and each flag (code, severity,
amount at stake), in order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deficiency.core.money import to_cents
from deficiency.counselor.letter import check_letter, validate_letter

EXAMPLES: list[dict[str, Any]] = json.loads(
    Path(__file__).with_name("ucc_letter_examples.json").read_text(encoding="utf-8")
)


def _cents(value: str | None) -> int | None:
    return None if value is None else to_cents(value)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["id"] for e in EXAMPLES])
def test_ucc_letter_example(example: dict[str, Any]) -> None:
    check = check_letter(validate_letter(example["letter"]), state=example["state"])
    expect = example["expect"]
    assert check.recomputed_cents == to_cents(expect["recomputed"])
    assert check.surplus_cents == to_cents(expect["surplus"])
    assert check.difference_cents == _cents(expect["difference"])
    flags = [(f.code, f.severity, f.amount_cents) for f in check.flags]
    assert flags == [(code, severity, _cents(amount)) for code, severity, amount in expect["flags"]]


def test_every_example_names_its_rule_and_working() -> None:
    assert len({e["id"] for e in EXAMPLES}) == len(EXAMPLES)
    assert all(e["rule"] and e["working"] for e in EXAMPLES)
