"""How one value is written into a link: stable, language-neutral codes.

Shared by every part of a link (the scenario, the lender's letter, the 1099-C forms) so
they all write ``yes``/``no``, plain amounts without trailing ``.00`` and ISO dates.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal


def query_code(value: object) -> str:
    """The text of one query value: ``yes``/``no``, ``1200.5``→``1200.50``, ``2026-01-31``."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        text = f"{value:.2f}" if value == value.quantize(Decimal("0.01")) else f"{value}"
        return text[:-3] if text.endswith(".00") else text
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
