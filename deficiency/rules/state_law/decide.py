"""The decision for a home loan, as small pure steps: one per mechanism of state law.

The steps run in the order the law applies them, and the first that decides ends it:

1. a loan that carries no personal liability at all (a Texas home-equity loan);
2. a purchase-money bar: a lender's loan that bought the home (California § 580b, Nevada
   § 40.455(3)), or a seller's loan for the rest of the price (Montana § 71-1-232,
   Oregon § 88.103(1)(a), North Carolina § 45-21.38);
3. a bar that depends on how the property was sold or given back: a trustee sale or a
   court foreclosure of a covered property (Minnesota: only with a short redemption
   period), a missing pre-sale notice, a sale the court did not confirm (Georgia), a
   short sale of a dwelling, a deed in lieu the lender accepted (Illinois § 15-1401);
4. otherwise, a fair-value rule (:mod:`.fair_value`) that reduces the deficiency, or bars
   it when the sale brought less than the value (Georgia), or nothing.

Each step reads the row (:class:`.rows.StateRule`) and the scenario only; none computes an
amount, so a what-if sweep reuses one decision for every point (:func:`.amounts.collectible`).
"""

from __future__ import annotations

import datetime as dt

from deficiency.core.scenario import Scenario
from deficiency.rules.state_law.case import Case, cite
from deficiency.rules.state_law.decision import Decision
from deficiency.rules.state_law.facts import (
    covered,
    is_dwelling,
    process_of,
    purchase_money_path_ok,
)
from deficiency.rules.state_law.fair_value import not_barred
from deficiency.rules.state_law.messages import (
    MSG_BAR_DEED_IN_LIEU,
    MSG_BAR_HOME_EQUITY,
    MSG_BAR_JUDICIAL,
    MSG_BAR_NONJUDICIAL,
    MSG_BAR_NONJUDICIAL_HOME,
    MSG_BAR_NOT_CONFIRMED,
    MSG_BAR_NOTICE,
    MSG_BAR_PURCHASE_MONEY,
    MSG_BAR_SELLER_FINANCED,
    MSG_BAR_SHORT_SALE,
    MSG_CHOOSE_STATE,
    MSG_DEED_IN_LIEU,
    MSG_DIL_KEPT,
    MSG_LOAN_DATE,
    MSG_REDEMPTION_ASK,
    MSG_REDEMPTION_LONG,
    MSG_SHORT_CANCELLATION,
    MSG_SHORT_SALE_ASK,
    MSG_SHORT_WAIVER,
)
from deficiency.rules.state_law.rows import StateRule, load_rules
from deficiency.text.markers import Message


# -- 1. no personal liability -------------------------------------------------------------------
def _home_equity(case: Case) -> Decision | None:
    if case.rule.bar_home_equity and case.scenario.home_equity:
        return case.barred(MSG_BAR_HOME_EQUITY, case.rule.home_equity_citation)
    return None


# -- 2. purchase money --------------------------------------------------------------------------
def _purchase_money(case: Case) -> Decision | None:
    """A lender's purchase-money bar; a date-limited one needs the loan date to apply."""
    rule, scenario = case.rule, case.scenario
    if not (
        rule.bar_purchase_money != "none"
        and scenario.purchase_money
        and covered(rule.bar_purchase_money, rule, scenario)
        and purchase_money_path_ok(rule.purchase_money_paths, scenario, case.process)
    ):
        return None
    loan_date = case.loan_date
    if rule.bar_loans_from is None or (loan_date is not None and loan_date >= rule.bar_loans_from):
        by_process = rule.purchase_money_paths == "judicial"
        return case.barred(
            MSG_BAR_PURCHASE_MONEY,
            rule.purchase_money_citation,
            rule.bar_purchase_money,
            by_process,
        )
    if loan_date is None:
        params = {**case.state, "citation": rule.purchase_money_citation}
        case.warnings.append(Message(MSG_LOAN_DATE, params, dates={"date": rule.bar_loans_from}))
    return None


