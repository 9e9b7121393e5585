"""The full JSON report of a scenario: the deficiency plus every section later issues add.

One place that joins the chain (deficiency → state law → tax → credit), so the command
line, the app's downloads and the tests all see the same figures.
"""

from __future__ import annotations

from typing import Any

from deficiency.engine import evaluate
from deficiency.scenario import Scenario


def full_report(scenario: Scenario) -> dict[str, Any]:
    """Evaluate ``scenario`` and return the JSON-ready report."""
    return evaluate(scenario).as_json()
