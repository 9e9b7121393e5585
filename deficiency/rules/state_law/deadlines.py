"""The time limits: whether they apply to the facts, and the dates they give.

A deadline in the table is an amount, a unit and the event it runs from, with what must
be done by then: the lender's suit or motion ("action"), its report of the sale to the
court for confirmation ("report", Georgia), or the start of enforcing a judgment already
entered ("enforcement", Ohio). Only the sale is a date the scenario holds (``sale_date``);
a deadline that runs from a later event (the deed's delivery, the court's confirmation)
can only be shown as "no earlier than". The borrower's own time limit to apply for a
fair-value credit (Arizona, South Carolina, Texas) runs from the sale.
"""

from __future__ import annotations

import datetime as dt

from deficiency.core.dates import add_months
from deficiency.core.scenario import Scenario
from deficiency.rules.state_law.decision import Deadline, Decision
from deficiency.rules.state_law.facts import condition_holds, is_dwelling
from deficiency.rules.state_law.messages import (
    MSG_DEADLINE,
    MSG_DEADLINE_LATER,
    MSG_DEADLINE_NEEDS_DATE,
    MSG_DEADLINE_PASSED,
    MSG_DEADLINE_REPORT,
    MSG_ENFORCEMENT_LATER,
    MSG_REQUEST_DEADLINE,
    MSG_REQUEST_NEEDS_DATE,
    MSG_REQUEST_PASSED,
)
from deficiency.rules.state_law.rows import StateRule
from deficiency.text.markers import Message

#: The sentences that carry the lender's deadline date (the countdowns read its citation).
DEADLINE_MESSAGES: frozenset[str] = frozenset({MSG_DEADLINE, MSG_DEADLINE_REPORT})
_EXACT = {"action": MSG_DEADLINE, "report": MSG_DEADLINE_REPORT, "enforcement": MSG_DEADLINE}


def add_period(start: dt.date, amount: int, unit: str) -> dt.date:
    """``start`` plus a statutory period; months and years clamp to the month's last day.

    Why clamp: "3 months after November 30" has no February 30, and courts count to the
    last day of the shorter month (Feb 28, or 29 in a leap year), never into March.
    """
    if unit == "days":
        return start + dt.timedelta(days=amount)
    if unit not in ("months", "years"):
        raise ValueError(f"unknown unit {unit!r}")
    return add_months(start, amount if unit == "months" else amount * 12)


def _process_fits(wanted: str, rule: StateRule, scenario: Scenario, process: str) -> bool:
    if wanted == "strict":
        return condition_holds("strict", rule, scenario, process)
    return wanted in ("any", process)


def deadline_applies(rule: StateRule, scenario: Scenario, process: str) -> bool:
    """Whether the row's time limit covers this path, process and property."""
    if rule.deadline_amount is None or scenario.path != "foreclosure":
        return False
    if not _process_fits(rule.deadline_process, rule, scenario, process):
        return False
    scope = rule.deadline_scope
    if scope == "all":
        return True
    if scope == "dwelling":
        return is_dwelling(rule, scenario.units, scenario.acres)
    return condition_holds(scope, rule, scenario, process)


def deadline_of(rule: StateRule, scenario: Scenario, process: str) -> Deadline | None:
    """The lender's time limit when it applies to these facts, else ``None``."""
    if not deadline_applies(rule, scenario, process):
        return None
    if rule.deadline_kind == "report" and scenario.sale_confirmed is True:
        return None  # the sale was reported and confirmed: the report's deadline is met
    return Deadline(
        rule.deadline_amount or 0,
        rule.deadline_unit,
        rule.deadline_from,
        rule.deadline_citation,
        rule.deadline_kind,
    )


def request_deadline_of(rule: StateRule, scenario: Scenario, process: str) -> Deadline | None:
    """The borrower's time to apply for the fair-value credit, when the row sets one."""
    if rule.request_deadline_amount is None or scenario.path != "foreclosure":
        return None
    if not _process_fits(rule.request_deadline_process, rule, scenario, process):
        return None
    return Deadline(
        rule.request_deadline_amount,
        rule.request_deadline_unit,
        rule.request_deadline_from,
        rule.request_deadline_citation,
        "request",
    )


def deadline_messages(
    decision: Decision, scenario: Scenario, as_of: dt.date | None
) -> tuple[dt.date | None, dt.date | None, list[Message]]:
    """(the deadline, its lower bound when it runs from a later event, the sentences)."""
    deadline = decision.deadline
    if deadline is None:
        return None, None, []
    cited = {"citation": deadline.citation}
    if scenario.sale_date is None:
        return None, None, [Message(MSG_DEADLINE_NEEDS_DATE, cited)]
    earliest = add_period(scenario.sale_date, deadline.amount, deadline.unit)
    dates = {"deadline": earliest}
    if deadline.event != "sale":
        later = (
            MSG_ENFORCEMENT_LATER
            if deadline.kind == "enforcement"
            else MSG_DEADLINE_LATER[deadline.event]
        )
        return None, earliest, [Message(later, cited, dates=dates)]
    messages = [Message(_EXACT[deadline.kind], cited, dates=dates)]
    if as_of is not None and as_of > earliest:
        messages.append(Message(MSG_DEADLINE_PASSED, dates=dates))
    return earliest, None, messages


def request_messages(
    decision: Decision, scenario: Scenario, as_of: dt.date | None
) -> tuple[dt.date | None, list[Message]]:
    """The borrower's date to apply for the fair-value credit, and the sentences."""
    request = decision.request_deadline
    if request is None:
        return None, []
    cited = {"citation": request.citation}
    if scenario.sale_date is None:
        return None, [Message(MSG_REQUEST_NEEDS_DATE, cited)]
    day = add_period(scenario.sale_date, request.amount, request.unit)
    messages = [Message(MSG_REQUEST_DEADLINE, cited, dates={"deadline": day})]
    if as_of is not None and as_of > day:
        messages.append(Message(MSG_REQUEST_PASSED, dates={"deadline": day}))
    return day, messages
