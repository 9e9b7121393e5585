"""Expense ranges (``data/letter_ranges.csv``) and the sources a letter flag can cite.

A row is ``confirmed`` only where a statute caps the charge (two Wisconsin limits); every
other row is an ``unconfirmed``, deliberately high screen, because no published national
range was found, and the flag says so. Every row cites the bibliography by id; the Article
9 sections are cited as the reader's state enacted them (:mod:`deficiency.rules.ucc`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Literal

from deficiency.core.scenario import STATE_CODES
from deficiency.counselor.letter.inputs import EXPENSE_ITEMS
from deficiency.rules import ucc
from deficiency.rules.tables import (
    Confidence,
    ConfidenceCell,
    DataFileError,
    Dollars,
    Required,
    Row,
    Source,
    SourceId,
    load_bibliography,
    one_of,
    packaged_text,
    parse_rows,
)

RANGES_FILE = "letter_ranges.csv"

#: Source ids reserved for the Article 9 sections (:func:`deficiency.rules.ucc.sources`).
UCC_SOURCE_IDS: frozenset[str] = frozenset(ucc.source_id(number) for number in ucc.SECTIONS)


class LetterDataError(DataFileError):
    """A letter data file breaks its schema: the message names the file, line and column."""


@dataclass(frozen=True)
class ExpenseRange:
    """One row of ``letter_ranges.csv``: above ``high`` the charge is flagged.

    ``state`` is a USPS code for a state's statutory limit, or "" for the national screen.
    ``confirmed`` rows are statutory caps; ``unconfirmed`` rows are conservative screens.
    """

    item: str
    low_cents: int
    high_cents: int
    unit: Literal["flat", "per_day"]
    source: Source
    note: str
    confidence: Confidence
    state: str


class RangeRow(Row):
    item: Annotated[str, one_of(EXPENSE_ITEMS)]
    low: Dollars
    high: Dollars
    unit: Annotated[str, one_of(("flat", "per_day"))]
    source: SourceId
    note: Required
    confidence: ConfidenceCell
    state: Annotated[str, one_of(STATE_CODES, blank=True)]


def _check(row: RangeRow, where: str) -> None:
    """Storage is per day and every other item flat; only a state's statute is confirmed."""
    expected_unit = "per_day" if row.item == "storage_rate" else "flat"
    if row.unit != expected_unit:
        raise LetterDataError(f"{where}: {row.item} must be {expected_unit}, got {row.unit!r}")
    if row.confidence == "confirmed" and not row.state:
        raise LetterDataError(f"{where}: only a state's statutory limit can be confirmed")
    if row.low > row.high:
        raise LetterDataError(f"{where}: low is above high")


def parse_ranges(
    text: str, name: str = RANGES_FILE, sources: Mapping[str, Source] | None = None
) -> dict[tuple[str, str], ExpenseRange]:
    """Parse and validate the ranges table, keyed by (item, state).

    Strict because a typo here becomes a wrong accusation in front of a lender: every row
    needs a known source and a note, storage is per day and every other item flat, and
    a national row (no state) can never claim to be confirmed.
    """
    known = load_bibliography().sources if sources is None else sources
    ranges: dict[tuple[str, str], ExpenseRange] = {}
    for line, row in parse_rows(
        text, name, RangeRow, LetterDataError, context={"sources": known}, exact=True
    ):
        where = f"{name} line {line}"
        if (row.item, row.state) in ranges:
            raise LetterDataError(
                f"{where}: duplicate row for {row.item}/{row.state or 'national'}"
            )
        _check(row, where)
        ranges[(row.item, row.state)] = ExpenseRange(
            item=row.item,
            low_cents=row.low,
            high_cents=row.high,
            unit=row.unit,  # type: ignore[arg-type]
            source=known[row.source],
            note=row.note,
            confidence=row.confidence,  # type: ignore[arg-type]
            state=row.state,
        )
    return ranges


@functools.lru_cache(maxsize=1)
def load_ranges() -> dict[tuple[str, str], ExpenseRange]:
    """The packaged ranges table, validated once on first use (no I/O at import time)."""
    return parse_ranges(packaged_text(__package__ or __name__, RANGES_FILE))


@functools.lru_cache(maxsize=1)
def load_sources() -> Mapping[str, Source]:
    """The bibliography a letter flag cites (the Article 9 sections: :func:`sources_for`)."""
    sources = load_bibliography().sources
    clash = set(sources) & UCC_SOURCE_IDS
    if clash:
        raise LetterDataError(f"sources.csv: ids reserved for the UCC: {sorted(clash)}")
    return sources


def sources_for(state: str | None) -> dict[str, Source]:
    """Every source a letter flag can cite for a reader in ``state``.

    The Article 9 sections come as that state enacted them (the uniform text where no state
    text was found), so an Ohio reader is sent to Ohio's code, never to another state's.
    """
    return {**load_sources(), **ucc.sources(state)}


def range_for(item: str, state: str | None) -> ExpenseRange | None:
    """The row that applies: the state's statutory limit if it has one, else the screen."""
    ranges = load_ranges()
    if state and (item, state) in ranges:
        return ranges[(item, state)]
    return ranges.get((item, ""))
