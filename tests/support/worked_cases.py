"""Worked cases kept as CSV tables beside their tests (state law, credit, …).

One reader for every such table: the header must be exactly the columns the test expects
(a renamed column fails loudly instead of reading empty cells), and the ``facts`` cell,
``key=value`` pairs separated by ``;``, becomes a scenario dict over a base.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path


def read_cases(table: Path, columns: Sequence[str]) -> list[dict[str, str]]:
    """The rows of a worked-case table, checked against its expected header."""
    with table.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == list(columns), f"{table.name}: {reader.fieldnames}"
        return list(reader)


def scenario_facts(cell: str, base: Mapping[str, str]) -> dict[str, str]:
    """``"path=foreclosure; acres=40"`` over ``base``: the scenario a case describes."""
    facts = dict(base)
    for item in cell.split(";"):
        key, _, value = item.partition("=")
        if key.strip():
            facts[key.strip()] = value.strip()
    return facts


def optional_date(text: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` cell, or ``None`` when empty."""
    return dt.date.fromisoformat(text) if text else None
