"""How a row's conditions read the scenario's facts: the process, the property, the path.

Every step of the decision (:mod:`.decide`), the deadlines and the States page ask these
same questions of a scenario, so a rule's condition means one thing everywhere.
"""

from __future__ import annotations

from decimal import Decimal

from deficiency.core.scenario import Scenario
from deficiency.rules.state_law.messages import (
    MSG_NONJUDICIAL_UNAVAILABLE,
    MSG_PROCESS_ASSUMED,
    MSG_SCOPE,
)
from deficiency.rules.state_law.rows import StateRule
from deficiency.text.markers import Message


def is_dwelling(rule: StateRule, units: int, acres: Decimal) -> bool:
    """At most the row's ``max_units`` units on at most its ``max_acres`` acres."""
    return (rule.max_units is None or units <= rule.max_units) and (
        rule.max_acres is None or acres <= rule.max_acres
    )


def covered(scope: str, rule: StateRule, scenario: Scenario) -> bool:
    """Whether a bar's property scope reaches the scenario's property."""
    dwelling = is_dwelling(rule, scenario.units, scenario.acres)
    return {
        "none": False,
        "all": True,
        "dwelling": dwelling,
        "owner_occupied": scenario.owner_occupied,
        "owner_occupied_dwelling": scenario.owner_occupied and dwelling,
        "short_redemption": scenario.redemption_period in SHORT_REDEMPTION,
    }[scope]


#: The redemption periods under which Minnesota bars a deficiency (§ 582.30 subd. 2).
SHORT_REDEMPTION: tuple[str, ...] = ("five_weeks", "six_months")


def condition_holds(condition: str, rule: StateRule, scenario: Scenario, process: str) -> bool:
    """Whether a ``code:condition`` qualifier holds on these facts ("" always holds).

    "strict" holds only when the reader said the foreclosure was strict: a rule of strict
    foreclosure is never applied to facts that may describe a sale.
    """
    if not condition:
        return True
    return {
        "judicial": process == "judicial",
        "nonjudicial": process == "nonjudicial",
        "strict": process == "judicial" and scenario.strict_foreclosure is True,
        "owner_occupied_dwelling": scenario.owner_occupied
        and is_dwelling(rule, scenario.units, scenario.acres),
        "agricultural": scenario.agricultural,
        "lender_bought": scenario.lender_bought,
    }[condition]


def acres_text(acres: Decimal | None) -> str:
    if acres is None:
        return ""
    return format(acres.normalize(), "f")


def scope_message(scope: str, rule: StateRule) -> Message | None:
    """The plain conditions of a property scope ("a home with at most 4 units"), if any."""
    if scope in ("none", "all"):
        return None
    if scope == "short_redemption":
        return Message(MSG_SCOPE[(scope, False, False)])
    units = rule.max_units is not None
    acres = rule.max_acres is not None
    if scope != "owner_occupied" and not (units or acres):
        return None
    params = {"units": str(rule.max_units or ""), "acres": acres_text(rule.max_acres)}
    return Message(MSG_SCOPE[(scope, units, acres)], params)


def process_of(rule: StateRule, scenario: Scenario) -> tuple[str, list[Message]]:
    """The foreclosure process to apply, with a warning when it was assumed or corrected."""
    state = {"state": rule.name}
    if scenario.foreclosure is None:
        if rule.nonjudicial_available:
            return rule.usual_process, [Message(MSG_PROCESS_ASSUMED[rule.usual_process], state)]
        return "judicial", []
    if scenario.foreclosure == "nonjudicial" and not rule.nonjudicial_available:
        return "judicial", [Message(MSG_NONJUDICIAL_UNAVAILABLE, state)]
    return scenario.foreclosure, []


def fair_value_paths(rule: StateRule) -> tuple[str, ...]:
    """The paths a fair-value rule covers."""
    if rule.fair_value_paths == "foreclosure_short_sale":
        return ("foreclosure", "short_sale")
    return ("foreclosure",)


def purchase_money_path_ok(paths: str, scenario: Scenario, process: str) -> bool:
    """Whether a purchase-money bar's paths ("all", "foreclosure", "judicial") fit."""
    return {
        "all": True,
        "foreclosure": scenario.path == "foreclosure",
        "judicial": scenario.path == "foreclosure" and process == "judicial",
    }.get(paths, False)
