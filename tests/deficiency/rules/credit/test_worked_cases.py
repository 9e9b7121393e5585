"""The credit worked cases of issue 15, one row each in ``worked_cases.csv``, run through
``analyze()`` on 2026-12-01.

Each row gives the facts (scenario keys, ``key=value;...``; a mortgage of $300,000 sold for
$250,000 unless the row says otherwise) and what the credit section must find: the status
the account most likely carries *now* (code, with its special comment, and the balance in
cents), the steps that happened before it, the possible later steps in order, each as
``condition>code`` ("charged_off>97": later, if charged off, 97), the usual removal date,
the outer limit of 15 U.S.C. § 1681c(c)(1) (DOFD + 180 days + 7 years) and whether it is
conditional on a later charge-off or collection, the "no later than" estimate without a
DOFD, and a date the outer limit must never be (the one counted from the charge-off). Rows
C1-C7 are the research notes' worked cases (``/work/notes/issue15/CREDIT-TAX.md`` § 1.6);
the others cover a settlement, a future charge-off and the short sale's estimate. Every
date was counted by hand.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from deficiency.core.analysis import analyze
from deficiency.core.scenario import validate
from tests.support.worked_cases import optional_date, read_cases, scenario_facts

TABLE = Path(__file__).with_name("worked_cases.csv")
TODAY = dt.date(2026, 12, 1)
BASE: dict[str, str] = {"loan": "mortgage", "balance": "300000", "sale_price": "250000"}
COLUMNS = [
    "id",
    "facts",
    "now",
    "balance",
    "earlier",
    "later",
    "removal",
    "outer_limit",
    "outer_if",
    "no_later_than",
    "never",
    "source",
]


CASES = read_cases(TABLE, COLUMNS)


def _facts(case: dict[str, str]) -> dict[str, Any]:
    return scenario_facts(case["facts"], BASE)


def _list(text: str) -> list[str]:
    return [item.strip() for item in text.split(";") if item.strip()]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_worked_case(case: dict[str, str]) -> None:
    found = analyze(validate(_facts(case)), today=TODAY)
    c = found.credit
    code, _, comment = case["now"].partition(" + ")
    assert (c.status_code, c.special_comment) == (code, comment or None)
    assert c.removal_date == optional_date(case["removal"])
    assert c.removal_outer_limit == optional_date(case["outer_limit"])
    now = c.now
    assert now.code == case["now"]
    assert now.balance_cents == int(case["balance"])
    assert [step.code for step in c.earlier_steps] == _list(case["earlier"])
    assert [f"{step.condition}>{step.code}" for step in c.later_steps] == _list(case["later"])
    assert c.removal_outer_limit_conditional == (case["outer_if"] == "yes")
    assert c.removal_outer_limit_bound == optional_date(case["no_later_than"])
    if case["never"]:
        assert c.removal_outer_limit != optional_date(case["never"])
    # The sentences say the same: "Now (most likely)", then "Later, if …" for each later step.
    assert now.when_text.text() == "Now (most likely)"
    for step in c.later_steps:
        assert step.when_text.text().startswith("Later, "), step.when_text.text()
        assert " if " in step.line.text()
    data = c.as_json()
    assert data["status_code"] == now.status_code
    assert [s["code"] for s in data["later_steps"]] == [s.status_code for s in c.later_steps]
    assert data["removal_outer_limit_no_later_than"] == (case["no_later_than"] or None)


def test_the_estimate_says_it_is_one() -> None:
    """Without a DOFD the bound is labelled "no later than" and explained as an estimate."""
    case = next(case for case in CASES if case["id"] == "C3")
    c = analyze(validate(_facts(case)), today=TODAY).credit
    assert c.outer_limit_text is not None
    assert c.outer_limit_text.text() == "No later than 2033-08-29 (estimate)"
    note = next(m.text() for m in c.removal_notes if "no later than" in m.text())
    assert note.startswith("Estimate of the legal outer limit")
    assert "foreclosure (2026-03-02)" in note
    assert "Enter the date of first delinquency" in note
