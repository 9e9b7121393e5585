"""The whole chain for one scenario: deficiency → state law → tax → credit report.

This is what makes the product worth using, so it lives in one place: the app, the JSON
command line, the handout and the tests all call :func:`analyze` and read the same
figures. The state-law result feeds the other two: a deficiency the state bars behaves
as nonrecourse for tax (Pub 4681) and must not show as owed on the credit report.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from deficiency.core import formulas
from deficiency.core.engine import Result, evaluate_lenient
from deficiency.core.scenario import FieldIssue, Scenario
from deficiency.rules import credit, state_law, tax
from deficiency.text.markers import N_, Message


@dataclass(frozen=True)
class Analysis:
    """Every section computed for one scenario (amounts in integer cents)."""

    scenario: Scenario
    result: Result
    issues: tuple[FieldIssue, ...]
    state: state_law.StateLawResult
    tax: tax.TaxResult
    credit: credit.CreditResult

    @property
    def owes(self) -> int:
        """What the borrower can actually be made to pay on the deficiency.

        The lender's action decides the paper amount (``result.borrower_owes``); state law
        caps it (a barred deficiency is owed by no one, a fair-value credit reduces it).
        """
        return formulas.borrower_pays(self.result.borrower_owes, self.state.collectible_cents)

    @property
    def cancelled(self) -> int:
        """The debt the borrower is relieved of: forgiven by the lender, or extinguished
        because state law bars it (the tax section's figure, Pub 4681). On a nonrecourse
        loan it is not income: the tax section counts it in the amount realized and names
        Form 1099-A, not Form 1099-C (issue 15), under the same figure.

        One figure for every place that says "cancelled": the headline once showed the
        lender's write-off ($0 when a barred deficiency is "pursued") beside a tax section
        and a 1099-C sentence counting $50,000 (issue 13).
        """
        return self.tax.cancelled_debt

    @property
    def lender_action_note(self) -> Message | None:
        """How the lender's own choice sits beside what state law allows it to collect.

        The state-law figure ("collectible deficiency") answers "could a lender pursue
        this?"; when the lender forgives or settles, what the borrower owes is less, and
        the two figures side by side read as a contradiction unless this is said.
        """
        action = self.scenario.action
        collectible = self.state.collectible_cents
        if action == "collect" or not self.result.deficiency or not collectible:
            return None
        if action == "forgive":
            return Message(
                N_(
                    "Your lender forgives the deficiency, so you owe nothing on it. The "
                    "collectible amount ({collectible}) is only what your state's law would "
                    "have let a lender pursue."
                ),
                money={"collectible": collectible},
            )
        return Message(
            N_(
                "You settle for {owes}; the rest is forgiven. The collectible amount "
                "({collectible}) is only what your state's law would have let a lender pursue."
            ),
            money={"owes": self.owes, "collectible": collectible},
        )


def credit_rules_as_of(found: Analysis) -> dt.date:
    """When the rules the Credit page shows were last checked: one date for the page.

    Why one date, and why this one: the page shows the credit rules the result cites (each
    source carries the day it was checked) and, once a state is chosen, the state's rule
    that decides whether the deficiency is barred. Their newest check date is the "Rules
    as of" date; the reference day of the timeline (``today``) is not a check date at all.
    """
    dates = [found.credit.rules_checked]
    if found.scenario.state is not None:
        dates.append(state_law.rules_as_of(found.scenario))
    known = [day for day in dates if day is not None]
    return max(known) if known else state_law.rules_as_of(found.scenario)


def analyze(scenario: Scenario, today: dt.date | None = None) -> Analysis:
    """Run the chain. A settlement above the deficiency is capped and reported, not fatal."""
    today = today or dt.date.today()
    result, issues = evaluate_lenient(scenario)
    law = state_law.assess(scenario, result, as_of=today)
    # Nonrecourse is a property of the loan under the state's rule, deficiency or not
    # (assess() reports "barred" only when there is a deficiency to bar); the what-if
    # sweep uses the same decision.
    decision = state_law.decide(scenario)
    owes = state_law.owed_for_tax(decision, result.borrower_owes, law.collectible_cents)
    taxes = tax.assess(
        result.scenario,
        dataclasses.replace(result, borrower_owes=owes),
        nonrecourse=decision.nonrecourse,
        today=today,
    )
    report = credit.assess(
        result.scenario,
        result,
        # A deficiency presumed zero because the lender broke the sale rules (UCC 9-626) is
        # not a debt the law extinguished: the credit section must not say it was, nor cite
        # the anti-deficiency reporting cases.
        barred=law.barred and not decision.lender_failure,
        today=today,
        current_before_sale=scenario.current_before_sale,
        charged_off_on=scenario.charge_off_date,
        settled_on=scenario.settlement_date,
    )
    return Analysis(scenario, result, tuple(issues), law, taxes, report)
