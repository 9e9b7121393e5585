"""What the tax section returns: the forms to expect (1099-A, 1099-C) and the whole tax
picture."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from deficiency.core.money import cents_str
from deficiency.rules.tables import Source
from deficiency.rules.tax.brackets import format_rate
from deficiency.text.markers import Message

EXCLUSION_KEYS: tuple[str, ...] = ("bankruptcy", "insolvency", "qpri")
#: The information returns a borrower may receive, as :attr:`TaxResult.forms_expected` names them.
FORM_NAMES: tuple[str, ...] = ("1099-A", "1099-C")


@dataclass(frozen=True)
class Form1099C:
    """What the lender's Form 1099-C should show (Instructions for Forms 1099-A and 1099-C)."""

    expected: bool
    box2_cancelled: int
    box5_personally_liable: bool
    box6_code: str | None
    box7_fmv: int


@dataclass(frozen=True)
class Form1099A:
    """What the lender's Form 1099-A should show (Form 1099-A, Instructions for Borrower).

    ``expected``: a Form 1099-A is due for this acquisition (the lender took real property,
    or goods used in a business) and no Form 1099-C filed the same year stands in for it.
    """

    expected: bool
    box1_date: dt.date
    box2_principal: int
    box4_fmv: int
    box5_personally_liable: bool


@dataclass(frozen=True)
class TaxResult:
    """The federal tax picture of one scenario. Amounts in integer cents.

    ``gain`` is negative for a loss and None when the basis is unknown. ``excluded`` maps
    ``bankruptcy``/``insolvency``/``qpri`` to cents. ``steps`` explain the figures in
    order for the Tax page; ``notes`` say what the estimate leaves out (state tax, and
    whatever else applies to this case) and where to get help.

    ``cancelled_debt`` is the debt the borrower is relieved of beyond what the sale paid
    off: forgiven, or extinguished because it cannot be collected. On a nonrecourse loan it
    is not income from cancelled debt (``cod_income`` is 0) but part of the amount realized.
    """

    tax_year: int
    bracket_year: int
    discharge_date: dt.date
    recourse: bool
    recourse_reason: str
    form_1099c_expected: bool
    form_1099c: Form1099C
    #: The forms to expect, in :data:`FORM_NAMES` order ("1099-A", "1099-C"); empty: none.
    forms_expected: tuple[str, ...]
    #: Why these forms (a key of ``explain.FORMS_NOTES``), and the sentence that says so.
    forms_case: str
    forms_note: Message | None
    form_1099a: Form1099A
    debt_relieved: int
    fmv: int
    proceeds: int
    amount_realized: int
    basis: int | None
    gain: int | None
    section121_excluded: int
    taxable_gain: int | None
    #: Owned more than one year: the taxable gain is long-term (0/15/20 %), else ordinary.
    long_term: bool
    cancelled_debt: int
    cod_income: int
    excluded: Mapping[str, int]
    insolvency: int
    taxable_cancelled_debt: int
    estimated_federal_tax: int
    #: The two parts of the estimate: ordinary rates (taxable cancelled debt and a
    #: short-term gain), and the capital-gain rates on a long-term gain.
    tax_on_ordinary_income: int
    tax_on_gain: int
    marginal_rate_bp: int
    form982_lines: tuple[str, ...]
    steps: tuple[Message, ...]
    notes: tuple[Message, ...]
    sources: tuple[Source, ...]

    @property
    def excluded_total(self) -> int:
        return sum(self.excluded.values())

    @property
    def cancelled_reportable(self) -> int:
        """The cancelled debt a lender reports on Form 1099-C: none on a nonrecourse loan,
        whose relieved debt is part of the amount realized (IRS Topic 432)."""
        return self.cancelled_debt if self.recourse else 0

    @property
    def marginal_rate(self) -> str:
        """The rate on the last dollar of taxable income with the cancelled debt: "22%"."""
        return format_rate(self.marginal_rate_bp)

    def as_json(self) -> dict[str, Any]:
        """The tax section of the JSON report: amounts as "1234.56", the rate as "22%"."""
        return {
            "form_1099c_expected": self.form_1099c_expected,
            "forms_expected": list(self.forms_expected),
            "amount_realized": cents_str(self.amount_realized),
            "gain": None if self.gain is None else cents_str(self.gain),
            "taxable_gain": None if self.taxable_gain is None else cents_str(self.taxable_gain),
            "cancelled_debt": cents_str(self.cancelled_debt),
            "cod_income": cents_str(self.cod_income),
            "excluded": {key: cents_str(self.excluded[key]) for key in EXCLUSION_KEYS},
            "taxable_cancelled_debt": cents_str(self.taxable_cancelled_debt),
            "estimated_federal_tax": cents_str(self.estimated_federal_tax),
            "tax_on_gain": cents_str(self.tax_on_gain),
            "marginal_rate": self.marginal_rate,
            "sources": [source.as_json() for source in self.sources],
        }
