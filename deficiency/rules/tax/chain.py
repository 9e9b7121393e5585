"""From the scenario to the tax, step by step: the facts, then cancelled debt → income from
cancelled debt → exclusions → taxable part, and amount realized → gain → § 121 → taxable
gain, then the tax on both, on ints or int64 arrays alike.

:func:`tax_facts` gathers the scalar facts of one scenario (debt, FMV, basis, limits,
dates); every later step is a short pure function of them, written once for a single
scenario (:func:`deficiency.rules.tax.assess`) and for a what-if sweep
(:func:`tax_on_cancelled`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from deficiency.core.engine import amounts_in_cents
from deficiency.core.formulas import deficiency_and_surplus
from deficiency.core.money import Cents, cents_like, to_cents
from deficiency.core.scenario import FEE_KEYS, Scenario
from deficiency.rules.tax.brackets import capital_gain_tax, extra_tax
from deficiency.rules.tax.insolvency import insolvency_amount
from deficiency.rules.tax.tables import TaxTables, load_tables


def qpri_exclusion(cancelled: Cents, loan_before: Cents, qpri_debt: Cents) -> Cents:
    """IRC § 108(h)(4) ordering rule: only the amount discharged above the part of the loan
    that is *not* qualified principal residence indebtedness can be excluded.

    ``loan_before`` is the loan immediately before the discharge; ``qpri_debt`` the part of
    it that qualifies (acquisition debt, capped at the § 108(h)(2) limit). Pub 525 (2025)
    Example 24: loan $900,000 of which $700,000 qualifies, $300,000 cancelled → $100,000.
    """
    scalar = np.ndim(cancelled) == 0
    non_qpri = np.maximum(0, np.asarray(loan_before) - qpri_debt)
    amount = np.minimum(cancelled, np.maximum(np.asarray(cancelled) - non_qpri, 0))
    return cents_like(amount, scalar)


# -- the facts of one scenario -------------------------------------------------------------
@dataclass(frozen=True)
class TaxFacts:
    """The scalar facts of one scenario that every vectorized step shares (cents, dates).

    Built by :func:`tax_facts`; :func:`assess` and :func:`tax_on_cancelled` both start
    from it, so a sweep and a single scenario see the same debt, FMV, limits and dates.
    """

    tables: TaxTables
    discharge_date: dt.date
    tax_year: int
    bracket_year: int
    filing_status: str
    base_income: int
    recourse: bool
    recourse_reason: str
    debt: int  # owed immediately before the transfer: balance + fees − credits
    sale: int
    fmv_used: int
    fmv_box7: int
    bankruptcy: bool
    qpri_eligible: bool
    qpri_in_window: bool
    qpri_limit: int
    non_qpri: int
    insolvency: int
    #: Sale proceeds beyond the debt (the surplus), part of the amount realized.
    surplus: int
    #: Adjusted basis of the property; None when not entered (no gain is figured).
    basis: int | None
    #: Owned more than one year: a gain is long-term (IRC § 1222(3)).
    long_term: bool
    #: A main home under a mortgage: the § 121 exclusion is considered.
    main_home: bool
    #: ... and its conditions hold: owned and used 2 of 5 years, no exclusion in 2 years.
    sec121_qualifies: bool
    sec121_limit: int


def resolve_recourse(scenario: Scenario, nonrecourse: bool | None) -> tuple[bool, str]:
    """(recourse?, why): the user's ``recourse`` key wins, then the state-law result.

    Reasons: ``"user"``, ``"state"`` (the state module decided either way) or ``"default"``
    (nothing known: personal liability is the usual case for a mortgage or car loan).
    """
    if scenario.recourse is not None:
        return scenario.recourse, "user"
    if nonrecourse is not None:
        return not nonrecourse, "state"
    return True, "default"


def discharge_date(scenario: Scenario, today: dt.date | None = None) -> dt.date:
    """``discharge_date``, else ``sale_date``, else today: it fixes the tax year and QPRI."""
    return scenario.discharge_date or scenario.sale_date or today or dt.date.today()


def qpri_eligible(scenario: Scenario) -> bool:
    """QPRI needs a mortgage on the main home (IRC § 108(h)(2), (5)); a home-equity loan
    is not acquisition debt unless used to buy, build or substantially improve the home,
    which we cannot know, so it is left out (and the step says so)."""
    return scenario.loan == "mortgage" and scenario.main_home and not scenario.home_equity


def main_home(scenario: Scenario) -> bool:
    """The property is a main home (§ 121 speaks of a principal residence; the app's
    ``main_home`` is asked for a mortgage only)."""
    return scenario.loan == "mortgage" and scenario.main_home


def sec121_qualifies(scenario: Scenario) -> bool:
    """IRC § 121(a): owned and used as the main home for 2 of the 5 years before the sale;
    § 121(b)(3): no other sale's gain excluded within the 2 years before this one."""
    used = scenario.owned_and_lived_2_of_5
    return main_home(scenario) and used and not scenario.prior_home_exclusion


