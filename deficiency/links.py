"""Scenario ⇄ query string: how a scenario lives in its shareable link.

Only keys that differ from the defaults are written (short, readable links), plus the
schema version ``v``. Values are stable codes and plain numbers, never translated labels,
so a link made in Japanese reopens identically in English. Decoding never uses pickle or
eval: each value goes through the same validation as the JSON interface, bad keys are
dropped and reported, and every good key is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from deficiency.engine import evaluate, settlement_issue
from deficiency.money import to_cents
from deficiency.scenario import (
    DEFAULTS,
    MSG_VERSION,
    PATHS_BY_LOAN,
    SCENARIO_KEYS,
    SCHEMA_VERSION,
    FieldIssue,
    Scenario,
    _short,
    validate_lenient,
)

#: Query keys the scenario does not own (the shell reads them), never reported as unknown.
SHELL_KEYS: frozenset[str] = frozenset({"v", "lang"})


def _code(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        text = f"{value:.2f}"
        return text[:-3] if text.endswith(".00") else text
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def encode(scenario: Scenario) -> dict[str, str]:
    """The query parameters of a scenario: ``v`` plus every key that is not a default."""
    params = {"v": SCHEMA_VERSION}
    for key in SCENARIO_KEYS:
        value = getattr(scenario, key)
        default = getattr(DEFAULTS, key)
        if key == "path":
            default = PATHS_BY_LOAN[scenario.loan][0]
        if value != default and value is not None:
            params[key] = _code(value)
    return params


def decode(
    params: Mapping[str, str], extra_keys: frozenset[str] = frozenset()
) -> tuple[Scenario, list[FieldIssue]]:
    """Open a link: the scenario with every valid key kept, and one issue per bad key."""
    issues: list[FieldIssue] = []
    version = params.get("v")
    if version is not None and version != SCHEMA_VERSION:
        issues.append(FieldIssue("v", _short(version), MSG_VERSION))
    data = {k: v for k, v in params.items() if k not in SHELL_KEYS and k not in extra_keys}
    scenario, more = validate_lenient(data)
    issues.extend(more)
    probe = scenario.model_copy(update={"action": "collect"})
    deficiency = evaluate(probe).deficiency
    bad_settlement = settlement_issue(scenario, deficiency)
    if bad_settlement is not None:
        issues.append(bad_settlement)
        scenario = scenario.model_copy(update={"settlement": Decimal("0.00")})
    assert to_cents(scenario.settlement) <= deficiency or scenario.action != "settle"
    return scenario, issues