def _seller_financed(case: Case) -> Decision | None:
    """A seller's loan for the rest of the purchase price (any property)."""
    rule, scenario = case.rule, case.scenario
    if (
        rule.bar_seller_financed
        and scenario.seller_financed
        and purchase_money_path_ok(rule.seller_financed_paths, scenario, case.process)
    ):
        by_process = rule.seller_financed_paths == "judicial"
        return case.barred(MSG_BAR_SELLER_FINANCED, rule.seller_financed_citation, "", by_process)
    return None


# -- 3. how the property was sold or given back -------------------------------------------------
def _redemption(case: Case, scope: str) -> None:
    """Say what the redemption period does when a bar turns on it (Minnesota)."""
    if scope != "short_redemption":
        return
    params = {**case.state, "citation": case.rule.nonjudicial_citation}
    if case.scenario.redemption_period is None:
        case.warnings.append(Message(MSG_REDEMPTION_ASK, params))
    elif case.scenario.redemption_period == "twelve_months":
        case.warnings.append(Message(MSG_REDEMPTION_LONG, params))


def _process_bar(case: Case) -> Decision | None:
    """A trustee-sale or court-foreclosure bar that covers the property."""
    rule, scenario, process = case.rule, case.scenario, case.process
    scope = rule.bar_nonjudicial if process == "nonjudicial" else rule.bar_judicial
    if covered(scope, rule, scenario):
        if process == "judicial":
            return case.barred(MSG_BAR_JUDICIAL, rule.judicial_citation, scope, True)
        message = MSG_BAR_NONJUDICIAL if scope == "all" else MSG_BAR_NONJUDICIAL_HOME
        return case.barred(message, rule.nonjudicial_citation, scope, True)
    _redemption(case, scope)
    return None


def _foreclosure_bars(case: Case) -> Decision | None:
    """A process bar, a missing pre-sale notice, or a sale the court did not confirm."""
    rule, scenario = case.rule, case.scenario
    decided = _process_bar(case)
    if decided is not None:
        return decided
    if case.requires("deficiency_notice") and not scenario.notice_given:
        return case.barred(MSG_BAR_NOTICE, cite(rule, "deficiency_notice"), by_process=True)
    confirmation = rule.fair_value == "confirmation_bar" and case.fair_value_when_holds()
    if confirmation and scenario.sale_confirmed is False:
        return case.barred(MSG_BAR_NOT_CONFIRMED, rule.fair_value_citation, by_process=True)
    return None


def _short_sale(case: Case) -> Decision | None:
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


def _deed_in_lieu(case: Case) -> Decision | None:
    """A statutory release on a deed in lieu (Illinois), unless liability was kept in writing."""
    rule = case.rule
    if rule.bar_deed_in_lieu:
        if not case.scenario.liability_kept:
            return case.barred(MSG_BAR_DEED_IN_LIEU, rule.deed_in_lieu_citation)
        params = {**case.state, "citation": rule.deed_in_lieu_citation}
        case.warnings.append(Message(MSG_DIL_KEPT, params))
    case.warnings.append(Message(MSG_DEED_IN_LIEU))
    return None


_BY_PATH = {"foreclosure": _foreclosure_bars, "short_sale": _short_sale}


def decide_mortgage(rule: StateRule, scenario: Scenario, loan_date: dt.date | None) -> Decision:
    """The decision for a home loan in one state: the first step that decides, else step 4."""
    process, process_notes = process_of(rule, scenario)
    # The foreclosure process is irrelevant to a short sale or deed in lieu.
    notes = process_notes if scenario.path == "foreclosure" else []
    case = Case(rule, scenario, loan_date, process, notes)
    path_step = _BY_PATH.get(scenario.path or "", _deed_in_lieu)
    for step in (_home_equity, _purchase_money, _seller_financed, path_step):
        decided = step(case)
        if decided is not None:
            return decided
    return not_barred(case)


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