def fmv_figures(scenario: Scenario, sale: Cents) -> tuple[Cents, Cents]:
    """(box 7 FMV, FMV used on the worksheet) for a sale price (int or int64 array).

    Box 7 is the stated FMV, else the sale price; a short sale is an arm's-length sale, so
    its price is the FMV the worksheet uses.
    """
    box7 = to_cents(scenario.fmv) if scenario.fmv is not None else sale
    used = sale if scenario.path == "short_sale" else box7
    return box7, used


def tax_facts(
    scenario: Scenario, nonrecourse: bool | None = None, today: dt.date | None = None
) -> TaxFacts:
    """Collect the facts of ``scenario`` (see :class:`TaxFacts`)."""
    tables = load_tables()
    day = discharge_date(scenario, today)
    amounts = amounts_in_cents(scenario)
    owed = amounts["balance"] + sum(amounts[key] for key in FEE_KEYS)
    debt = max(0, owed - amounts["credits"])
    sale = amounts["sale_price"]
    fmv_box7, fmv_used = fmv_figures(scenario, sale)
    recourse, reason = resolve_recourse(scenario, nonrecourse)
    first, last = tables.qpri_window()
    in_window = first <= day <= last
    limit_key = "qpri_limit_mfs" if scenario.filing_status == "married_separate" else "qpri_limit"
    # Outside the window the last limit is kept for display (a written arrangement made
    # before 2026 keeps the exclusion, with the post-2020 limit).
    limit_day = min(max(day, first), last)
    limit = tables.cents(limit_key, limit_day)
    eligible = qpri_eligible(scenario)
    joint = scenario.filing_status == "married_joint"
    _deficiency, surplus = deficiency_and_surplus(owed, sale + amounts["credits"])
    return TaxFacts(
        tables=tables,
        discharge_date=day,
        tax_year=day.year,
        bracket_year=tables.bracket_year(day.year),
        filing_status=scenario.filing_status,
        base_income=to_cents(scenario.taxable_income),
        recourse=recourse,
        recourse_reason=reason,
        debt=debt,
        sale=sale,
        fmv_used=fmv_used,
        fmv_box7=fmv_box7,
        bankruptcy=scenario.bankruptcy != "none",
        qpri_eligible=eligible,
        qpri_in_window=in_window,
        qpri_limit=limit,
        # The loan immediately before the discharge is the debt before the sale
        # (Pub 525 Example 24); the qualifying part is capped at the limit.
        non_qpri=max(0, debt - limit),
        insolvency=insolvency_amount(
            to_cents(scenario.total_liabilities)
            if scenario.total_liabilities is not None
            else None,
            to_cents(scenario.total_assets) if scenario.total_assets is not None else None,
        ),
        surplus=surplus,
        basis=None if scenario.basis is None else to_cents(scenario.basis),
        long_term=scenario.held_over_one_year,
        main_home=main_home(scenario),
        sec121_qualifies=sec121_qualifies(scenario),
        # § 121(b)(1), (b)(2)(A): $250,000, or $500,000 on a joint return.
        sec121_limit=tables.cents("sec121_limit_joint" if joint else "sec121_limit"),
    )


# -- the vectorized chain: cancelled → COD income → exclusions → tax ---------------------
def relieved(cancelled: Cents, facts: TaxFacts) -> Cents:
    """Worksheet line 1 (or 4): debt relieved = what the sale paid off + what is cancelled.

    With a deficiency the sale paid off ``sale`` and the debt was larger; with a surplus
    the whole (smaller) debt was paid off. Either way: min(debt, sale) + cancelled.
    """
    return np.minimum(facts.debt, facts.sale) + cancelled


