"""State law applied to the engine's figures: the collectible amount, its deadline, the follow-ups.

:func:`assess` turns a :class:`.decision.Decision` and the engine's :class:`Result` into
what the pages show (:class:`StateLawResult`); :func:`sweep` applies the same decision to
arrays of amounts for the what-if pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from deficiency.core import formulas
from deficiency.core.engine import Result
from deficiency.core.engine import sweep as engine_sweep
from deficiency.core.money import cents_str, to_cents
from deficiency.core.scenario import Scenario
from deficiency.rules import ucc
from deficiency.rules.state_law.amounts import barred_by_value, collectible
from deficiency.rules.state_law.deadlines import deadline_messages, request_messages
from deficiency.rules.state_law.decide import decide
from deficiency.rules.state_law.decision import Decision
from deficiency.rules.state_law.goods import auto_warnings, fmv_cents
from deficiency.rules.state_law.messages import (
    MSG_FMV_MISSING,
    MSG_FOLLOW_1099C,
    MSG_FOLLOW_1099C_NONRECOURSE,
    MSG_FOLLOW_CREDIT,
    MSG_FOLLOW_EXPLANATION,
    MSG_FOLLOW_SURPLUS_MORTGAGE,
    MSG_FOLLOW_SURPLUS_UCC,
    MSG_NONJUDICIAL_UNAVAILABLE,
    MSG_PROCESS_ASSUMED,
    MSG_UCC_RELATED_NEEDS_FMV,
    MSG_UNCONFIRMED,
    MSG_UNCONFIRMED_PRESUMPTION,
    MSG_UNCONFIRMED_PRESUMPTION_ENACTED,
)
from deficiency.rules.state_law.rows import load_rules
from deficiency.rules.tables import Confidence
from deficiency.rules.tax import cancelled_for_tax, resolve_recourse
from deficiency.text.markers import Message


@dataclass(frozen=True)
class StateLawResult:
    """What state law (or Article 9) makes of the engine's deficiency; amounts in cents.

    ``deadline`` is the lender's deadline when it runs from the sale; when it runs from a
    later event (the deed's delivery, the court's confirmation) only its lower bound is
    known, ``deadline_earliest``. ``request_deadline`` is the reader's own date to apply
    for the fair-value credit (Arizona, South Carolina, Texas).
    """

    collectible_cents: int
    barred: bool
    fair_value_credit_cents: int
    rule: Message
    citation: str
    source_url: str
    deadline: dt.date | None
    warnings: list[Message] = field(default_factory=list)
    confidence: Confidence = "unconfirmed"
    questions: tuple[str, ...] = ()
    follow_ups: list[Message] = field(default_factory=list)
    #: The caution shown next to an unconfirmed rule; ``None`` when no state's rule was
    #: applied at all (no state chosen), so "choose a state" never meets "this state's
    #: rule could not be confirmed" on the same page.
    caution: Message | None = None
    deadline_earliest: dt.date | None = None
    request_deadline: dt.date | None = None

    def as_json(self) -> dict[str, Any]:
        """The JSON section of the report: amounts as strings, English text, ISO dates."""
        return {
            "collectible_deficiency": cents_str(self.collectible_cents),
            "rule": {
                "summary": self.rule.text(),
                "citation": self.citation,
                "source": self.source_url,
            },
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "warnings": [warning.text() for warning in self.warnings],
            "confidence": self.confidence,
        }


def _with_fmv_request(decision: Decision, scenario: Scenario, warnings: list[Message]) -> None:
    """Ask for the fair market value when the rule needs it and none was entered."""
    needs = decision.fair_value or decision.value_bar
    if not needs or scenario.fmv is not None:
        return
    if scenario.loan == "mortgage":
        missing = decision.fmv_missing or Message(MSG_FMV_MISSING)
    else:
        missing = Message(MSG_UCC_RELATED_NEEDS_FMV)
    # After the note on the assumed foreclosure process, before everything else.
    process_notes = {*MSG_PROCESS_ASSUMED.values(), MSG_NONJUDICIAL_UNAVAILABLE}
    position = sum(1 for warning in warnings if warning.msgid in process_notes)
    warnings.insert(position, missing)


def _follow_ups(
    scenario: Scenario, result: Result, decision: Decision, barred: bool, owed: int
) -> list[Message]:
    """What to do next: the credit report, Form 1099-C, a surplus, the lender's explanation."""
    out: list[Message] = []
    if barred and result.deficiency > 0:
        out.append(Message(MSG_FOLLOW_CREDIT))
        cancelled = tax_cancelled(scenario, result, decision, owed)
        # The same story as the tax section: on a loan treated as nonrecourse no Form 1099-C
        # is expected and, if one comes anyway, its amount is not income.
        recourse, _why = resolve_recourse(scenario, decision.nonrecourse)
        if cancelled > 0:
            follow = MSG_FOLLOW_1099C if recourse else MSG_FOLLOW_1099C_NONRECOURSE
            out.append(Message(follow, money={"amount": cancelled}))
    if result.surplus > 0 and scenario.state is not None:
        if scenario.loan == "mortgage":
            out.append(Message(MSG_FOLLOW_SURPLUS_MORTGAGE, money={"amount": result.surplus}))
        else:
            cited = {"citation": ucc.cite_rule("proceeds", scenario.state)}
            out.append(Message(MSG_FOLLOW_SURPLUS_UCC, cited, money={"amount": result.surplus}))
    if scenario.loan != "mortgage" and scenario.state is not None and owed > 0:
        explanation = ucc.cite_rule("explanation", scenario.state)
        out.append(Message(MSG_FOLLOW_EXPLANATION, {"citation": explanation}))
    return out


