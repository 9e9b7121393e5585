"""Issue 15's worked cases (the research notes, part 2.4) as a data table, one test each.

Which forms to expect (Form 1099-A, Form 1099-C, or a 1099-C that stands for both), a
nonrecourse loan's relieved debt counted in the amount realized, and the tax on the gain
on the property: the § 121 exclusion, 0%/15%/20% for a long-term gain, ordinary rates for
a short-term one, no deduction for a loss on personal-use property. Each row of
``gain_and_forms_cases.json`` gives its sources, the facts in words, the scenario as the
JSON interface takes it, and the figures (dollars as text); ``notes_mention`` lists words
the notes beside the estimate must contain (what it leaves out).
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

TODAY = dt.date(2026, 12, 1)  # the day the notes were checked; every case gives its dates
CASES: list[dict[str, Any]] = json.loads(
    Path(__file__).with_name("gain_and_forms_cases.json").read_text(encoding="utf-8")
)
MONEY = {
    "cancelled_debt",
    "cod_income",
    "amount_realized",
    "gain",
    "taxable_gain",
    "section121_excluded",
    "tax_on_gain",
    "tax_on_ordinary_income",
    "estimated_federal_tax",
    "box2_principal",
    "box4_fmv",
    "box2_cancelled",
    "box7_fmv",
}


def _value(key: str, value: Any) -> Any:
    if value is None:
        return None
    if key in MONEY:
        return to_cents(value)
    if key == "box1_date":
        return dt.date.fromisoformat(value)
    return value


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_worked_case(case: dict[str, Any]) -> None:
    scenario = validate(case["scenario"])
    result = tax.assess(scenario, evaluate(scenario), today=TODAY)
    for key, expected in case["expect"].items():
        if key in ("form_1099a", "form_1099c"):
            form = getattr(result, key)
            for box, value in expected.items():
                assert getattr(form, box) == _value(box, value), (key, box)
        elif key == "forms_expected":
            assert list(result.forms_expected) == expected
        elif key == "notes_mention":
            notes = " ".join(note.text() for note in result.notes)
            for words in expected:
                assert words in notes, words
        else:
            assert getattr(result, key) == _value(key, expected), key


def test_every_case_names_its_source_and_facts() -> None:
    assert len({c["id"] for c in CASES}) == len(CASES)
    for case in CASES:
        assert case["source"] and case["facts"] and case["expect"]