def cod_income(cancelled: Cents, facts: TaxFacts) -> Cents:
    """Ordinary income from cancelled debt, worksheet line 3 (recourse only).

    line 1 − line 2 = debt relieved − FMV, not below 0 (Pub 4681 Table 1-1). With the
    FMV equal to the sale price this is exactly the cancelled amount; an FMV below the
    price the sale credited adds the difference, one above it moves part of the
    cancelled debt into the amount realized. Nonrecourse: always 0 (Pub 544).
    """
    scalar = np.ndim(cancelled) == 0
    if not facts.recourse:
        return cents_like(np.zeros(np.shape(cancelled), dtype=np.int64), scalar)
    return cents_like(np.maximum(relieved(cancelled, facts) - facts.fmv_used, 0), scalar)


def split_exclusions(cod: Cents, facts: TaxFacts) -> dict[str, Cents]:
    """Exclusions in the order of IRC § 108(a)(2), and what stays taxable.

    1. Title 11 (bankruptcy) first, and then nothing else applies (§ 108(a)(2)(A)).
    2. Qualified principal residence indebtedness before insolvency (§ 108(a)(2)(C):
       insolvency does not apply to a discharge QPRI covers unless the taxpayer elects);
       only the amount above the non-qualifying part of the loan (§ 108(h)(4)).
    3. Insolvency, up to the amount insolvent (§ 108(a)(3)), on what remains.
    Farm and real property business debt (§ 108(a)(1)(C), (D)) are not estimated.
    """
    scalar = np.ndim(cod) == 0
    cod_arr = np.asarray(cod, dtype=np.int64)
    zero = np.zeros(np.shape(cod_arr), dtype=np.int64)
    bankruptcy = cod_arr if facts.bankruptcy else zero
    rest = cod_arr - bankruptcy
    qpri = zero
    if facts.qpri_eligible and facts.qpri_in_window:
        qualifying = np.minimum(facts.debt, facts.qpri_limit)
        qpri = np.minimum(rest, qpri_exclusion(cod_arr, facts.debt, qualifying))
    rest = rest - qpri
    insolvency = np.minimum(rest, facts.insolvency)
    taxable = rest - insolvency
    return {
        "bankruptcy": cents_like(bankruptcy, scalar),
        "insolvency": cents_like(insolvency, scalar),
        "qpri": cents_like(qpri, scalar),
        "taxable": cents_like(taxable, scalar),
    }


def amount_realized(cancelled: Cents, facts: TaxFacts, surplus: Cents | None = None) -> Cents:
    """What the property brought (Pub 4681 Table 1-1; Treas. Reg. § 1.1001-2(a)).

    Recourse: the smaller of the debt relieved and the fair market value (line 1 or 2),
    the rest of the debt relieved being income from cancelled debt (§ 1.1001-2(a)(2)).
    Nonrecourse: the whole debt relieved (§ 1.1001-2(a)(4)(i); IRS Topic 432: "the entire
    amount of the nonrecourse debt"). Either way plus the proceeds paid to the borrower
    (``surplus``: the scenario's own unless a sweep passes its own).
    """
    debt = relieved(cancelled, facts)
    part = np.minimum(debt, facts.fmv_used) if facts.recourse else debt
    total = np.asarray(part, dtype=np.int64) + (facts.surplus if surplus is None else surplus)
    return cents_like(total, np.ndim(total) == 0)


def split_gain(realized: Cents, facts: TaxFacts) -> dict[str, Cents]:
    """Gain (negative for a loss) = amount realized − adjusted basis; the § 121 exclusion of
    a qualifying main home, up to its limit; what stays taxable, long- or short-term.

    A loss is never deducted here: on a home or car held for personal use it is not
    deductible (IRC § 165(c)). Without a basis every figure is 0 (nothing is figured).
    """
    scalar = np.ndim(realized) == 0
    value = np.asarray(realized, dtype=np.int64)
    zero = np.zeros(np.shape(value), dtype=np.int64)
    if facts.basis is None:
        parts = {"gain": zero, "sec121": zero, "taxable": zero}
    else:
        gain = value - facts.basis
        positive = np.maximum(gain, 0)
        sec121 = np.minimum(positive, facts.sec121_limit) if facts.sec121_qualifies else zero
        parts = {"gain": gain, "sec121": sec121, "taxable": positive - sec121}
    taxable = parts["taxable"]
    parts["long_term"] = taxable if facts.long_term else zero
    parts["short_term"] = zero if facts.long_term else taxable
    return {key: cents_like(value, scalar) for key, value in parts.items()}


