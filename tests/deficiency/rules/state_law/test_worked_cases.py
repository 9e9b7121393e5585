"""The worked cases of issue 15, one row each in ``worked_cases.csv``, run through ``analyze()``.

Each row gives the facts (scenario keys, ``key=value;...``; a mortgage of $300,000 sold for
$200,000 unless the row says otherwise), the collectible amount in cents, the lender's
deadline (``exact`` when it runs from the sale; ``earliest`` when it runs from a later event,
so only its lower bound is known), the borrower's own date to apply for a fair-value credit,
and a citation the result must name (in its rule or in one of its sentences). The rows come
from the research notes' "Worked cases" (``source``), checked against the statute text they
quote; every jurisdiction has at least one, and the states whose law turns on a condition
have one on each side of it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from deficiency.core.analysis import analyze
from deficiency.core.scenario import STATE_CODES, validate
from tests.support.worked_cases import optional_date, read_cases, scenario_facts

TABLE = Path(__file__).with_name("worked_cases.csv")
TODAY = dt.date(2026, 12, 1)
BASE: dict[str, str] = {"loan": "mortgage", "balance": "300000", "sale_price": "200000"}
COLUMNS = [
    "id",
    "state",
    "facts",
    "collectible",
    "deadline",
    "deadline_basis",
    "request_deadline",
    "citation",
    "source",
]


CASES = read_cases(TABLE, COLUMNS)


def _facts(case: dict[str, str]) -> dict[str, Any]:
    return scenario_facts(case["facts"], dict(BASE, state=case["state"]))


def test_every_jurisdiction_has_a_case_and_conditions_have_two() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    by_state: dict[str, int] = {}
    for case in CASES:
        assert case["id"].split("-")[0] == case["state"]
        by_state[case["state"]] = by_state.get(case["state"], 0) + 1
    assert sorted(by_state) == sorted(STATE_CODES)
    assert all(count >= 2 for count in by_state.values()), by_state


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_worked_case(case: dict[str, str]) -> None:
    found = analyze(validate(_facts(case)), TODAY).state
    assert found.collectible_cents == int(case["collectible"]), case["source"]
    expected = optional_date(case["deadline"])
    basis = case["deadline_basis"]
    assert (basis == "exact") == (found.deadline is not None and expected is not None)
    shown = found.deadline if basis == "exact" else found.deadline_earliest
    assert shown == expected, case["source"]
    if basis != "exact":
        assert found.deadline is None
    assert found.request_deadline == optional_date(case["request_deadline"]), case["source"]
    named = [found.citation, *(message.text() for message in found.warnings)]
    assert any(case["citation"] in text for text in named), (case["citation"], named)