def _summary(decision: Decision, by_value: bool, credit: int) -> Message:
    """The sentence shown as the result: the bar, the credit with its amount, or the rule."""
    if by_value and decision.value_rule is not None:
        return decision.value_rule
    if credit > 0 and decision.credit_rule is not None:
        credited = decision.credit_rule
        return Message(credited.msgid, credited.params, money={"credit": credit})
    return decision.rule


def assess(scenario: Scenario, result: Result, *, as_of: dt.date | None = None) -> StateLawResult:
    """Apply state law (or Article 9) to the engine's result for the same scenario.

    ``as_of`` (optional, e.g. today) only adds a warning when a computed deadline has
    passed: whether the lender filed in time is not known, so it never changes the amount.
    """
    decision = decide(scenario)
    fmv = fmv_cents(scenario)
    sale = to_cents(scenario.sale_price)
    owed, credit = collectible(
        decision.barred,
        decision.fair_value and fmv is not None,
        result.deficiency,
        sale,
        fmv or 0,
        share=decision.credit_share,
        value_bar=decision.value_bar and fmv is not None,
    )
    by_value = barred_by_value(decision.value_bar, sale, fmv)
    barred = decision.barred or by_value
    warnings = list(decision.warnings)
    _with_fmv_request(decision, scenario, warnings)
    if scenario.loan != "mortgage" and scenario.state is not None:
        warnings.extend(auto_warnings(scenario, result))
    deadline = earliest = request = None
    if owed > 0:
        deadline, earliest, deadline_warnings = deadline_messages(decision, scenario, as_of)
        request, request_warnings = request_messages(decision, scenario, as_of)
        warnings.extend(deadline_warnings + request_warnings)
    return StateLawResult(
        collectible_cents=owed,
        barred=barred and result.deficiency > 0,
        fair_value_credit_cents=credit,
        rule=_summary(decision, by_value, credit),
        citation=decision.citation,
        source_url=decision.source_url,
        deadline=deadline,
        warnings=warnings,
        confidence=decision.confidence,  # type: ignore[arg-type]
        questions=decision.questions,
        follow_ups=_follow_ups(scenario, result, decision, barred, owed),
        caution=_caution(scenario, decision),
        deadline_earliest=earliest,
        request_deadline=request,
    )