def estimate_parts(taxable_cod: Cents, gain: dict[str, Cents], facts: TaxFacts) -> dict[str, Cents]:
    """The extra federal income tax, in two parts that add up exactly.

    ``ordinary``: the taxable cancelled debt plus a short-term gain, at the ordinary rates
    over the taxable income entered; ``gain``: a long-term gain stacked on top of both, at
    0%, 15% or 20% (IRC § 1(h)(1)); ``total``: their sum.
    """
    added = np.asarray(taxable_cod, dtype=np.int64) + gain["short_term"]
    scalar = np.ndim(added) == 0 and np.ndim(gain["long_term"]) == 0
    base = facts.base_income
    status, year = facts.filing_status, facts.bracket_year
    ordinary = extra_tax(np.full(np.shape(added), base, dtype=np.int64), added, status, year)
    on_gain = capital_gain_tax(base + added, gain["long_term"], status, year)
    total = np.asarray(ordinary, dtype=np.int64) + on_gain
    return {
        "added": cents_like(added, scalar),
        "ordinary": cents_like(ordinary, scalar),
        "gain": cents_like(on_gain, scalar),
        "total": cents_like(total, scalar),
    }


def cancelled_for_tax(
    deficiency: Cents, borrower_owes: Cents, recourse: bool, action: str
) -> Cents:
    """The debt the tax rules treat as cancelled, for one scenario or a sweep.

    What the lender forgives is cancelled; and a nonrecourse deficiency (one the lender
    cannot collect, e.g. barred by state law) is extinguished unless the borrower settles
    it, so all of it counts as relieved (Pub 4681: the whole debt is amount realized).
    """
    keeps = recourse or action == "settle"
    owes_after = borrower_owes if keeps else np.zeros_like(borrower_owes)
    cancelled = np.maximum(np.asarray(deficiency) - owes_after, 0)
    if np.ndim(cancelled) == 0:
        return int(cancelled)
    return cancelled.astype(np.int64)


def tax_on_cancelled(
    cancelled_cents: Cents | Sequence[int],
    scenario: Scenario,
    nonrecourse: bool | None = None,
    *,
    today: dt.date | None = None,
    sale_price: Cents | None = None,
    debt: Cents | None = None,
    surplus: Cents | None = None,
) -> np.ndarray:
    """Estimated extra federal tax (int64 cents) for each cancelled amount, all else fixed:
    on the taxable cancelled debt and on the taxable gain on the property.

    ``sale_price`` (int64 cents, broadcastable) sweeps the sale too: it moves the debt
    the sale paid off and, without a stated FMV, the FMV on the worksheet. ``debt``
    (balance + fees − credits, per point) sweeps what was owed, for fee or balance axes;
    ``surplus`` (the engine's, per point) the proceeds beyond the debt: a sweep of the
    sale or the debt must pass it too (the engine's sweep returns it), or this raises.

    The what-if sweep's tax line: the same :func:`cod_income`, :func:`split_exclusions`,
    :func:`amount_realized`, :func:`split_gain` and :func:`estimate_parts` that
    :func:`assess` runs, over an array of cancelled amounts.
    """
    if surplus is None and (sale_price is not None or debt is not None):
        raise ValueError("a sweep of the sale or the debt must pass the engine's surplus too")
    facts = tax_facts(scenario, nonrecourse, today)
    if sale_price is not None:
        sale = np.asarray(sale_price, dtype=np.int64)
        box7, used = fmv_figures(scenario, sale)
        facts = dataclasses.replace(facts, sale=sale, fmv_used=used, fmv_box7=box7)
    if debt is not None:
        owed = np.asarray(debt, dtype=np.int64)
        facts = dataclasses.replace(
            facts, debt=owed, non_qpri=np.maximum(0, owed - facts.qpri_limit)
        )
    cancelled = np.asarray(cancelled_cents, dtype=np.int64)
    taxable = np.asarray(split_exclusions(cod_income(cancelled, facts), facts)["taxable"])
    proceeds = None if surplus is None else np.asarray(surplus, dtype=np.int64)
    realized = np.asarray(amount_realized(cancelled, facts, proceeds), dtype=np.int64)
    gain = split_gain(realized, facts)
    tax = estimate_parts(taxable, gain, facts)["total"]
    return np.broadcast_to(np.asarray(tax, dtype=np.int64), np.shape(cancelled)).copy()
