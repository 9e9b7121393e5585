"""The IRS's own worked examples, as a data table (``irs_examples.json``), one test each.

Each row gives the publication, the facts in its words, the scenario as the JSON interface
takes it, and the figures the publication states (dollars as text; ``form_1099c`` and
``excluded`` list only the boxes or exclusions the example speaks of).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from deficiency import evaluate, validate
from deficiency.core.money import to_cents
from deficiency.rules import tax

TODAY = dt.date(2025, 6, 30)  # a fixed "today" so the default tax year never drifts
EXAMPLES: list[dict[str, Any]] = json.loads(
    (Path(__file__).with_name("irs_examples.json")).read_text(encoding="utf-8")
)
MONEY = {
    "amount_realized",
    "gain",
    "cod_income",
    "taxable_cancelled_debt",
    "estimated_federal_tax",
    "section121_excluded",
    "taxable_gain",
    "box2_cancelled",
    "box7_fmv",
}


def _value(key: str, value: Any) -> Any:
    return to_cents(value) if key in MONEY else value


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["id"] for e in EXAMPLES])
def test_irs_example(example: dict[str, Any]) -> None:
    scenario = validate(example["scenario"])
    result = tax.assess(scenario, evaluate(scenario), today=TODAY)
    for key, expected in example["expect"].items():
        if key == "form_1099c":
            for box, value in expected.items():
                assert getattr(result.form_1099c, box) == _value(box, value), (key, box)
        elif key == "excluded":
            for kind, value in expected.items():
                assert result.excluded[kind] == to_cents(value), (key, kind)
        elif key == "form982_lines":
            assert list(result.form982_lines) == expected
        else:
            assert getattr(result, key) == _value(key, expected), key


def test_every_example_names_its_source_and_facts() -> None:
    assert len({e["id"] for e in EXAMPLES}) == len(EXAMPLES)
    for example in EXAMPLES:
        assert example["source"] and example["facts"] and example["expect"]
