"""CSV exports: the itemized breakdown of one scenario, and a generic comparison table.

Amounts are written as the exact strings of :func:`deficiency.core.money.cents_str`
(``"50000.00"``), never through a float, so a spreadsheet or a script reads back the very
cents the engine computed. Column names are stable codes (a file made in Japanese parses
like one made in English); only the ``label`` column is translated.

Both functions return ``str``; :func:`csv_bytes` encodes it for a download (UTF-8 with a
byte-order mark, which Excel needs to read Japanese and Spanish text correctly).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from deficiency.core.analysis import Analysis
from deficiency.core.money import cents_str, parse_decimal
from deficiency.text import i18n
from deficiency.text.markers import N_

#: Columns of :func:`breakdown_csv`. ``kind`` is ``item`` (a breakdown line, ``sign`` +1
#: adds to what is owed, -1 is applied against it, 0 is the closing deficiency or surplus)
#: or ``total`` (a figure computed from the lines; ``sign`` empty).
BREAKDOWN_COLUMNS: tuple[str, ...] = ("kind", "key", "label", "amount", "sign")

#: The total rows after the lines: (key, message id of the label shown on the pages).
TOTALS: tuple[tuple[str, str], ...] = (
    ("total_owed", N_("Total owed")),
    ("applied", N_("Applied from the sale")),
    ("collectible_deficiency", N_("Collectible deficiency")),
    ("still_owed", N_("You still owe")),
    ("cancelled_debt", N_("Cancelled (forgiven) debt")),
)

#: Leading characters a spreadsheet may run as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(cell: str) -> str:
    """Neutralise a text cell a spreadsheet would run as a formula; numbers pass unchanged."""
    if cell.startswith(_FORMULA_START):
        try:
            parse_decimal(cell)
        except ValueError:
            return "'" + cell
    return cell


def _cell(value: Any) -> str:
    """A comparison-table value as text: strings as given, exact numbers, never a float."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        raise TypeError(
            "comparison_csv: amounts must be exact strings (deficiency.core.money.cents_str), "
            f"not floats: {value!r}"
        )
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _write(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(cell) for cell in row])
    return out.getvalue()


def breakdown_rows(analysis: Analysis, lang: str = i18n.DEFAULT_LANGUAGE) -> list[dict[str, str]]:
    """The rows of :func:`breakdown_csv` as dicts of strings (for a table on screen)."""
    gettext = i18n.gettext_for(lang)
    result = analysis.result
    rows = [
        {
            "kind": "item",
            "key": item.key,
            "label": gettext(item.label),
            "amount": cents_str(item.cents),
            "sign": str(item.sign),
        }
        for item in result.items
    ]
    totals = {
        "total_owed": result.total_owed,
        "applied": result.applied,
        "collectible_deficiency": analysis.state.collectible_cents,
        "still_owed": analysis.owes,
        "cancelled_debt": analysis.cancelled,
    }
    rows += [
        {
            "kind": "total",
            "key": key,
            "label": gettext(label),
            "amount": cents_str(totals[key]),
            "sign": "",
        }
        for key, label in TOTALS
    ]
    return rows


def breakdown_csv(analysis: Analysis, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
    """The itemized breakdown as CSV: one row per line, then the totals.

    Columns :data:`BREAKDOWN_COLUMNS`. Summing ``sign × amount`` over the ``item`` rows
    gives deficiency − surplus to the cent; the ``item`` row with ``sign`` 0 is the
    deficiency (or the surplus).
    """
    rows = breakdown_rows(analysis, lang)
    return _write(BREAKDOWN_COLUMNS, ([row[c] for c in BREAKDOWN_COLUMNS] for row in rows))


def comparison_csv(rows: Sequence[Mapping[str, Any]]) -> str:
    """A comparison table as CSV: columns in first-seen order, values written as given.

    Generic on purpose (the caller decides the columns): amounts must already be exact
    strings (``cents_str``); a float raises ``TypeError`` rather than be rounded. A row
    without a column gets an empty cell; ``None`` is empty, booleans are ``yes``/``no``.
    """
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    return _write(columns, ([_cell(row.get(c)) for c in columns] for row in rows))


def csv_bytes(text: str) -> bytes:
    """CSV text as a download: UTF-8 with a byte-order mark (Excel reads it as UTF-8)."""
    return text.encode("utf-8-sig")
