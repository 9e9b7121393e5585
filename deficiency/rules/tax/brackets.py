"""The ordinary income tax of IRC § 1(j)(2) and the long-term capital-gain rates of § 1(h):
exact to the cent, on ints or int64 arrays.

Written once for one scenario (Python ``int``) and for a what-if sweep (``numpy.int64``
arrays): :func:`deficiency.rules.tax.assess` and :func:`deficiency.rules.tax.tax_on_cancelled`
call the same functions.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from deficiency.core.money import Cents, cents_like, div_round_half_up
from deficiency.rules.tax.tables import BASIS_POINTS, GainSchedule, Schedule, load_tables


def _raw_tax(income: Any, schedule: Schedule) -> Any:
    """Σ rate_bp × (income within each bracket): exact, in 1/10,000 of a cent."""
    x = np.maximum(np.asarray(income, dtype=np.int64), 0)
    total = np.zeros(np.shape(x), dtype=np.int64)
    floors, rates = schedule.floors, schedule.rates_bp
    for i, (floor, rate) in enumerate(zip(floors, rates, strict=True)):
        width = floors[i + 1] - floor if i + 1 < len(floors) else None
        span = np.maximum(x - floor, 0)
        if width is not None:
            span = np.minimum(span, width)
        total = total + span * rate
    return total


def tax_on(income_cents: Cents, schedule: Schedule) -> Cents:
    """Tax on ``income_cents`` under one schedule, rounded half up to the cent once.

    Rounding once at the end equals the rate tables' "$X plus R% of the excess over $B"
    because every $X is exact (whole-dollar floors × whole-percent rates).
    """
    scalar = np.ndim(income_cents) == 0
    raw = _raw_tax(income_cents, schedule)
    if scalar:
        return div_round_half_up(int(raw), BASIS_POINTS)
    return div_round_half_up(np.asarray(raw, dtype=np.int64), BASIS_POINTS)


def federal_tax(income_cents: Cents, filing_status: str, year: int) -> Cents:
    """Regular federal income tax on taxable income (cents), exact to the cent.

    IRC § 1(j)(2) tables as indexed by the year's revenue procedure (2024: Rev. Proc.
    2023-34 § 3.01; 2025: Rev. Proc. 2024-40 § 2.01; 2026: Rev. Proc. 2025-32 § 4.01). The
    exact formula is used at every income (the IRS Tax Table's $50 rows below $100,000
    differ from it by a few dollars). Negative income is taxed as 0.
    """
    return tax_on(income_cents, load_tables().schedule(year, filing_status))


def extra_tax(base_income: Cents, added: Cents, filing_status: str, year: int) -> Cents:
    """tax(base + added) − tax(base): the tax that ``added`` income brings, exact."""
    schedule = load_tables().schedule(year, filing_status)
    scalar = np.ndim(base_income) == 0 and np.ndim(added) == 0
    base = np.asarray(base_income, dtype=np.int64) if not scalar else int(base_income)
    more = np.asarray(added, dtype=np.int64) if not scalar else int(added)
    return cents_like(tax_on(base + more, schedule) - tax_on(base, schedule), scalar)


def gain_bands(ordinary_income: Cents, gain: Cents, schedule: GainSchedule) -> tuple[Cents, ...]:
    """The part of a long-term ``gain`` in each band (0%, 15%, 20%), stacked on top of
    ``ordinary_income`` (the Qualified Dividends and Capital Gain Tax Worksheet's order).

    With taxable income TI = ordinary + gain, the part in the band [lo, hi) is
    max(0, min(TI, hi) − max(ordinary, lo)): ordinary income fills the bands first, so a
    gain is taxed at 0% only in the room the ordinary income leaves below the threshold.
    """
    scalar = np.ndim(ordinary_income) == 0 and np.ndim(gain) == 0
    low = np.maximum(np.asarray(ordinary_income, dtype=np.int64), 0)
    top = low + np.maximum(np.asarray(gain, dtype=np.int64), 0)
    floors = schedule.floors
    parts = []
    for i, floor in enumerate(floors):
        ceiling = top if i + 1 == len(floors) else np.minimum(top, floors[i + 1])
        parts.append(cents_like(np.maximum(ceiling - np.maximum(low, floor), 0), scalar))
    return tuple(parts)


def capital_gain_tax(ordinary_income: Cents, gain: Cents, filing_status: str, year: int) -> Cents:
    """Tax on a long-term capital gain above ``ordinary_income`` (IRC § 1(h)(1)): 0%, 15%
    or 20% by band, rounded half up to the cent once. Ints or int64 arrays."""
    schedule = load_tables().gain_schedule(year, filing_status)
    scalar = np.ndim(ordinary_income) == 0 and np.ndim(gain) == 0
    bands = gain_bands(ordinary_income, gain, schedule)
    raw = np.zeros(np.shape(bands[0]), dtype=np.int64)
    for part, rate in zip(bands, schedule.rates_bp, strict=True):
        raw = raw + np.asarray(part, dtype=np.int64) * rate
    if scalar:
        return div_round_half_up(int(raw), BASIS_POINTS)
    return div_round_half_up(np.asarray(raw, dtype=np.int64), BASIS_POINTS)


def marginal_rate_bp(income_cents: Cents, filing_status: str, year: int) -> Cents:
    """The rate (basis points) on the last cent of ``income_cents``; the first rate at 0."""
    schedule = load_tables().schedule(year, filing_status)
    scalar = np.ndim(income_cents) == 0
    index = np.searchsorted(np.asarray(schedule.floors), income_cents, side="left") - 1
    index = np.clip(index, 0, len(schedule.floors) - 1)
    return cents_like(np.asarray(schedule.rates_bp)[index], scalar)


def format_rate(rate_bp: int) -> str:
    """Basis points as the JSON's percent string: 2200 → "22%", 1250 → "12.5%"."""
    whole, frac = divmod(int(rate_bp), 100)
    return f"{whole}%" if not frac else f"{whole}.{frac:02d}".rstrip("0") + "%"
