"""The amount state law leaves collectible: one formula for ints and numpy arrays alike.

Why vectorized: the what-if pages sweep the sale price (and the fair market value) over
hundreds of points; :func:`collectible` applies exactly the rule a single evaluation uses,
so a chart and the Calculator never disagree by a cent.
"""

from __future__ import annotations

from typing import Any, TypeVar

import numpy as np

Cents = TypeVar("Cents", int, np.ndarray)


def _as_result(value: Any, like_scalar: bool) -> Any:
    return int(value) if like_scalar else np.asarray(value, dtype=np.int64)


def collectible(
    barred: Any, fair_value: Any, deficiency: Cents, sale_price: Cents, fmv: Cents
) -> tuple[Cents, Cents]:
    """(collectible deficiency, fair-value credit) in cents, for ints or int64 arrays.

    ``barred`` and ``fair_value`` are booleans (or boolean arrays) decided from the law;
    the amounts come from the engine. The fair-value credit is ``max(0, fmv − sale_price)``
    because every fair-value statute here replaces the sale price by the larger of price
    and value: debt − max(FMV, price) = deficiency − max(0, FMV − price). The credit never
    exceeds the deficiency, a barred deficiency is 0, and the result is never negative.
    """
    arrays = (barred, fair_value, deficiency, sale_price, fmv)
    scalar = all(np.ndim(value) == 0 for value in arrays)
    owed = np.maximum(np.asarray(deficiency, dtype=np.int64), 0)
    gap = np.maximum(np.asarray(fmv, dtype=np.int64) - np.asarray(sale_price, dtype=np.int64), 0)
    credit = np.minimum(np.where(fair_value, gap, 0), owed)
    credit = np.where(barred, 0, credit)
    result = np.where(barred, 0, owed - credit)
    return _as_result(result, scalar), _as_result(credit, scalar)
