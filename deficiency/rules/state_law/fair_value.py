"""Step 4 of the decision: no bar applied, so a fair-value rule may still reduce the deficiency.

One function per kind of rule in the table (``fair_value``):

* a credit of the property's value instead of the sale price (``debt_minus_fmv``,
  ``debt_minus_greater``), given by the court or only on the reader's request
  (``fmv_request``, with the reader's own deadline where the row sets one);
* Connecticut's two mechanisms (``strict_or_half``): after a strict foreclosure the debt
  minus the court's valuation, after a foreclosure by sale only half of (appraisal − price);
* Georgia's confirmation rule (``confirmation_bar``): no deficiency unless the court
  confirms that the sale brought the true market value, so a value above the price bars it;
* a court's discretion (``discretionary``): a warning, never an amount.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deficiency.rules.state_law.case import Case
from deficiency.rules.state_law.deadlines import deadline_of, request_deadline_of
from deficiency.rules.state_law.decision import Decision
from deficiency.rules.state_law.messages import (
    MSG_ALLOWED,
    MSG_BAR_CONFIRMATION_VALUE,
    MSG_CONFIRMATION_FMV_MISSING,
    MSG_CONFIRMATION_RULE,
    MSG_CONFIRMED,
    MSG_FAIR_VALUE,
    MSG_FAIR_VALUE_DISCRETIONARY,
    MSG_FAIR_VALUE_RULE,
    MSG_FMV_MISSING,
    MSG_FMV_MISSING_HALF,
    MSG_HALF_CREDIT,
    MSG_HALF_CREDIT_MOVER,
    MSG_HALF_RULE,
    MSG_STRICT_ASK,
    MSG_STRICT_VALUATION,
)
from deficiency.text.markers import Message

HALF: tuple[int, int] = (1, 2)
WHOLE: tuple[int, int] = (1, 1)


@dataclass
class _Outcome:
    """What a fair-value rule makes of the facts (the fields of the decision it sets)."""

    credit: bool = False
    share: tuple[int, int] = WHOLE
    rule: str = MSG_FAIR_VALUE_RULE
    credit_rule: str = MSG_FAIR_VALUE
    missing: str = MSG_FMV_MISSING
    value_bar: bool = False
    notes: list[Message] = field(default_factory=list)


def _credit(case: Case) -> _Outcome:
    return _Outcome(credit=True)


def _strict_or_half(case: Case) -> _Outcome:
    """Connecticut: § 49-14 after a strict foreclosure, § 49-28's half credit after a sale."""
    params = {**case.state, "citation": case.rule.fair_value_citation}
    strict = case.scenario.strict_foreclosure
    if strict is True:
        return _Outcome(credit=True, notes=[Message(MSG_STRICT_VALUATION, params)])
    notes = [Message(MSG_HALF_CREDIT_MOVER, params)]
    if strict is None:
        notes.insert(0, Message(MSG_STRICT_ASK, params))
    return _Outcome(True, HALF, MSG_HALF_RULE, MSG_HALF_CREDIT, MSG_FMV_MISSING_HALF, notes=notes)


def _confirmation(case: Case) -> _Outcome:
    """Georgia: confirmed → debt − price; not known → a value above the price bars it."""
    params = {**case.state, "citation": case.rule.fair_value_citation}
    if case.scenario.sale_confirmed is True:
        return _Outcome(notes=[Message(MSG_CONFIRMED, params)])
    return _Outcome(
        missing=MSG_CONFIRMATION_FMV_MISSING,
        value_bar=True,
        notes=[Message(MSG_CONFIRMATION_RULE, params)],
    )


def _discretionary(case: Case) -> _Outcome:
    params = {**case.state, "citation": case.rule.fair_value_citation}
    if case.scenario.path != "foreclosure":
        return _Outcome()
    return _Outcome(notes=[Message(MSG_FAIR_VALUE_DISCRETIONARY, params)])


_KINDS = {
    "debt_minus_fmv": _credit,
    "debt_minus_greater": _credit,
    "strict_or_half": _strict_or_half,
    "confirmation_bar": _confirmation,
    "discretionary": _discretionary,
}


def _outcome(case: Case) -> _Outcome:
    if case.rule.fair_value == "none" or not case.fair_value_when_holds():
        return _Outcome()
    return _KINDS[case.rule.fair_value](case)


def not_barred(case: Case) -> Decision:
    """The decision when no bar applied: a fair-value credit or value bar, or the whole debt."""
    rule, state = case.rule, case.state
    outcome = _outcome(case)
    case.warnings.extend(outcome.notes)
    case.warnings.extend(case.prerequisite_warnings(outcome.credit))
    notes = case.note_warnings()
    case.warnings.extend(notes)
    deadline = deadline_of(rule, case.scenario, case.process)
    case.warnings.extend(case.unconfirmed_warnings(False, notes, deadline is not None))
    fmv_params = {**state, "citation": rule.fair_value_citation}
    needs_fmv = outcome.credit or outcome.value_bar
    common = dict(
        warnings=tuple(case.warnings),
        deadline=deadline,
        questions=case.questions,
        fmv_missing=Message(outcome.missing, fmv_params) if needs_fmv else None,
        **case.common(),
    )
    if outcome.credit:
        return Decision(
            barred=False,
            fair_value=True,
            rule=Message(outcome.rule, state),
            credit_rule=Message(outcome.credit_rule, state),
            citation=rule.fair_value_citation,
            fmv_citation=rule.fair_value_citation,
            credit_share=outcome.share,
            request_deadline=request_deadline_of(rule, case.scenario, case.process),
            **common,  # type: ignore[arg-type]
        )
    return Decision(
        barred=False,
        fair_value=False,
        rule=Message(MSG_ALLOWED, state),
        citation=rule.fair_value_citation if outcome.value_bar else rule.citation,
        value_bar=outcome.value_bar,
        value_rule=Message(MSG_BAR_CONFIRMATION_VALUE, state) if outcome.value_bar else None,
        **common,  # type: ignore[arg-type]
    )
