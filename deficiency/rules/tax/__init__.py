"""Federal income tax after a short sale, foreclosure, deed in lieu or repossession: the
forms a borrower should expect (Form 1099-A, Form 1099-C, or a 1099-C that stands for both)
and why, the gain or loss on the property with the main-home exclusion of IRC § 121, the
exclusions of IRC § 108 in their legal order, and an estimate of the extra federal tax.

Not tax advice: an estimate that applies the ordinary income tax brackets to the taxable
part of the cancelled debt and to a short-term gain, and the capital-gain rates of § 1(h)
(0%, 15%, 20%) to a long-term gain stacked on top; what it leaves out (state tax, the net
investment income tax, depreciation...) is said next to it. Every rule below is cited next
to it, and every figure that
changes with the law (brackets, thresholds, limits, dates) lives in a data file with its
source (``deficiency/rules/tax/data/tax_*.csv``), loaded and validated on first use, never at
import.

How the publications treat each path (IRS Pub 4681 ch. 2-3, Pub 544 ch. 1):

* **Foreclosure, repossession, voluntary surrender, deed in lieu.** The transfer of the
  property to the lender is a sale or exchange, "even if you voluntarily return the
  property to the lender" (Pub 544); a deed in lieu "is treated as the exchange of
  property to satisfy a debt" (Pub 4681 ch. 3). The Worksheet for Foreclosures and
  Repossessions (Pub 4681 Table 1-1 = Pub 544 Table 1-2) applies:

  - recourse (personally liable): line 1 = debt relieved (debt immediately before the
    transfer less what you still owe after it); line 2 = fair market value; line 3 =
    ordinary income from cancelled debt = line 1 - line 2, not below 0; amount realized =
    the smaller of lines 1 and 2, plus proceeds paid to you (line 5);
  - nonrecourse: no cancellation-of-debt income; the whole debt relieved is the amount
    realized (Treas. Reg. § 1.1001-2(a)(4)(i), Commissioner v. Tufts), so a gain is
    possible even when the property is worth less than the debt.

* **Short sale.** You sell to a third party at arm's length; the amount realized is the
  sale price (the fair market value used is the sale price itself) and the shortfall the
  lender forgives is cancelled debt (recourse) or part of the amount realized
  (nonrecourse). The appraised value still goes in box 7 of Form 1099-C.

* **Lender's action** (from :mod:`deficiency.core.engine`): *collect* cancels nothing;
  *forgive* cancels the whole deficiency; *settle* cancels the deficiency less the
  settlement paid. What you still owe after the transfer reduces line 1 (Pub 4681).

* **Nonrecourse.** A loan the state bars a deficiency on behaves as nonrecourse (the
  state-law module says so through ``nonrecourse``; ``scenario.recourse`` overrides).
  Because the lender cannot collect, the deficiency counts as extinguished even when the
  action is *collect*; only a settlement actually paid is still owed. That relieved debt is
  not income: it is part of the amount realized, and the lender that takes the property
  files Form 1099-A with box 5 unchecked, not Form 1099-C (IRS Topic 432).

Abandonment of property securing recourse debt has no gain or loss until the later
foreclosure (Pub 4681 ch. 3), which this module then treats as above.

Amounts are integer cents. The bracket tax, the exclusions, the gain and the extra tax are
written once, for Python ints and numpy int64 arrays alike: :func:`assess` calls them with ints
and :func:`tax_on_cancelled` (the what-if sweep) with arrays, so the two cannot drift.

The package, in the order of the computation: ``tables`` (the data files, validated),
``brackets`` (the rate schedules), ``insolvency`` (the Pub 4681 worksheet), ``chain`` (the
scenario's facts, then cancelled debt → income → exclusions → taxable part, amount realized
→ gain → § 121 → taxable gain, and the tax on both, vectorized),
``figures`` (one scenario's figures as a record, step by step), ``explain`` (the sentences,
written from that record), ``messages`` (the fixed texts), ``result`` and ``assess``.
"""

from __future__ import annotations

from deficiency.rules.tables import Source
from deficiency.rules.tax.assess import assess
from deficiency.rules.tax.brackets import (
    capital_gain_tax,
    extra_tax,
    federal_tax,
    format_rate,
    gain_bands,
    marginal_rate_bp,
    tax_on,
)
from deficiency.rules.tax.chain import (
    TaxFacts,
    amount_realized,
    cancelled_for_tax,
    cod_income,
    discharge_date,
    estimate_parts,
    qpri_exclusion,
    resolve_recourse,
    split_exclusions,
    split_gain,
    tax_facts,
    tax_on_cancelled,
)
from deficiency.rules.tax.figures import TaxFigures, tax_figures
from deficiency.rules.tax.insolvency import (
    INSOLVENCY_CATEGORIES,
    INSOLVENCY_TITLES,
    INSOLVENCY_TOTAL_LINES,
    WorksheetLine,
    insolvency_amount,
)
from deficiency.rules.tax.messages import (
    BOX6_STEPS,
    EVENT_CODES,
    PROFESSIONAL_NOTE,
    STATE_TAX_NOTE,
)
from deficiency.rules.tax.result import EXCLUSION_KEYS, FORM_NAMES, Form1099A, Form1099C, TaxResult
from deficiency.rules.tax.tables import (
    BASIS_POINTS,
    GainSchedule,
    Schedule,
    TaxDataError,
    TaxTables,
    load_tables,
    parse_tables,
    read_data_texts,
)

__all__ = [
    "BASIS_POINTS",
    "BOX6_STEPS",
    "EVENT_CODES",
    "EXCLUSION_KEYS",
    "FORM_NAMES",
    "INSOLVENCY_CATEGORIES",
    "INSOLVENCY_TITLES",
    "INSOLVENCY_TOTAL_LINES",
    "PROFESSIONAL_NOTE",
    "STATE_TAX_NOTE",
    "Form1099A",
    "Form1099C",
    "GainSchedule",
    "Schedule",
    "Source",
    "TaxDataError",
    "TaxFacts",
    "TaxFigures",
    "TaxResult",
    "TaxTables",
    "WorksheetLine",
    "amount_realized",
    "assess",
    "cancelled_for_tax",
    "capital_gain_tax",
    "cod_income",
    "discharge_date",
    "estimate_parts",
    "extra_tax",
    "federal_tax",
    "format_rate",
    "gain_bands",
    "insolvency_amount",
    "load_tables",
    "marginal_rate_bp",
    "parse_tables",
    "qpri_exclusion",
    "read_data_texts",
    "resolve_recourse",
    "split_exclusions",
    "split_gain",
    "tax_facts",
    "tax_figures",
    "tax_on",
    "tax_on_cancelled",
]
