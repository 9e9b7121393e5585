"""Golden outputs: every public output of the core stays what it was when recorded.

The worked examples and 200 seeded scenarios (``golden_cases.py``) are run through the
JSON report, the links, the CSV exports, the case note, the handout's text, the letter
check, the 1099-C reading, the what-if figures and every section's sentences; each must
equal ``golden/*.json``. A restructuring of the core must leave them all unchanged. When a
change of law or text is intended, check the difference, then regenerate (see
``golden_cases.py``).
"""

from __future__ import annotations

import functools
from typing import Any

import pytest

from tests.deficiency import golden_cases


@functools.cache
def _recorded(group: str) -> dict[str, Any]:
    return golden_cases.load(group)


def _ids(group: str) -> list[str]:
    return sorted(_recorded(group))


def _check(group: str, case_id: str) -> None:
    stored = _recorded(group)[case_id]
    fresh = golden_cases.outputs(stored["case"])
    assert sorted(fresh) == sorted(stored["outputs"]), "the outputs recorded changed"
    for key in sorted(fresh):
        assert fresh[key] == stored["outputs"][key], f"{case_id}: {key} differs"


def test_the_cases_recorded_are_the_cases_generated() -> None:
    """The seeded generator still yields the recorded cases (else a diff means nothing)."""
    cases = golden_cases.all_cases()
    for group in golden_cases.FILES:
        assert {case["id"]: case for case in cases[group]} == {
            key: value["case"] for key, value in _recorded(group).items()
        }


@pytest.mark.parametrize("case_id", _ids("worked"))
def test_worked_case(case_id: str) -> None:
    _check("worked", case_id)


@pytest.mark.parametrize("case_id", _ids("generated"))
def test_generated_case(case_id: str) -> None:
    _check("generated", case_id)
