"""The amount state law leaves collectible: one formula for ints and numpy arrays alike.

Why vectorized: the what-if pages sweep the sale price (and the fair market value) over
hundreds of points; :func:`collectible` applies exactly the rule a single evaluation uses,
so a chart and the Calculator never disagree by a cent.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from deficiency.core.money import Cents, cents_like


def collectible(
    barred: Any,
    fair_value: Any,
    deficiency: Cents,
    sale_price: Cents,
    fmv: Cents,
    *,
    share: tuple[int, int] = (1, 1),
    value_bar: Any = False,
) -> tuple[Cents, Cents]:
    """(collectible deficiency, fair-value credit) in cents, for ints or int64 arrays.

    ``barred`` and ``fair_value`` are booleans (or boolean arrays) decided from the law;
    the amounts come from the engine. The fair-value credit is ``max(0, fmv − sale_price)``
    because every fair-value statute here replaces the sale price by the larger of price
    and value: debt − max(FMV, price) = deficiency − max(0, FMV − price). ``share`` credits
    only a part of that gap, rounded down to the cent (Connecticut's half after a
    foreclosure by sale). ``value_bar``: a value above the sale price bars the deficiency
    (Georgia's confirmation rule). The credit never exceeds the deficiency, a barred
    deficiency is 0, and the result is never negative.
    """
    arrays = (barred, fair_value, deficiency, sale_price, fmv, value_bar)
    scalar = all(np.ndim(value) == 0 for value in arrays)
    owed = np.maximum(np.asarray(deficiency, dtype=np.int64), 0)
    gap = np.maximum(np.asarray(fmv, dtype=np.int64) - np.asarray(sale_price, dtype=np.int64), 0)
    barred = np.logical_or(barred, np.logical_and(value_bar, gap > 0))
    numerator, denominator = share
    credit = np.minimum(np.where(fair_value, gap * numerator // denominator, 0), owed)
    credit = np.where(barred, 0, credit)
    result = np.where(barred, 0, owed - credit)
    return cents_like(result, scalar), cents_like(credit, scalar)


def barred_by_value(value_bar: bool, sale_price: int, fmv: int | None) -> bool:
    """Whether a value bar (Georgia) bars this deficiency: a known value above the price."""
    return value_bar and fmv is not None and fmv > sale_price
