"""The full JSON report of a scenario: the deficiency and every section joined to it.

Shape (the ``python -m deficiency evaluate`` output): the deficiency figures and
``items``; the state-law keys ``collectible_deficiency``, ``rule``, ``deadline``,
``warnings``, ``confidence`` at the top level; a ``tax`` object; a ``credit`` object.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from deficiency.core.analysis import analyze
from deficiency.core.engine import evaluate
from deficiency.core.scenario import Scenario


def full_report(scenario: Scenario, today: dt.date | None = None) -> dict[str, Any]:
    """Evaluate ``scenario`` strictly (a bad settlement raises) and join every section."""
    evaluate(scenario)  # strict: the command line rejects a settlement above the deficiency
    found = analyze(scenario, today)
    data = found.result.as_json()
    data.update(found.state.as_json())
    data["tax"] = found.tax.as_json()
    data["credit"] = found.credit.as_json()
    return data
