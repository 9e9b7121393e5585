"""The cost of waiting: how a deficiency grows month by month, and the dates that run out.

Why this module exists: a borrower who waits (for a sale that drags on, for a lender that
has not decided, for a car that sits at the auction lot) usually pays for the wait.
Interest keeps accruing on the unpaid balance, a repossessed vehicle runs up storage fees
by the day, and servicers add monthly charges (inspections, advances). Showing the
deficiency month by month makes "act now or wait" a number instead of a guess.

Conventions (they decide every cent, so they are stated once here):

* **Rate.** The note rate is an annual percent with up to 3 decimals (6.875 percent).
  Three decimals of a percent are tenths of a basis point, which integer basis points
  cannot hold, so the rate is kept as an integer count of *thousandths of a percent*
  (6.875 percent → ``6875``; :data:`RATE_SCALE` units per percent). Parse it with
  :func:`parse_rate`.
* **Interest.** Simple interest on the unpaid principal (``scenario.balance``): each month
  adds ``balance × rate / 12``, rounded half-up to the cent once per month
  (:func:`deficiency.core.money.div_round_half_up`). Interest is never charged on interest or
  fees, so every month adds the same rounded amount.
* **Months.** 30-day months (the 30/360 day count of most mortgage notes), so storage
  per month is ``30 × storage per day``.
* **Schedule.** Month 0 is now (nothing added yet); each figure is cumulative from month 0.
  The deficiency runs through the engine's own formulas
  (:func:`deficiency.core.formulas.deficiency_and_surplus`), so month 0 equals the evaluated
  deficiency to the cent and a surplus is used up before any deficiency appears.

Everything is vectorized over months with numpy int64 and exact (integer cents).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, NamedTuple

import numpy as np

from deficiency.core import formulas
from deficiency.core.analysis import Analysis
from deficiency.core.engine import amounts_in_cents
from deficiency.core.money import div_round_half_up, parse_decimal
from deficiency.core.scenario import FEE_KEYS, Scenario
from deficiency.rules import credit, state_law
from deficiency.text.markers import N_, Message

#: Rate units per percent: the rate is an integer count of thousandths of a percent.
RATE_SCALE = 1000
MAX_RATE = 100 * RATE_SCALE  # 100 percent a year: anything above is a typing error
MONTHS_PER_YEAR = 12
DAYS_PER_MONTH = 30
MAX_MONTHS = 600  # 50 years of waiting is more than any schedule needs
#: The What if page's "cost of waiting" inputs: (low, high, start, step). Months: up to three
#: years of waiting; storage per day in dollars (a vehicle's lot fee); fees added each month
#: in dollars. Ranges for exploring, not rules: the schedule itself accepts any amount.
WAIT_MONTHS = (1, 36, 12, 1)
WAIT_STORAGE_PER_DAY = (0.0, 1000.0, 0.0, 5.0)
WAIT_MONTHLY_FEES = (0.0, 100000.0, 0.0, 25.0)
#: One month of interest = balance × rate / RATE_DIVISOR (rate in thousandths of a percent).
RATE_DIVISOR = 100 * RATE_SCALE * MONTHS_PER_YEAR

# -- message ids ------------------------------------------------------------------------------
LABEL_LENDER_DEADLINE = N_("Lender's deadline to seek the deficiency ({citation})")
LABEL_DISPUTE_ANSWER = N_("Credit bureau must finish investigating your dispute ({citation})")
LABEL_REMOVAL = N_("The account leaves your credit reports")
NOTE_DISPUTE_WINDOW = N_(
    "If you dispute the account with a credit bureau, it has {days} days from receiving "
    "the dispute to investigate ({citation}); enter the dispute date to see the day."
)
MSG_DELAY_PER_MONTH = N_(
    "Each month of waiting adds about {total}: {interest} interest, {storage} storage and "
    "{fees} fees."
)


class RateError(ValueError):
    """A note rate that is not a percent from 0 to 100 with at most 3 decimals."""


def parse_rate(value: Any) -> int:
    """An annual percent (``"6.875"``, ``Decimal``, int) as integer thousandths of a percent.

    Rejects bools, floats (binary floats cannot hold 6.875 exactly enough to be trusted
    with more digits), negatives, more than 3 decimals and anything above 100 percent.
    """
    if isinstance(value, (bool, float)):
        raise RateError("enter the rate as text or Decimal, e.g. '6.875'")
    try:
        number = value if isinstance(value, Decimal) else parse_decimal(str(value))
    except ValueError:
        raise RateError("not a number") from None
    if not number.is_finite() or number < 0:
        raise RateError("the rate must be a percent from 0 to 100")
    units = number * RATE_SCALE
    if units != units.to_integral_value():
        raise RateError("at most 3 decimals")
    if units > MAX_RATE:
        raise RateError("the rate must be a percent from 0 to 100")
    return int(units)


def rate_text(rate: int) -> str:
    """Thousandths of a percent back to a plain percent string: ``6875`` → ``"6.875"``."""
    text = f"{Decimal(rate) / RATE_SCALE:.3f}".rstrip("0").rstrip(".")
    return text or "0"


def monthly_interest(balance: Any, rate: Any) -> Any:
    """One month of simple interest in cents, rounded half-up: ints or int64 arrays."""
    numer = np.asarray(balance, dtype=np.int64) * np.asarray(rate, dtype=np.int64)
    if np.ndim(numer) == 0:
        return div_round_half_up(int(numer), RATE_DIVISOR)
    return div_round_half_up(numer, RATE_DIVISOR)


def delay_schedule(
    scenario: Scenario,
    months: int,
    rate: int,
    storage_per_day_cents: int,
    monthly_fees_cents: int,
) -> dict[str, np.ndarray]:
    """The deficiency after each month of waiting, 0 to ``months`` (int64 arrays of cents).

    ``rate``: thousandths of a percent (:func:`parse_rate`). ``storage_per_day_cents``:
    the lot's daily storage for a repossessed vehicle (0 for a home). ``monthly_fees_cents``:
    charges the servicer adds each month. Keys: ``month``, ``interest``, ``storage``,
    ``fees`` (each cumulative since month 0) and ``deficiency``.
    """
    if not 0 <= months <= MAX_MONTHS:
        raise ValueError(f"months must be 0..{MAX_MONTHS}")
    if not 0 <= rate <= MAX_RATE:
        raise ValueError("rate must be 0..100 percent (in thousandths of a percent)")
    if storage_per_day_cents < 0 or monthly_fees_cents < 0:
        raise ValueError("storage and fees cannot be negative")
    amounts = amounts_in_cents(scenario)
    month = np.arange(months + 1, dtype=np.int64)
    interest = month * monthly_interest(amounts["balance"], rate)
    storage = month * (DAYS_PER_MONTH * int(storage_per_day_cents))
    fees = month * int(monthly_fees_cents)
    fee_total = sum((amounts[key] for key in FEE_KEYS), 0)
    owed = formulas.total_owed(amounts["balance"], fee_total + interest + storage + fees)
    applied = formulas.applied(amounts["sale_price"], amounts["credits"])
    deficiency, _surplus = formulas.deficiency_and_surplus(owed, applied)
    return {
        "month": month,
        "interest": interest.astype(np.int64),
        "storage": storage.astype(np.int64),
        "fees": fees.astype(np.int64),
        "deficiency": np.asarray(deficiency, dtype=np.int64),
    }


def per_month_message(
    scenario: Scenario, rate: int, storage_per_day_cents: int, monthly_fees_cents: int
) -> Message:
    """What one more month adds, itemized (for the sentence above the chart)."""
    interest = int(monthly_interest(amounts_in_cents(scenario)["balance"], rate))
    storage = DAYS_PER_MONTH * int(storage_per_day_cents)
    fees = int(monthly_fees_cents)
    return Message(
        MSG_DELAY_PER_MONTH,
        money={
            "total": interest + storage + fees,
            "interest": interest,
            "storage": storage,
            "fees": fees,
        },
    )


# -- countdowns -------------------------------------------------------------------------------
class Countdown(NamedTuple):
    """A date that runs out: what it is, the day, and days left (negative once passed)."""

    label: Message
    date: dt.date
    days_left: int


def _deadline_citation(analysis: Analysis) -> str:
    """The citation of the state-law deadline (carried by its warning message)."""
    for warning in analysis.state.warnings:
        if warning.msgid in state_law.DEADLINE_MESSAGES:
            return str(warning.params.get("citation", ""))
    return ""


def _lender_deadline(analysis: Analysis) -> dt.date | None:
    """The lender's deadline to seek the deficiency, only while someone can be made to pay.

    Why: a deadline for a suit is a countdown only when the facts leave a suit possible.
    When the lender forgives the deficiency, or state law leaves nothing to collect, the
    date is not a clock running against the reader, so it is not shown as one.
    """
    return analysis.state.deadline if analysis.owes > 0 else None


def _dispute_period() -> tuple[int, str]:
    """(days, citation) of the bureau's reinvestigation period, from the credit data."""
    row = credit.load_tables().periods["dispute_reinvestigation"]
    return row.days, row.citation


