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
names the uniform subsection and adds the state's enacted section beside it.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from deficiency.core.scenario import STATE_CODES
from deficiency.rules.tables import DataFileError, Source, packaged_text, read_rows

#: The Article 9 sections the app cites, in the uniform numbering.
SECTIONS: tuple[str, ...] = ("9-615", "9-616", "9-625", "9-626")
COLUMNS: tuple[str, ...] = ("state", "section", "citation", "heading", "url", "verified", "note")
DATA_FILE = "ucc_sections.csv"


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

    @property
    def source(self) -> Source:
        """The section as a cited source; its id (``ucc_9_615``) is the same in every state,
        so a rule names the section once and each state's reader gets its own text."""
        return Source(f"{self.citation}, {self.heading}", self.url, source_id(self.section))


def source_id(section: str) -> str:
    """The source id of an Article 9 section: ``9-616`` → ``ucc_9_616``."""
    return "ucc_" + section.replace("-", "_")


def parse_sections(text: str, name: str = DATA_FILE) -> dict[tuple[str, str], UccSection]:
    """Validate the sections table, keyed by (state, section); state "" is the uniform text.

    Strict because a wrong row sends a reader to the wrong statute: known states and
    sections only, one row per pair, a citation, a heading, an https address, an ISO
    check date and a note on what was read; and the uniform text present for every section,
    since it is what a state without a row of its own falls back to.
    """
    rows: dict[tuple[str, str], UccSection] = {}
    for line, row in read_rows(text, name, COLUMNS, UccDataError):
        where = f"{name} line {line}"
        state, section = row["state"], row["section"]
        if state and state not in STATE_CODES:
            raise UccDataError(f"{where}: state: unknown state {state!r}")
        if section not in SECTIONS:
            raise UccDataError(f"{where}: section: {section!r} is not one of {SECTIONS}")
        if (state, section) in rows:
            raise UccDataError(f"{where}: duplicate row for {state or 'uniform'} {section}")
        for column in ("citation", "heading", "note"):
            if not row[column]:
                raise UccDataError(f"{where}: {column}: is required")
        url = row["url"]
        if not url.startswith("https://") or " " in url:
            raise UccDataError(f"{where}: url: {url!r} is not an https URL")
        try:
            verified = dt.date.fromisoformat(row["verified"])
        except ValueError:
            raise UccDataError(
                f"{where}: verified: {row['verified']!r} is not an ISO date"
            ) from None
        rows[(state, section)] = UccSection(
            state, section, row["citation"], row["heading"], url, verified, row["note"]
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


def sources(state: str | None) -> dict[str, Source]:
    """Every Article 9 section the app cites, as sources for ``state``, keyed by source id."""
    return {source_id(number): section(number, state).source for number in SECTIONS}


__all__ = [
    "SECTIONS",
    "UccDataError",
    "UccSection",
    "cite",
    "load_sections",
    "parse_sections",
    "section",
    "source_id",
    "sources",
]
