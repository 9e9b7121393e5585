"""UCC Article 9 as each state enacted it: the citation and address of one section (issue 13).

Why this exists: Article 9 is uniform, but every state enacts it in its own code, often with
its own numbering (UCC § 9-615 is Ohio Rev. Code § 1309.615). A counselor's handout for an
Ohio client must send the reader to Ohio's code, or to the uniform text, never to another
state's statute book, as it did when one state's pages were cited for all fifty.

Why the addresses live in data: a citation must be checked and re-checked like every other
rule, so ``data/ucc_sections.csv`` holds one row per (state, section) where the state's own
text was found on its legislature's or code publisher's site, and one row per section of the
uniform text (Cornell LII's copy of the official text) that every other state falls back to.
Each row carries the date it was checked. Nothing is read at import time.

The pinpoint of a rule (``UCC § 9-615(f)``) stays the uniform one: subsections are numbered
differently from state to state (Ohio writes divisions as (A), (B)...), so :func:`cite`
names the uniform subsection and adds the state's enacted section beside it. The pinpoints
the app cites are data too (``data/ucc_pinpoints.csv``, read by :func:`pinpoint`).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Annotated

from deficiency.core.scenario import STATE_CODES
from deficiency.rules.tables import (
    DataFileError,
    HttpsAddress,
    IsoDate,
    Required,
    Row,
    Source,
    one_of,
    packaged_text,
    parse_rows,
)

#: The Article 9 sections the app cites, in the uniform numbering.
SECTIONS: tuple[str, ...] = ("9-615", "9-616", "9-625", "9-626")
DATA_FILE = "ucc_sections.csv"
#: How an enacted 9-626 treats consumer transactions (its ``consumer_transactions`` column).
CONSUMER_SCOPES: tuple[str, ...] = ("included", "left_to_courts")
PINPOINTS_FILE = "ucc_pinpoints.csv"


class UccDataError(DataFileError):
    """``ucc_sections.csv`` breaks its schema: the message names the file, line and column."""


@dataclass(frozen=True)
class UccSection:
    """One Article 9 section as enacted in ``state`` ("" for the uniform text)."""

    state: str
    section: str
    citation: str
    heading: str
    url: str
    verified: dt.date
    note: str
    #: 9-626 only: whether the enacted section's presumption rules cover consumer
    #: transactions too ("included", Ohio) or leave them to the courts ("left_to_courts",
    #: uniform 9-626(b)); "" for the other sections.
    consumer_transactions: str = ""

    @property
    def source(self) -> Source:
        """The section as a cited source; its id (``ucc_9_615``) is the same in every state,
        so a rule names the section once and each state's reader gets its own text."""
        return Source(f"{self.citation}, {self.heading}", self.url, source_id(self.section))


def source_id(section: str) -> str:
    """The source id of an Article 9 section: ``9-616`` → ``ucc_9_616``."""
    return "ucc_" + section.replace("-", "_")


class SectionRow(Row):
    state: Annotated[str, one_of(STATE_CODES, blank=True)]
    section: Annotated[str, one_of(SECTIONS)]
    citation: Required
    heading: Required
    url: HttpsAddress
    verified: IsoDate
    note: Required
    consumer_transactions: Annotated[str, one_of(CONSUMER_SCOPES, blank=True)]


def parse_sections(text: str, name: str = DATA_FILE) -> dict[tuple[str, str], UccSection]:
    """Validate the sections table, keyed by (state, section); state "" is the uniform text.

    Strict because a wrong row sends a reader to the wrong statute: known states and
    sections only, one row per pair, a citation, a heading, an https address, an ISO
    check date and a note on what was read; and the uniform text present for every section,
    since it is what a state without a row of its own falls back to.
    """
    rows: dict[tuple[str, str], UccSection] = {}
    for line, row in parse_rows(text, name, SectionRow, UccDataError, exact=True):
        if (row.state, row.section) in rows:
            raise UccDataError(
                f"{name} line {line}: duplicate row for {row.state or 'uniform'} {row.section}"
            )
        if bool(row.consumer_transactions) != (row.section == "9-626"):
            raise UccDataError(
                f"{name} line {line}: consumer_transactions: is required for 9-626 rows "
                "and only for them"
            )
        rows[(row.state, row.section)] = UccSection(
            row.state,
            row.section,
            row.citation,
            row.heading,
            row.url,
            row.verified,
            row.note,
            row.consumer_transactions,
        )
    missing = [section for section in SECTIONS if ("", section) not in rows]
    if missing:
        raise UccDataError(f"{name}: no uniform-text row for {', '.join(missing)}")
    return rows


@functools.lru_cache(maxsize=1)
def load_sections() -> dict[tuple[str, str], UccSection]:
    """The packaged sections table, validated once on first use (no I/O at import time)."""
    return parse_sections(packaged_text(__name__, DATA_FILE))


def section(number: str, state: str | None) -> UccSection:
    """Section ``number`` as enacted in ``state``, or the uniform text when no row was found."""
    if number not in SECTIONS:
        raise ValueError(f"unknown Article 9 section {number!r}; use one of {SECTIONS}")
    rows = load_sections()
    return rows.get((state or "", number)) or rows[("", number)]


def cite(pinpoint: str, number: str, state: str | None) -> str:
    """A rule's citation: the uniform pinpoint, plus the state's enacted section if known.

    ``cite("UCC § 9-615(f)", "9-615", "OH")`` → ``"UCC § 9-615(f); Ohio Rev. Code § 1309.615"``;
    a state without a row of its own keeps the uniform citation alone.
    """
    row = section(number, state)
    return f"{pinpoint}; {row.citation}" if row.state else pinpoint


class PinpointRow(Row):
    key: Required
    section: Annotated[str, one_of(SECTIONS)]
    pinpoint: Required


def parse_pinpoints(text: str, name: str = PINPOINTS_FILE) -> dict[str, PinpointRow]:
    """The pinpoint citations the app uses, by key (``related_buyer`` → ``UCC § 9-615(f)``)."""
    out: dict[str, PinpointRow] = {}
    for line, row in parse_rows(text, name, PinpointRow, UccDataError):
        if row.key in out:
            raise UccDataError(f"{name} line {line}: key: duplicate {row.key!r}")
        if not row.pinpoint.startswith(f"UCC § {row.section}"):
            raise UccDataError(f"{name} line {line}: pinpoint: not within § {row.section}")
        out[row.key] = row
    return out


@functools.lru_cache(maxsize=1)
def load_pinpoints() -> dict[str, PinpointRow]:
    return parse_pinpoints(packaged_text(__name__, PINPOINTS_FILE))


def pinpoint(key: str) -> str:
    """The uniform pinpoint citation of ``key`` (``data/ucc_pinpoints.csv``)."""
    return load_pinpoints()[key].pinpoint


def cite_rule(key: str, state: str | None) -> str:
    """:func:`cite` for the pinpoint ``key``: the uniform pinpoint, plus the state's section."""
    row = load_pinpoints()[key]
    return cite(row.pinpoint, row.section, state)


def sources(state: str | None) -> dict[str, Source]:
    """Every Article 9 section the app cites, as sources for ``state``, keyed by source id."""
    return {source_id(number): section(number, state).source for number in SECTIONS}


__all__ = [
    "SECTIONS",
    "UccDataError",
    "UccSection",
    "cite",
    "cite_rule",
    "load_sections",
    "parse_pinpoints",
    "parse_sections",
    "pinpoint",
    "section",
    "source_id",
    "sources",
]