def _caution(scenario: Scenario, decision: Decision) -> Message | None:
    """The caution beside a rule that could not be fully confirmed: the cautious reading
    shown, or, for a deficiency presumed zero (where $0 is shown), what could change it."""
    if scenario.state is None or decision.confidence == "confirmed":
        return None
    if decision.lender_failure:
        enacted = ucc.section("9-626", scenario.state).consumer_transactions == "included"
        return Message(
            MSG_UNCONFIRMED_PRESUMPTION_ENACTED if enacted else MSG_UNCONFIRMED_PRESUMPTION,
            money={"amount": 0},  # the collectible figure shown, in the reader's format
        )
    return Message(MSG_UNCONFIRMED)


def owed_for_tax(decision: Decision, borrower_owes: Any, collectible: Any) -> Any:
    """What the tax rules count as still owed after the sale, for one scenario or a sweep.

    The lender's figure (``borrower_owes``), capped by what the state's law lets it collect
    (a bar, a fair-value credit, a value bar): the part the law takes away is not owed, so
    it counts as relieved, and "You still owe" plus the cancelled debt make the deficiency.
    Before, a statutory bar kept the lender's figure: a settlement of a barred deficiency
    (California, $15,000 of $50,000) was then neither owed ($0) nor cancelled ($35,000),
    and a loan the reader marked as recourse showed $0 owed and nothing cancelled. Only a
    deficiency presumed zero because the lender broke the sale rules keeps the lender's
    figure: the sale is presumed to have paid it, so nothing is cancelled
    (:attr:`Decision.nonrecourse`).
    """
    if decision.lender_failure:
        return borrower_owes
    return formulas.borrower_pays(borrower_owes, collectible)


def tax_cancelled(
    scenario: Scenario, result: Result, decision: Decision, collectible_cents: int
) -> int:
    """The cancelled debt the tax section shows for this decision, in cents.

    Why here: the follow-up about Form 1099-C must name the same amount as the tax section
    (and say nothing when that amount is zero, e.g. a settlement of the whole deficiency,
    or a loan the reader marked as recourse), so it uses the tax module's own rule.
    """
    recourse, _why = resolve_recourse(scenario, decision.nonrecourse)
    owes = owed_for_tax(decision, result.borrower_owes, collectible_cents)
    return int(cancelled_for_tax(result.deficiency, owes, recourse, scenario.action))


def sweep(
    scenario: Scenario, *, fmv: np.ndarray | None = None, **axes: np.ndarray
) -> dict[str, np.ndarray]:
    """:func:`deficiency.core.engine.sweep` plus the collectible amount, by the same rule.

    The legal decision does not depend on amounts, so it is made once with
    :func:`decide`; :func:`collectible` then runs over the arrays. ``fmv`` may be swept
    too (cents, int64); otherwise the scenario's value is used.
    """
    figures = engine_sweep(scenario, **axes)
    decision = decide(scenario)
    if "sale_price" in axes:
        sale: Any = np.asarray(axes["sale_price"], dtype=np.int64)
    else:
        sale = to_cents(scenario.sale_price)
    known = fmv is not None or scenario.fmv is not None
    fmv_values: Any = (
        np.asarray(fmv, dtype=np.int64) if fmv is not None else (fmv_cents(scenario) or 0)
    )
    owed, credit = collectible(
        decision.barred,
        decision.fair_value and known,
        figures["deficiency"],
        sale,
        fmv_values,
        share=decision.credit_share,
        value_bar=decision.value_bar and known,
    )
    shape = np.broadcast_shapes(np.shape(figures["deficiency"]), np.shape(owed))
    out = {key: np.broadcast_to(value, shape) for key, value in figures.items()}
    out["collectible"] = np.broadcast_to(np.asarray(owed, dtype=np.int64), shape)
    out["fair_value_credit"] = np.broadcast_to(np.asarray(credit, dtype=np.int64), shape)
    return out


def rules_as_of(scenario: Scenario) -> dt.date:
    """When the rules behind a scenario were last checked: the state's row, else the latest.

    Shown with every result (pages, handout, case note) so a reader knows how fresh they are.
    """
    rules = load_rules()
    if scenario.state is not None:
        return rules[scenario.state].verified
    return max(rule.verified for rule in rules.values())
