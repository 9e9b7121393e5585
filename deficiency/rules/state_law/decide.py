"""The decision for a home loan, as small pure steps: one per mechanism of state law.

The steps run in the order the law applies them, and the first that decides ends it:

1. a loan that carries no personal liability at all (a Texas home-equity loan);
2. a purchase-money bar (California § 580b, Nevada § 40.455(3)...);
3. a bar that depends on how the property was sold (a trustee sale, a court foreclosure,
   a missing pre-sale notice), on a short sale, or on a deed in lieu;
4. otherwise, a fair-value credit that reduces the deficiency, or nothing.

Each step reads the row (:class:`.rows.StateRule`) and the scenario only; none computes an
amount, so a what-if sweep reuses one decision for every point (:func:`.amounts.collectible`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from deficiency.core.scenario import Scenario
from deficiency.rules.state_law.deadlines import deadline_of
from deficiency.rules.state_law.decision import Decision
from deficiency.rules.state_law.facts import (
    covered,
    fair_value_paths,
    is_dwelling,
    process_of,
    purchase_money_path_ok,
    scope_message,
)
from deficiency.rules.state_law.messages import (
    MSG_ALLOWED,
    MSG_BAR_HOME_EQUITY,
    MSG_BAR_JUDICIAL,
    MSG_BAR_NONJUDICIAL,
    MSG_BAR_NONJUDICIAL_HOME,
    MSG_BAR_NOTICE,
    MSG_BAR_PURCHASE_MONEY,
    MSG_BAR_SHORT_SALE,
    MSG_CHOOSE_STATE,
    MSG_DEED_IN_LIEU,
    MSG_FAIR_VALUE,
    MSG_FAIR_VALUE_DISCRETIONARY,
    MSG_FAIR_VALUE_RULE,
    MSG_LOAN_DATE,
    MSG_NOTE,
    MSG_PREREQUISITE,
    MSG_SELLER_FINANCED,
    MSG_SHORT_CANCELLATION,
    MSG_SHORT_SALE_ASK,
    MSG_SHORT_WAIVER,
)
from deficiency.rules.state_law.questions import questions_for
from deficiency.rules.state_law.rows import StateRule, load_rules
from deficiency.text.markers import Message

#: Notes that matter whatever the path; every other note is about foreclosure.
NOTES_ANY_PATH: frozenset[str] = frozenset(
    {"seller_financed", "refinance_unclear", "sold_out_junior"}
)
NOTES_DEED_IN_LIEU: frozenset[str] = frozenset({"dil_deadline"})


@dataclass
class _Case:
    """One row applied to one scenario: the facts every step reads, and the notes so far."""

    rule: StateRule
    scenario: Scenario
    loan_date: dt.date | None
    process: str
    warnings: list[Message] = field(default_factory=list)

    @property
    def state(self) -> dict[str, str]:
        return {"state": self.rule.name}

    @property
    def questions(self) -> tuple[str, ...]:
        return questions_for(self.rule, self.scenario.loan, self.scenario.path)

    def common(self) -> dict[str, str]:
        return {"source_url": self.rule.source_url, "confidence": self.rule.confidence}

    def barred(
        self, message: str, citation: str, scope: str = "", by_process: bool = False
    ) -> Decision:
        """The decision "no deficiency", with the notes that explain which facts led there.

        The process note only matters when the bar depends on the process; the scope note
        says which property the bar covers.
        """
        notes = list(self.warnings) if by_process else []
        scope_note = scope_message(scope, self.rule) if scope else None
        if scope_note is not None:
            notes.append(scope_note)
        params = dict(self.state)
        if message == MSG_BAR_SHORT_SALE:
            params["units"] = str(self.rule.max_units)
        return Decision(
            barred=True,
            fair_value=False,
            rule=Message(message, params),
            citation=citation,
            warnings=tuple(notes),
            questions=self.questions,
            **self.common(),  # type: ignore[arg-type]
        )


def cite(rule: StateRule, code: str) -> str:
    """The citation the row gives for one prerequisite or note code."""
    if code in rule.prerequisites:
        return rule.prerequisite_citations[rule.prerequisites.index(code)]
    return rule.note_citations[rule.notes.index(code)]


# -- 1. no personal liability -------------------------------------------------------------------
def _home_equity(case: _Case) -> Decision | None:
    if case.rule.bar_home_equity and case.scenario.home_equity:
        return case.barred(MSG_BAR_HOME_EQUITY, case.rule.home_equity_citation)
    return None


# -- 2. purchase money --------------------------------------------------------------------------
def _purchase_money(case: _Case) -> Decision | None:
    """A purchase-money bar; a date-limited one needs the loan date to apply."""
    rule, scenario = case.rule, case.scenario
    if (
        rule.bar_purchase_money in ("dwelling", "owner_occupied_dwelling")
        and scenario.purchase_money
        and covered(rule.bar_purchase_money, rule, scenario)
        and purchase_money_path_ok(rule, scenario, case.process)
    ):
        loan_date = case.loan_date
        if rule.bar_loans_from is None or (
            loan_date is not None and loan_date >= rule.bar_loans_from
        ):
            by_process = rule.purchase_money_paths == "judicial"
            return case.barred(
                MSG_BAR_PURCHASE_MONEY,
                rule.purchase_money_citation,
                rule.bar_purchase_money,
                by_process,
            )
        if loan_date is None:
            params = {**case.state, "citation": rule.purchase_money_citation}
            case.warnings.append(
                Message(MSG_LOAN_DATE, params, dates={"date": rule.bar_loans_from})
            )
    if rule.bar_purchase_money == "seller_financed" and purchase_money_path_ok(
        rule, scenario, case.process
    ):
        params = {**case.state, "citation": rule.purchase_money_citation}
        case.warnings.append(Message(MSG_SELLER_FINANCED, params))
    return None


# -- 3. how the property was sold or given back -------------------------------------------------
def _foreclosure_bars(case: _Case) -> Decision | None:
    """A trustee-sale or court-foreclosure bar, or a missing pre-sale notice."""
    rule, scenario, process = case.rule, case.scenario, case.process
    if process == "nonjudicial" and covered(rule.bar_nonjudicial, rule, scenario):
        message = MSG_BAR_NONJUDICIAL if rule.bar_nonjudicial == "all" else MSG_BAR_NONJUDICIAL_HOME
        return case.barred(message, rule.nonjudicial_citation, rule.bar_nonjudicial, True)
    if process == "judicial" and covered(rule.bar_judicial, rule, scenario):
        return case.barred(MSG_BAR_JUDICIAL, rule.judicial_citation, rule.bar_judicial, True)
    if "deficiency_notice" in rule.prerequisites and not scenario.notice_given:
        return case.barred(MSG_BAR_NOTICE, cite(rule, "deficiency_notice"), by_process=True)
    return None


def _short_sale(case: _Case) -> Decision | None:
    """A short-sale bar for a dwelling, or what the agreement must say."""
    rule, scenario = case.rule, case.scenario
    if rule.short_sale_bar == "statute" and is_dwelling(rule, scenario.units, scenario.acres):
        return case.barred(MSG_BAR_SHORT_SALE, rule.short_sale_citation)
    params = {**case.state, "citation": rule.short_sale_citation}
    if rule.short_sale_bar == "waiver_required":
        case.warnings.append(Message(MSG_SHORT_WAIVER, params))
    elif rule.short_sale_bar == "cancellation_reported":
        case.warnings.append(Message(MSG_SHORT_CANCELLATION, params))
    case.warnings.append(Message(MSG_SHORT_SALE_ASK))
    return None


def _deed_in_lieu(case: _Case) -> Decision | None:
    case.warnings.append(Message(MSG_DEED_IN_LIEU))
    return None


_BY_PATH = {"foreclosure": _foreclosure_bars, "short_sale": _short_sale}


# -- 4. what is left: a fair-value credit or the whole deficiency ------------------------------
def _fair_value_applies(case: _Case) -> bool:
    rule, scenario, process = case.rule, case.scenario, case.process
    if rule.fair_value in ("none", "discretionary"):
        return False
    if scenario.path not in fair_value_paths(rule):
        return False
    return {
        "always": True,
        "judicial": process == "judicial",
        "nonjudicial": process == "nonjudicial",
        "lender_bought": scenario.lender_bought,
        "lender_bought_nonjudicial": scenario.lender_bought and process == "nonjudicial",
        "owner_occupied": scenario.owner_occupied,
    }[rule.fair_value_when]


def _discretionary(case: _Case) -> None:
    rule = case.rule
    if rule.fair_value != "discretionary" or case.scenario.path != "foreclosure":
        return
    if rule.fair_value_when != "judicial" or case.process == "judicial":
        params = {**case.state, "citation": rule.fair_value_citation}
        case.warnings.append(Message(MSG_FAIR_VALUE_DISCRETIONARY, params))


def _row_warnings(case: _Case) -> list[Message]:
    """Prerequisites and caveats of the row that fit the path, each with its citation."""
    rule, path = case.rule, case.scenario.path
    out: list[Message] = []
    if path == "foreclosure":
        for code in rule.prerequisites:
            if code == "fmv_hearing" and rule.fair_value == "none":
                continue
            out.append(Message(MSG_PREREQUISITE[code], {"citation": cite(rule, code)}))
    for code in rule.notes:
        fits = (
            path == "foreclosure"
            or code in NOTES_ANY_PATH
            or (path == "deed_in_lieu" and code in NOTES_DEED_IN_LIEU)
        )
        if fits:
            out.append(Message(MSG_NOTE[code], {**case.state, "citation": cite(rule, code)}))
    return out


def _not_barred(case: _Case) -> Decision:
    rule = case.rule
    fair_value = _fair_value_applies(case)
    _discretionary(case)
    case.warnings.extend(_row_warnings(case))
    deadline = deadline_of(rule, case.scenario, case.process)
    if fair_value:
        return Decision(
            barred=False,
            fair_value=True,
            rule=Message(MSG_FAIR_VALUE_RULE, case.state),
            credit_rule=Message(MSG_FAIR_VALUE, case.state),
            citation=rule.fair_value_citation,
            warnings=tuple(case.warnings),
            deadline=deadline,
            fmv_citation=rule.fair_value_citation,
            questions=case.questions,
            **case.common(),  # type: ignore[arg-type]
        )
    return Decision(
        barred=False,
        fair_value=False,
        rule=Message(MSG_ALLOWED, case.state),
        citation=rule.citation,
        warnings=tuple(case.warnings),
        deadline=deadline,
        questions=case.questions,
        **case.common(),  # type: ignore[arg-type]
    )


def decide_mortgage(rule: StateRule, scenario: Scenario, loan_date: dt.date | None) -> Decision:
    """The decision for a home loan in one state: the first step that decides, else step 4."""
    process, process_notes = process_of(rule, scenario)
    # The foreclosure process is irrelevant to a short sale or deed in lieu.
    notes = process_notes if scenario.path == "foreclosure" else []
    case = _Case(rule, scenario, loan_date, process, notes)
    steps = (_home_equity, _purchase_money, _BY_PATH.get(scenario.path or "", _deed_in_lieu))
    for step in steps:
        decided = step(case)
        if decided is not None:
            return decided
    return _not_barred(case)


def decide(scenario: Scenario, *, loan_date: dt.date | None = None) -> Decision:
    """The legal decision for a scenario: which rule applies, before any amount is known.

    ``loan_date`` overrides the scenario's own ``loan_date`` (when the loan was made).
    Without either, a date-limited protection (Nevada's 2009 purchase-money rule) is not
    applied, and a warning says what the date would change.
    """
    if scenario.state is None:
        return Decision(
            barred=False,
            fair_value=False,
            rule=Message(MSG_CHOOSE_STATE),
            citation="",
            source_url="",
            confidence="unconfirmed",
            questions=("state",),
        )
    if scenario.loan != "mortgage":
        from deficiency.rules.state_law.goods import decide_goods

        return decide_goods(scenario)
    if loan_date is None:
        loan_date = scenario.loan_date
    return decide_mortgage(load_rules()[scenario.state], scenario, loan_date)
