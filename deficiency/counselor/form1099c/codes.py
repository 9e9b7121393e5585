"""The box 6 table (``data/form1099c_codes.csv``): each code's caveat and sources."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

from deficiency.counselor.form1099c.inputs import CODES
from deficiency.rules.tables import (
    DataFileError,
    Required,
    Row,
    Source,
    SourceIds,
    YesNo,
    load_bibliography,
    one_of,
    packaged_text,
    parse_rows,
)

CODES_FILE = "form1099c_codes.csv"


class FormDataError(DataFileError):
    """A 1099-C data file breaks its schema: the message names the file and line."""


@dataclass(frozen=True)
class CodeRule:
    """One row of ``form1099c_codes.csv``: whether the code needs the "may not be gone" caveat."""

    code: str
    caveat: bool
    source_ids: tuple[str, ...]
    note: str


class CodeRow(Row):
    code: Annotated[str, one_of(CODES)]
    caveat: YesNo
    source: SourceIds
    note: Required


def load_sources() -> Mapping[str, Source]:
    """The bibliography the findings cite (``rules/data/sources.csv``)."""
    return load_bibliography().sources


def parse_codes(text: str, sources: Mapping[str, Source]) -> dict[str, CodeRule]:
    """Parse the box 6 table: every code A-H once, a yes/no caveat, known sources, a note."""
    rules: dict[str, CodeRule] = {}
    rows = parse_rows(
        text, CODES_FILE, CodeRow, FormDataError, context={"sources": sources}, exact=True
    )
    for line, row in rows:
        if row.code in rules:
            raise FormDataError(f"{CODES_FILE} line {line}: duplicate code {row.code!r}")
        rules[row.code] = CodeRule(row.code, row.caveat, row.source, row.note)
    if set(rules) != set(CODES):
        raise FormDataError(f"{CODES_FILE}: codes must be {list(CODES)}")
    return rules


@functools.lru_cache(maxsize=1)
def load_codes() -> dict[str, CodeRule]:
    """The packaged box 6 table, validated once on first use (no I/O at import time)."""
    return parse_codes(packaged_text(__package__ or __name__, CODES_FILE), load_sources())