def countdowns(
    analysis: Analysis, today: dt.date, dispute_date: dt.date | None = None
) -> list[Countdown]:
    """The dates that run out for this scenario, earliest first.

    * the lender's deadline to seek the deficiency (the state-law result), when known and
      something can still be collected from the reader (:func:`_lender_deadline`);
    * the credit bureau's 30-day investigation of a dispute sent on ``dispute_date``
      (proposed scenario key ``dispute_date``; without it see :func:`countdown_notes`);
    * the day the account leaves the credit reports.
    """
    out: list[Countdown] = []

    def add(label: Message, day: dt.date | None) -> None:
        if day is not None:
            out.append(Countdown(label, day, (day - today).days))

    add(
        Message(LABEL_LENDER_DEADLINE, {"citation": _deadline_citation(analysis)}),
        _lender_deadline(analysis),
    )
    if dispute_date is not None:
        days, citation = _dispute_period()
        add(
            Message(LABEL_DISPUTE_ANSWER, {"citation": citation}),
            dispute_date + dt.timedelta(days=days),
        )
    add(Message(LABEL_REMOVAL), analysis.credit.removal_date)
    return sorted(out, key=lambda item: item.date)


def countdown_notes(
    analysis: Analysis, today: dt.date, dispute_date: dt.date | None = None
) -> list[Message]:
    """Plain explanations next to the countdowns (dispute window, a passed deadline)."""
    notes: list[Message] = []
    deadline = _lender_deadline(analysis)
    shown = any(w.msgid == state_law.MSG_DEADLINE_PASSED for w in analysis.state.warnings)
    if deadline is not None and deadline < today and not shown:
        notes.append(Message(state_law.MSG_DEADLINE_PASSED, dates={"deadline": deadline}))
    if dispute_date is None:
        days, citation = _dispute_period()
        notes.append(Message(NOTE_DISPUTE_WINDOW, {"days": str(days), "citation": citation}))
    return notes
