"""Deficiency balances: the pure domain core (no Streamlit, no I/O at import time).

Public API: :class:`Scenario` (validated inputs), :func:`validate`, :func:`evaluate`
(one scenario, exact to the cent) and :func:`sweep` (the same formulas over arrays).
"""

from deficiency.core.engine import Item, Result, evaluate, sweep
from deficiency.core.scenario import Scenario, replace, validate
from deficiency.core.validators import FieldIssue, ScenarioError

__all__ = [
    "FieldIssue",
    "Item",
    "Result",
    "Scenario",
    "ScenarioError",
    "evaluate",
    "replace",
    "sweep",
    "validate",
]
