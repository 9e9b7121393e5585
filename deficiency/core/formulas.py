"""The deficiency formulas, written once for a single scenario and for a what-if sweep.

Every function takes integer cents as Python ``int`` or as ``numpy.int64`` arrays (which
broadcast against each other) and returns the same kind. :func:`deficiency.core.engine.evaluate`
calls them with ints; :func:`deficiency.core.engine.sweep` calls them with arrays. There is no
second implementation to drift out of step.
"""

from __future__ import annotations

import numpy as np

from deficiency.core.money import Cents, cents_like

ACTION_CODES: dict[str, int] = {"collect": 0, "forgive": 1, "settle": 2}


def total_owed(balance: Cents, fees: Cents) -> Cents:
    """What the borrower owed before the sale: balance + interest + every fee and cost."""
    return balance + fees


def applied(sale_price: Cents, credits: Cents) -> Cents:
    """What was applied against the debt: gross sale price + insurance/GAP/refund credits."""
    return sale_price + credits


def deficiency_and_surplus(owed: Cents, applied_amount: Cents) -> tuple[Cents, Cents]:
    """Deficiency = max(0, owed − applied); surplus = max(0, applied − owed).

    Exactly one of them is positive (or both are zero), and deficiency − surplus equals
    owed − applied to the cent.
    """
    scalar = np.ndim(owed) == 0 and np.ndim(applied_amount) == 0
    diff = owed - applied_amount
    return (
        cents_like(np.maximum(diff, 0), scalar),
        cents_like(np.maximum(-diff, 0), scalar),
    )


def split_by_action(deficiency: Cents, action_code, settlement: Cents) -> tuple[Cents, Cents]:
    """Split a deficiency into (borrower owes, cancelled) by what the lender does.

    collect: the borrower owes all of it; forgive: all of it is cancelled; settle: the
    borrower pays the settlement and the rest is cancelled. A settlement above the
    deficiency is rejected by validation; here it is clipped so a sweep never goes negative.
    """
    scalar = np.ndim(deficiency) == 0 and np.ndim(action_code) == 0 and np.ndim(settlement) == 0
    paid_in_settlement = np.minimum(settlement, deficiency)
    owes = np.where(
        action_code == ACTION_CODES["collect"],
        deficiency,
        np.where(action_code == ACTION_CODES["settle"], paid_in_settlement, 0),
    )
    cancelled = deficiency - owes
    return cents_like(owes, scalar), cents_like(cancelled, scalar)


def borrower_pays(borrower_owes: Cents, collectible: Cents) -> Cents:
    """What the borrower can actually be made to pay: the lender's ask (``split_by_action``),
    capped by what state law lets the lender collect (a bar makes it 0)."""
    scalar = np.ndim(borrower_owes) == 0 and np.ndim(collectible) == 0
    return cents_like(np.minimum(borrower_owes, collectible), scalar)
