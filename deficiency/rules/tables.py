"""Reading the rule tables (``data/`` beside each rule package): one CSV reader, one source type.

Every module that keeps rules as data (state law, tax, credit, the letter check, help)
reads its files through :func:`read_rows`, so a malformed table fails the same way
everywhere: wrong columns, a row with too many or too few fields, or an empty table raise
the module's own error class (a subclass of :class:`DataFileError`) naming file and line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any


class DataFileError(ValueError):
    """A rule table is malformed (each module raises its own subclass)."""


@dataclass(frozen=True)
class Source:
    """A document a rule comes from: the title and address shown next to the rule."""

    title: str
    url: str
    id: str = ""

    def as_json(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url}


def packaged_text(package: str, name: str) -> str:
    """The text of ``<package>/data/<name>``: a rule table kept beside the code that reads
    it (read when first needed, never at import)."""
    return resources.files(package).joinpath("data", name).read_text(encoding="utf-8")


def read_rows(
    text: str,
    name: str,
    columns: tuple[str, ...] | list[str],
    error: type[Exception] = DataFileError,
    *,
    exact: bool = True,
) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a CSV table, cells stripped of surrounding spaces.

    ``exact``: the header must be ``columns`` in order; otherwise it must contain them.
    """
    reader = csv.DictReader(io.StringIO(text))
    fields = tuple(reader.fieldnames or ())
    missing = [column for column in columns if column not in fields]
    unexpected = [field for field in fields if field not in columns]
    if missing or (exact and fields != tuple(columns)):
        raise error(
            f"{name}: columns must be {list(columns)} "
            f"(missing: {missing or 'none'}; unexpected: {unexpected or 'none'})"
        )
    rows: list[tuple[int, dict[str, str]]] = []
    for line, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            raise error(f"{name} line {line}: wrong number of fields")
        rows.append((line, {key: value.strip() for key, value in row.items()}))
    if not rows:
        raise error(f"{name}: no rows")
    return rows


def amount_cell(text: str, where: str, error: type[Exception] = DataFileError) -> Decimal:
    """A dollars-and-cents cell (not negative, at most 2 decimals) as an exact Decimal."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise error(f"{where}: {text!r} is not a number") from None
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        raise error(f"{where}: {text!r} is not an amount in dollars and cents")
    return value


__all__: list[Any] = ["DataFileError", "Source", "amount_cell", "packaged_text", "read_rows"]
