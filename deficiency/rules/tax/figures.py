"""Every figure of the tax section, as one record built by small pure steps (no prose).

Each step takes the scenario's facts (:class:`~deficiency.rules.tax.chain.TaxFacts`) and
what earlier steps found, and returns its own figures, in the order the law applies them:

1. :func:`cancellation`: what is still owed after the transfer and what is cancelled;
2. :func:`worksheet`: Pub 4681 Table 1-1 (debt relieved, income from cancelled debt,
   amount realized);
3. :func:`gain`: gain or loss on the property, the main-home exclusion of § 121 with its
   conditions, and whether what stays taxable is long- or short-term;
4. :func:`forms`: the forms the lender should send (1099-A, 1099-C, or a 1099-C that
   stands for both) and why;
5. :func:`exclusions`: IRC § 108 exclusions in their legal order, and what stays taxable;
6. :func:`estimate`: the extra federal income tax, on the ordinary income and on a
   long-term gain.

:func:`tax_figures` runs them into a :class:`TaxFigures`; :mod:`.explain` writes the
explanation from that record and nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from deficiency.core.engine import Result
from deficiency.core.money import to_cents
from deficiency.core.scenario import Scenario
from deficiency.rules.tax.brackets import gain_bands, marginal_rate_bp
from deficiency.rules.tax.chain import (
    TaxFacts,
    amount_realized,
    cancelled_for_tax,
    cod_income,
    estimate_parts,
    relieved,
    split_exclusions,
    split_gain,
)
from deficiency.rules.tax.result import EXCLUSION_KEYS, Form1099A, Form1099C
from deficiency.rules.tax.tables import GainSchedule, Schedule

#: Form 982 line of each exclusion, in the order the form lists them.
FORM_982_LINES: tuple[tuple[str, str], ...] = (
    ("bankruptcy", "1a"),
    ("insolvency", "1b"),
    ("qpri", "1e"),
)
#: Paths on which the lender (or a buyer at its sale) takes the property: Form 1099-A
#: territory. A short sale is the borrower's own sale to a third party.
ACQUISITION_PATHS: tuple[str, ...] = (
    "foreclosure",
    "deed_in_lieu",
    "repossession",
    "voluntary_surrender",
)

#: Why these forms: the cases :func:`forms` tells apart (``explain`` has a sentence each).
FORMS_CASES: tuple[str, ...] = (
    "nonrecourse_1099a",  # nonrecourse, real property taken: 1099-A, box 5 unchecked, no 1099-C
    "nonrecourse_no_form",  # nonrecourse, a short sale or goods: no form is due
    "combined",  # recourse: 1099-C, the same year as the taking, may stand for the 1099-A
    "separate",  # recourse: 1099-A for the taking's year, 1099-C for a later cancellation
    "1099a_only",  # recourse, property taken, no 1099-C due (nothing or too little cancelled)
    "1099c_only",  # recourse short sale or goods, at least the threshold cancelled
    "none",  # nothing to report
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
    sec121_limit: int  # 0 when § 121 does not apply (no gain, not a qualifying main home)
    sec121: int
    taxable_gain: int | None  # None without a positive gain
    long_term: bool  # held more than one year (IRC § 1222(3))
    long_term_gain: int  # the taxable gain at capital-gain rates
    short_term_gain: int  # the taxable gain at ordinary rates


@dataclass(frozen=True)
class Forms:
    """The information returns to expect and why (Instructions for Forms 1099-A and 1099-C;
    Form 1099-A, Instructions for Borrower; IRS Topic 432)."""

    case: str  # one of FORMS_CASES
    expected: tuple[str, ...]  # "1099-A", "1099-C", in that order
    acquired: bool  # the lender took the property (not a short sale)
    real_property: bool  # Form 1099-A covers it (goods only if used in a business)
    acquired_on: dt.date  # box 1 of Form 1099-A: the sale date, else the discharge date
    same_year: bool  # the cancellation falls in the year of the taking
    form_1099a: Form1099A
    form_1099c: Form1099C


@dataclass(frozen=True)
class Exclusions:
    excluded: Mapping[str, int]
    taxable: int
    form982_lines: tuple[str, ...]  # the lines checked, then "2" (empty: none)


@dataclass(frozen=True)
class Estimate:
    schedule: Schedule
    gain_schedule: GainSchedule
    ordinary_added: int  # taxable cancelled debt + a short-term gain
    ordinary_tax: int
    gain_bands: tuple[int, ...]  # the long-term gain in the 0%, 15% and 20% bands
    gain_tax: int
    tax: int  # ordinary_tax + gain_tax
    rate_bp: int  # the ordinary rate on the last dollar


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
    forms: Forms
    exclusions: Exclusions
    estimate: Estimate

    @property
    def form(self) -> Form1099C:
        return self.forms.form_1099c


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
    return Worksheet(debt, surplus, cod, int(amount_realized(cancelled, facts, surplus)))


def gain(realized: int, facts: TaxFacts) -> Gain:
    """Amount realized minus adjusted basis (:func:`~deficiency.rules.tax.chain.split_gain`):
    a main home that meets the § 121 conditions excludes a gain up to the limit; what stays
    taxable is long-term or short-term by the holding period. Nothing without a basis."""
    if facts.basis is None:
        return Gain(None, None, 0, 0, None, facts.long_term, 0, 0)
    parts = {key: int(value) for key, value in split_gain(realized, facts).items()}
    amount = parts["gain"]
    if amount <= 0:
        return Gain(facts.basis, amount, 0, 0, None, facts.long_term, 0, 0)
    limit = facts.sec121_limit if facts.sec121_qualifies else 0
    return Gain(
        facts.basis,
        amount,
        limit,
        parts["sec121"],
        parts["taxable"],
        facts.long_term,
        parts["long_term"],
        parts["short_term"],
    )


def form_1099c(scenario: Scenario, cancelled: int, facts: TaxFacts) -> Form1099C:
    """What a Form 1099-C would show, and whether one is due: a lender cancels at least
    the threshold of a debt the borrower was personally liable for, outside bankruptcy
    (Treas. Reg. § 1.6050P-1(a), (d)(1)). A nonrecourse debt relieved by the sale is part
    of the amount realized, not a cancellation (IRS Topic 432), so none is due; the boxes
    are still filled for a lender that sends one anyway."""
    threshold = facts.tables.cents("form_1099c_threshold")
    code = event_code(scenario, facts.recourse) if cancelled else None
    due = facts.recourse and cancelled >= threshold and not facts.bankruptcy
    return Form1099C(due, cancelled, facts.recourse, code, facts.fmv_box7)


def _forms_case(recourse: bool, files_a: bool, due_c: bool, same_year: bool) -> str:
    if not recourse:
        return "nonrecourse_1099a" if files_a else "nonrecourse_no_form"
    if files_a and due_c:
        return "combined" if same_year else "separate"
    if files_a:
        return "1099a_only"
    return "1099c_only" if due_c else "none"


def forms(scenario: Scenario, cancelled: int, facts: TaxFacts) -> tuple[int, Forms]:
    """(threshold, forms): which information returns to expect, and why.

    Form 1099-A when the lender acquires an interest in the property in satisfaction of the
    debt, or a third party buys at its foreclosure sale (then an abandonment known on the
    sale date); it covers real property, and goods only when held for investment or used in
    a business, which this tool assumes they were not (Instructions for Forms 1099-A and
    1099-C; Form 1099-A, Instructions for Borrower). Form 1099-C as :func:`form_1099c`
    says. When both are due in the same calendar year the lender may file the Form 1099-C
    alone, boxes 4, 5 and 7 completed ("Coordination With Form 1099-C").
    """
    threshold = facts.tables.cents("form_1099c_threshold")
    c_form = form_1099c(scenario, cancelled, facts)
    acquired = scenario.path in ACQUISITION_PATHS
    real_property = scenario.loan == "mortgage"
    files_a = acquired and real_property
    acquired_on = scenario.sale_date or facts.discharge_date
    same_year = acquired_on.year == facts.discharge_date.year
    case = _forms_case(facts.recourse, files_a, c_form.expected, same_year)
    expected = tuple(
        name
        for name, due in (
            ("1099-A", files_a and case != "combined"),
            ("1099-C", c_form.expected),
        )
        if due
    )
    a_form = Form1099A(
        expected="1099-A" in expected,
        box1_date=acquired_on,
        box2_principal=to_cents(scenario.balance),
        box4_fmv=facts.fmv_box7,
        box5_personally_liable=facts.recourse,
    )
    return threshold, Forms(
        case, expected, acquired, real_property, acquired_on, same_year, a_form, c_form
    )


def exclusions(cod: int, facts: TaxFacts) -> Exclusions:
    """IRC § 108(a)(2) order (:func:`~deficiency.rules.tax.chain.split_exclusions`), and the
    Form 982 lines to check."""
    parts = split_exclusions(cod, facts)
    excluded = {key: int(parts[key]) for key in EXCLUSION_KEYS}
    lines = [line for key, line in FORM_982_LINES if excluded[key]] if cod else []
    if lines:
        lines.append("2")
    return Exclusions(MappingProxyType(excluded), int(parts["taxable"]), tuple(lines))


def estimate(taxable: int, gain: Gain, facts: TaxFacts) -> Estimate:
    """The extra tax at the year's rates (:func:`~deficiency.rules.tax.chain.estimate_parts`):
    the taxable cancelled debt and a short-term gain at the ordinary rates, a long-term gain
    stacked on top at 0%, 15% or 20%; and the ordinary rate on the last dollar."""
    year, status = facts.bracket_year, facts.filing_status
    parts = {"long_term": gain.long_term_gain, "short_term": gain.short_term_gain}
    tax = {key: int(value) for key, value in estimate_parts(taxable, parts, facts).items()}
    schedule = facts.tables.gain_schedule(year, status)
    bands = gain_bands(facts.base_income + tax["added"], gain.long_term_gain, schedule)
    rate = int(marginal_rate_bp(facts.base_income + tax["added"], status, year))
    return Estimate(
        schedule=facts.tables.schedule(year, status),
        gain_schedule=schedule,
        ordinary_added=tax["added"],
        ordinary_tax=tax["ordinary"],
        gain_bands=tuple(int(part) for part in bands),
        gain_tax=tax["gain"],
        tax=tax["total"],
        rate_bp=rate,
    )


def tax_figures(scenario: Scenario, result: Result, facts: TaxFacts) -> TaxFigures:
    """Run the steps in the order the law applies them."""
    cancel = cancellation(scenario, result, facts)
    sheet = worksheet(cancel.cancelled, result.surplus, facts)
    sale_gain = gain(sheet.realized, facts)
    threshold, expected = forms(scenario, cancel.cancelled, facts)
    excluded = exclusions(sheet.cod, facts)
    return TaxFigures(
        scenario=scenario,
        result=result,
        facts=facts,
        cancellation=cancel,
        worksheet=sheet,
        gain=sale_gain,
        threshold=threshold,
        forms=expected,
        exclusions=excluded,
        estimate=estimate(excluded.taxable, sale_gain, facts),
    )
