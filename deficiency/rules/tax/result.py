"""What the tax section returns: the expected Form 1099-C and the whole tax picture."""

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


@dataclass(frozen=True)
class Form1099C:
    """What the lender's Form 1099-C should show (Instructions for Forms 1099-A and 1099-C)."""

    expected: bool
    box2_cancelled: int
    box5_personally_liable: bool
    box6_code: str | None
    box7_fmv: int


@dataclass(frozen=True)
class TaxResult:
    """The federal tax picture of one scenario. Amounts in integer cents.

    ``gain`` is negative for a loss and None when the basis is unknown. ``excluded`` maps
    ``bankruptcy``/``insolvency``/``qpri`` to cents. ``steps`` explain the figures in
    order for the Tax page; ``notes`` hold the state-tax and professional-help notes.
    """

    tax_year: int
    bracket_year: int
    discharge_date: dt.date
    recourse: bool
    recourse_reason: str
    form_1099c_expected: bool
    form_1099c: Form1099C
    debt_relieved: int
    fmv: int
    proceeds: int
    amount_realized: int
    basis: int | None
    gain: int | None
    section121_excluded: int
    taxable_gain: int | None
    cancelled_debt: int
    cod_income: int
    excluded: Mapping[str, int]
    insolvency: int
    taxable_cancelled_debt: int
    estimated_federal_tax: int
    marginal_rate_bp: int
    form982_lines: tuple[str, ...]
    steps: tuple[Message, ...]
    notes: tuple[Message, ...]
    sources: tuple[Source, ...]

    @property
    def excluded_total(self) -> int:
        return sum(self.excluded.values())

    @property
    def marginal_rate(self) -> str:
        """The rate on the last dollar of taxable income with the cancelled debt: "22%"."""
        return format_rate(self.marginal_rate_bp)

    def as_json(self) -> dict[str, Any]:
        """The tax section of the JSON report: amounts as "1234.56", the rate as "22%"."""
        return {
            "form_1099c_expected": self.form_1099c_expected,
            "amount_realized": cents_str(self.amount_realized),
            "gain": None if self.gain is None else cents_str(self.gain),
            "cancelled_debt": cents_str(self.cancelled_debt),
            "cod_income": cents_str(self.cod_income),
            "excluded": {key: cents_str(self.excluded[key]) for key in EXCLUSION_KEYS},
            "taxable_cancelled_debt": cents_str(self.taxable_cancelled_debt),
            "estimated_federal_tax": cents_str(self.estimated_federal_tax),
            "marginal_rate": self.marginal_rate,
            "sources": [source.as_json() for source in self.sources],
        }
