"""Reading the rule tables: one CSV reader, typed rows, and the one bibliography.

Every rule lives in a CSV file in the ``data/`` folder beside the package that applies it
(``rules/tax/data/tax_rules.csv``...), and every document a rule cites is one row of the
bibliography, ``rules/data/sources.csv`` (id, title, address, tier, the day it was last
checked, a note on what was read), which rules name by id. Nothing is read at import time.

A table's rows are validated by a pydantic model (a :class:`Row` subclass) through
:func:`parse_rows`, so a malformed table fails the same way everywhere: wrong columns, a
row with too many or too few fields, an empty table, or a cell its column refuses raise the
module's own error class (a subclass of :class:`DataFileError`) naming file, line and
column. The cell types below (:data:`YesNo`, :data:`WholeNumber`, :data:`Dollars`,
:data:`SourceIds`...) say once how a cell is read and what is refused.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from types import MappingProxyType
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    ValidationInfo,
)

from deficiency.core.money import to_cents

#: The bibliography every rule table cites by id.
SOURCES_FILE = "sources.csv"
TIERS: tuple[str, ...] = ("primary", "secondary", "vendor")
#: How far a row was confirmed against its primary source; the reader is told either way.
CONFIDENCES: tuple[str, ...] = ("confirmed", "unconfirmed")
Confidence = Literal["confirmed", "unconfirmed"]


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


# -- typed rows --------------------------------------------------------------------------------
class Row(BaseModel):
    """One row of a rule table; columns the model does not name (``note``) are ignored."""

    model_config = ConfigDict(frozen=True, extra="ignore")


RowT = TypeVar("RowT", bound=Row)


def columns_of(model: type[Row]) -> tuple[str, ...]:
    """The CSV columns a row model reads, in its field order."""
    return tuple(model.model_fields)


def _reason(err: Mapping[str, Any]) -> str:
    message = str(err["msg"])
    return message.removeprefix("Value error, ")


def parse_rows(
    text: str,
    name: str,
    model: type[RowT],
    error: type[Exception] = DataFileError,
    *,
    context: Mapping[str, Any] | None = None,
    exact: bool = False,
    columns: tuple[str, ...] | None = None,
) -> list[tuple[int, RowT]]:
    """(line number, typed row) pairs of a table: each row validated by ``model``.

    ``context`` reaches the model's validators (the bibliography, known codes); ``exact``
    demands exactly ``columns`` (by default the model's fields) as the header.
    """
    wanted = columns or columns_of(model)
    out: list[tuple[int, RowT]] = []
    for line, row in read_rows(text, name, wanted, error, exact=exact):
        try:
            out.append((line, model.model_validate(row, context=dict(context or {}))))
        except ValidationError as exc:
            err = exc.errors()[0]
            column = str(err["loc"][0]) if err["loc"] else "row"
            raise error(f"{name} line {line}: {column}: {_reason(err)}") from None
    return out


# -- cell types ----------------------------------------------------------------------------------
def _required(value: str) -> str:
    if not value:
        raise ValueError("is required")
    return value


def one_of(options: Iterable[str], *, blank: bool = False) -> AfterValidator:
    """A cell that must be one of ``options`` (or empty, with ``blank``)."""
    allowed = tuple(options)

    def check(value: str) -> str:
        if (blank and value == "") or value in allowed:
            return value
        raise ValueError(f"{value!r} is not one of {', '.join(allowed)}")

    return AfterValidator(check)


#: A table's ``confidence`` cell (one of :data:`CONFIDENCES`).
ConfidenceCell = Annotated[str, one_of(CONFIDENCES)]


def _yes_no(value: Any) -> bool:
    if value in ("yes", "no"):
        return value == "yes"
    raise ValueError(f"{value!r} is not one of yes, no")


def _whole(value: Any) -> int:
    text = str(value)
    if not text.isdigit():
        raise ValueError(f"{text!r} is not a whole number")
    return int(text)


def _optional_whole(value: Any) -> int | None:
    return None if value == "" else _whole(value)


def _iso_date(value: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date") from None


def _optional_iso_date(value: Any) -> dt.date | None:
    return None if value == "" else _iso_date(value)


def _dollars(value: Any) -> int:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a number") from None
    if not number.is_finite() or number < 0 or number != number.quantize(Decimal("0.01")):
        raise ValueError(f"{value!r} is not an amount in dollars and cents")
    return to_cents(number)


def _optional_dollars(value: Any) -> int | None:
    return None if value == "" else _dollars(value)


def _web_address(value: str) -> str:
    if not value.startswith(("https://", "http://")) or " " in value:
        raise ValueError(f"{value!r} is not a web address")
    return value


def _https(value: str) -> str:
    if not value.startswith("https://") or " " in value:
        raise ValueError(f"{value!r} is not an https URL")
    return value


def _source_ids(value: Any, info: ValidationInfo) -> tuple[str, ...]:
    ids = tuple(part.strip() for part in str(value).split(";") if part.strip())
    if not ids:
        raise ValueError("missing source")
    known = (info.context or {}).get("sources")
    if known is not None:
        for source_id in ids:
            if source_id not in known:
                raise ValueError(f"unknown source {source_id!r}")
    return ids


def _one_source(value: Any, info: ValidationInfo) -> str:
    ids = _source_ids(value, info)
    if len(ids) != 1:
        raise ValueError(f"{value!r}: one source only")
    return ids[0]


Text = str
Required = Annotated[str, AfterValidator(_required)]
YesNo = Annotated[bool, BeforeValidator(_yes_no)]
WholeNumber = Annotated[int, BeforeValidator(_whole)]
OptionalWholeNumber = Annotated[int | None, BeforeValidator(_optional_whole)]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
OptionalIsoDate = Annotated[dt.date | None, BeforeValidator(_optional_iso_date)]
#: Dollars and cents in the file, integer cents in the row.
Dollars = Annotated[int, BeforeValidator(_dollars)]
OptionalDollars = Annotated[int | None, BeforeValidator(_optional_dollars)]
WebAddress = Annotated[str, AfterValidator(_web_address)]
HttpsAddress = Annotated[str, AfterValidator(_https)]
#: ``id;id``: ids of the bibliography (checked when the context names the known ones).
SourceIds = Annotated[tuple[str, ...], BeforeValidator(_source_ids)]
SourceId = Annotated[str, BeforeValidator(_one_source)]


# -- the bibliography ----------------------------------------------------------------------------
class SourceRow(Row):
    """One document: an id rules cite it by, its title and address, and when it was checked."""

    id: Required
    title: Required
    url: WebAddress
    tier: Annotated[str, one_of(TIERS, blank=True)]
    checked: OptionalIsoDate
    note: Required


@dataclass(frozen=True)
class Bibliography:
    """Every source a rule cites, by id, and the day each was last checked (when recorded)."""

    sources: Mapping[str, Source]
    checked: Mapping[str, dt.date]

    def take(self, ids: Iterable[str]) -> tuple[Source, ...]:
        """The sources of ``ids``, in order (a KeyError names an id nobody recorded)."""
        return tuple(self.sources[source_id] for source_id in ids)


def parse_bibliography(
    text: str, name: str = SOURCES_FILE, error: type[Exception] = DataFileError
) -> Bibliography:
    """Validate the bibliography: unique ids, a title, a web address and a note each."""
    sources: dict[str, Source] = {}
    checked: dict[str, dt.date] = {}
    for line, row in parse_rows(text, name, SourceRow, error, exact=True):
        if row.id in sources:
            raise error(f"{name} line {line}: id: duplicate source {row.id!r}")
        sources[row.id] = Source(row.title, row.url, row.id)
        if row.checked is not None:
            checked[row.id] = row.checked
    return Bibliography(MappingProxyType(sources), MappingProxyType(checked))


def bibliography_text() -> str:
    """The text of the packaged bibliography, ``rules/data/sources.csv``."""
    return packaged_text(__package__ or "deficiency.rules", SOURCES_FILE)


@functools.cache
def load_bibliography() -> Bibliography:
    """The packaged bibliography, validated once on first use (never at import)."""
    return parse_bibliography(bibliography_text())


__all__ = [
    "Bibliography",
    "DataFileError",
    "Dollars",
    "HttpsAddress",
    "IsoDate",
    "OptionalDollars",
    "OptionalIsoDate",
    "OptionalWholeNumber",
    "Required",
    "Row",
    "Source",
    "SourceId",
    "SourceIds",
    "WebAddress",
    "WholeNumber",
    "YesNo",
    "amount_cell",
    "columns_of",
    "load_bibliography",
    "one_of",
    "packaged_text",
    "parse_bibliography",
    "parse_rows",
    "read_rows",
]
