"""The lender's time limit: whether it applies to the facts, and the date it gives.

A deadline in the table is an amount, a unit and the event it runs from. Only the sale is
a date the scenario holds (``sale_date``); a deadline that runs from a later event (the
deed's delivery, the court's confirmation) can only be shown as "no earlier than".
"""

from __future__ import annotations

import calendar
import datetime as dt

from deficiency.core.scenario import Scenario
from deficiency.rules.state_law.decision import Decision
from deficiency.rules.state_law.facts import is_dwelling
from deficiency.rules.state_law.messages import (
    MSG_DEADLINE,
    MSG_DEADLINE_LATER,
    MSG_DEADLINE_NEEDS_DATE,
    MSG_DEADLINE_PASSED,
)
from deficiency.rules.state_law.rows import StateRule
from deficiency.text.markers import Message


def add_period(start: dt.date, amount: int, unit: str) -> dt.date:
    """``start`` plus a statutory period; months and years clamp to the month's last day.

    Why clamp: "3 months after November 30" has no February 30, and courts count to the
    last day of the shorter month (Feb 28, or 29 in a leap year), never into March.
    """
    if unit == "days":
        return start + dt.timedelta(days=amount)
    months = amount if unit == "months" else amount * 12
    if unit not in ("months", "years"):
        raise ValueError(f"unknown unit {unit!r}")
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def deadline_applies(rule: StateRule, scenario: Scenario, process: str) -> bool:
    """Whether the row's time limit covers this path, process and property."""
    if rule.deadline_amount is None or scenario.path != "foreclosure":
        return False
    if rule.deadline_process not in ("any", process):
        return False
    return rule.deadline_scope != "dwelling" or is_dwelling(rule, scenario.units, scenario.acres)


def deadline_of(
    rule: StateRule, scenario: Scenario, process: str
) -> tuple[int, str, str, str] | None:
    """(amount, unit, event, citation) of the time limit when it applies, else ``None``."""
    if not deadline_applies(rule, scenario, process):
        return None
    return (
        rule.deadline_amount or 0,
        rule.deadline_unit,
        rule.deadline_from,
        rule.deadline_citation,
    )


def deadline_messages(
    decision: Decision, scenario: Scenario, as_of: dt.date | None
) -> tuple[dt.date | None, list[Message]]:
    """The deadline date (when it runs from the sale) and the sentences that show it."""
    if decision.deadline is None:
        return None, []
    amount, unit, event, citation = decision.deadline
    if scenario.sale_date is None:
        return None, [Message(MSG_DEADLINE_NEEDS_DATE, {"citation": citation})]
    earliest = add_period(scenario.sale_date, amount, unit)
    if event != "sale":
        return None, [
            Message(MSG_DEADLINE_LATER[event], {"citation": citation}, dates={"deadline": earliest})
        ]
    messages = [Message(MSG_DEADLINE, {"citation": citation}, dates={"deadline": earliest})]
    if as_of is not None and as_of > earliest:
        messages.append(Message(MSG_DEADLINE_PASSED, dates={"deadline": earliest}))
    return earliest, messages
