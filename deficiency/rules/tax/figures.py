"""Every figure of the tax section, as one record built by small pure steps (no prose).

Each step takes the scenario's facts (:class:`~deficiency.rules.tax.chain.TaxFacts`) and
what earlier steps found, and returns its own figures, in the order the law applies them:

1. :func:`cancellation`: what is still owed after the transfer and what is cancelled;
2. :func:`worksheet`: Pub 4681 Table 1-1 (debt relieved, income from cancelled debt,
   amount realized);
3. :func:`gain`: gain or loss on the property and the main-home exclusion of § 121;
4. :func:`form_1099c`: the form the lender should send;
5. :func:`exclusions`: IRC § 108 exclusions in their legal order, and what stays taxable;
6. :func:`estimate`: the extra federal income tax.

:func:`tax_figures` runs them into a :class:`TaxFigures`; :mod:`.explain` writes the
explanation from that record and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from deficiency.core.engine import Result
from deficiency.core.money import to_cents
from deficiency.core.scenario import Scenario
from deficiency.rules.tax.brackets import extra_tax, marginal_rate_bp
from deficiency.rules.tax.chain import (
    TaxFacts,
    cancelled_for_tax,
    cod_income,
    relieved,
    split_exclusions,
)
from deficiency.rules.tax.result import EXCLUSION_KEYS, Form1099C
from deficiency.rules.tax.tables import Schedule

#: Form 982 line of each exclusion, in the order the form lists them.
FORM_982_LINES: tuple[tuple[str, str], ...] = (
    ("bankruptcy", "1a"),
    ("insolvency", "1b"),
    ("qpri", "1e"),
)


@dataclass(frozen=True)
class Cancellation:
    #: What is still owed after the transfer (on a nonrecourse debt: only a settlement).
    owes_after: int
    cancelled: int


@dataclass(frozen=True)
class Worksheet:
    relieved: int  # line 1 (or 4): debt relieved
    proceeds: int  # sale proceeds paid to the borrower
    cod: int  # line 3: ordinary income from cancelled debt (recourse only)
    realized: int  # amount realized


@dataclass(frozen=True)
class Gain:
    basis: int | None
    gain: int | None  # negative for a loss; None without a basis
    sec121_limit: int  # 0 when § 121 does not apply
    sec121: int
    taxable_gain: int | None


@dataclass(frozen=True)
class Exclusions:
    excluded: Mapping[str, int]
    taxable: int
    form982_lines: tuple[str, ...]  # the lines checked, then "2" (empty: none)


@dataclass(frozen=True)
class Estimate:
    schedule: Schedule
    tax: int
    rate_bp: int


@dataclass(frozen=True)
class TaxFigures:
    """Everything the tax section computes for one scenario, in integer cents."""

    scenario: Scenario
    result: Result
    facts: TaxFacts
    cancellation: Cancellation
    worksheet: Worksheet
    gain: Gain
    threshold: int  # the Form 1099-C reporting threshold
    form: Form1099C
    exclusions: Exclusions
    estimate: Estimate


def event_code(scenario: Scenario, recourse: bool) -> str:
    """The identifiable event that usually fits (Treas. Reg. § 1.6050P-1(b)(2)(i)).

    Bankruptcy → A. A settlement, or a short sale or deed in lieu whose approval waives the
    rest → F (agreement at less than full consideration). A deficiency barred by statute
    after the lender chose to foreclose or repossess → D, or B when a court foreclosure
    made it unenforceable. Otherwise the lender's decision to stop collecting → G.
    """
    if scenario.bankruptcy != "none":
        return "A"
    if scenario.action == "settle" or scenario.path in ("short_sale", "deed_in_lieu"):
        return "F"
    if not recourse:
        return "B" if scenario.foreclosure == "judicial" else "D"
    return "G"


def cancellation(scenario: Scenario, result: Result, facts: TaxFacts) -> Cancellation:
    """What stays owed and what is cancelled. A nonrecourse deficiency cannot be collected,
    so only a settlement actually paid is still owed."""
    keeps = facts.recourse or scenario.action == "settle"
    cancelled = cancelled_for_tax(
        result.deficiency, result.borrower_owes, facts.recourse, scenario.action
    )
    return Cancellation(result.borrower_owes if keeps else 0, int(cancelled))


def worksheet(cancelled: int, surplus: int, facts: TaxFacts) -> Worksheet:
    """Pub 4681 Table 1-1 / Pub 544 Table 1-2: recourse, the smaller of lines 1 and 2 plus
    proceeds is realized; nonrecourse, the whole debt relieved plus proceeds."""
    debt = int(relieved(cancelled, facts))
    cod = int(cod_income(cancelled, facts))
    realized = (min(debt, facts.fmv_used) if facts.recourse else debt) + surplus
    return Worksheet(debt, surplus, cod, realized)


def sec121_limit(scenario: Scenario, facts: TaxFacts) -> int:
    """The § 121 limit on the gain excluded from a main home: $500,000 jointly, else $250,000."""
    joint = scenario.filing_status == "married_joint"
    return facts.tables.cents("sec121_limit_joint" if joint else "sec121_limit")


def gain(scenario: Scenario, realized: int, facts: TaxFacts) -> Gain:
    """Amount realized minus adjusted basis; a gain on the main home is excluded up to the
    § 121 limit. Nothing without a basis."""
    if scenario.basis is None:
        return Gain(None, None, 0, 0, None)
    basis = to_cents(scenario.basis)
    amount = realized - basis
    if amount <= 0:
        return Gain(basis, amount, 0, 0, None)
    if not (scenario.loan == "mortgage" and scenario.main_home):
        return Gain(basis, amount, 0, 0, amount)
    limit = sec121_limit(scenario, facts)
    excluded = min(amount, limit)
    return Gain(basis, amount, limit, excluded, amount - excluded)


def form_1099c(scenario: Scenario, cancelled: int, facts: TaxFacts) -> tuple[int, Form1099C]:
    """(threshold, form): expected when the lender cancels at least the threshold, outside
    bankruptcy (Treas. Reg. § 1.6050P-1; Instructions for Forms 1099-A and 1099-C)."""
    threshold = facts.tables.cents("form_1099c_threshold")
    code = event_code(scenario, facts.recourse) if cancelled else None
    expected = cancelled >= threshold and not facts.bankruptcy
    return threshold, Form1099C(expected, cancelled, facts.recourse, code, facts.fmv_box7)


def exclusions(cod: int, facts: TaxFacts) -> Exclusions:
    """IRC § 108(a)(2) order (:func:`~deficiency.rules.tax.chain.split_exclusions`), and the
    Form 982 lines to check."""
    parts = split_exclusions(cod, facts)
    excluded = {key: int(parts[key]) for key in EXCLUSION_KEYS}
    lines = [line for key, line in FORM_982_LINES if excluded[key]] if cod else []
    if lines:
        lines.append("2")
    return Exclusions(MappingProxyType(excluded), int(parts["taxable"]), tuple(lines))


def estimate(taxable: int, facts: TaxFacts) -> Estimate:
    """The extra tax ``taxable`` brings at the year's brackets, and the last dollar's rate."""
    year, status = facts.bracket_year, facts.filing_status
    tax = int(extra_tax(facts.base_income, taxable, status, year))
    rate = int(marginal_rate_bp(facts.base_income + taxable, status, year))
    return Estimate(facts.tables.schedule(year, status), tax, rate)


def tax_figures(scenario: Scenario, result: Result, facts: TaxFacts) -> TaxFigures:
    """Run the steps in the order the law applies them."""
    cancel = cancellation(scenario, result, facts)
    sheet = worksheet(cancel.cancelled, result.surplus, facts)
    threshold, form = form_1099c(scenario, cancel.cancelled, facts)
    excluded = exclusions(sheet.cod, facts)
    return TaxFigures(
        scenario=scenario,
        result=result,
        facts=facts,
        cancellation=cancel,
        worksheet=sheet,
        gain=gain(scenario, sheet.realized, facts),
        threshold=threshold,
        form=form,
        exclusions=excluded,
        estimate=estimate(excluded.taxable, facts),
    )
