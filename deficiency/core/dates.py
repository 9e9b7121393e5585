"""Date arithmetic in calendar months: credit reporting periods and state deadlines alike.

``n`` years after a date is the same day ``12·n`` months later; when that day does not
exist the last day of the month is used, so 7 years after 29 February 2024 is 28 February
2031 (the shorter reading, never a date past the legal limit).
"""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months; a day the month lacks becomes its last day.

    Why clamp down rather than roll over: a limit computed as "7 years after 29 February"
    must not land on 1 March, a day after the period the law allows.
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` plus whole years, by :func:`add_months` (29 Feb + 7 years = 28 Feb)."""
    return add_months(day, 12 * years)


def shift(day: dt.date, years: int, days: int) -> dt.date:
    """Days first, then years: the order § 1681c(c)(1) describes (180 days, then 7 years)."""
    return add_years(day + dt.timedelta(days=days), years)
