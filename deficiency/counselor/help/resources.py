"""Where to get help, routed by situation (``data/help_resources.csv``).

One row per resource: its address, phone, the code of its explanatory note, the source of
what the note says (a bibliography id) and how sure that is.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator

from deficiency.core.analysis import Analysis
from deficiency.counselor.help.messages import NOTE_TEXT, RESOURCE_NAMES
from deficiency.rules.tables import (
    Confidence,
    ConfidenceCell,
    DataFileError,
    Row,
    Source,
    SourceId,
    load_bibliography,
    one_of,
    packaged_text,
    parse_rows,
)
from deficiency.text.markers import Message

RESOURCES_FILE = "help_resources.csv"

#: The situations a resource answers, in the order :func:`help_for` lists them.
SITUATIONS: tuple[str, ...] = ("sued", "default", "cancelled_debt", "scam")


class HelpDataError(DataFileError):
    """A help or program data file is malformed or names an unknown code."""


def _optional_address(value: str) -> str:
    if value and not value.startswith(("https://", "http://")):
        raise ValueError(f"{value!r} is not a web address")
    return value


def _phone(value: str) -> str:
    if value and not all(ch.isdigit() or ch == "-" for ch in value):
        raise ValueError(f"phone {value!r} must be digits and dashes")
    return value


class HelpRow(Row):
    situation: Annotated[str, one_of(SITUATIONS)]
    resource: Annotated[str, one_of(RESOURCE_NAMES)]
    url: Annotated[str, AfterValidator(_optional_address)]
    phone: Annotated[str, AfterValidator(_phone)]
    note: Annotated[str, one_of(NOTE_TEXT)]
    source: SourceId
    confidence: ConfidenceCell


@dataclass(frozen=True)
class HelpItem:
    """One resource for one situation, with where the claim about it comes from."""

    situation: str
    resource: str
    name: Message
    url: str
    phone: str
    note: Message
    source_title: str
    source_url: str
    confidence: Confidence


def parse_resources(
    text: str, name: str = RESOURCES_FILE, sources: Mapping[str, Source] | None = None
) -> tuple[HelpItem, ...]:
    """Validate the help table: known situations, resources and notes, a source for each."""
    known = load_bibliography().sources if sources is None else sources
    items = []
    for _line, row in parse_rows(
        text, name, HelpRow, HelpDataError, context={"sources": known}, exact=True
    ):
        source = known[row.source]
        items.append(
            HelpItem(
                situation=row.situation,
                resource=row.resource,
                name=Message(RESOURCE_NAMES[row.resource]),
                url=row.url,
                phone=row.phone,
                note=Message(NOTE_TEXT[row.note]),
                source_title=source.title,
                source_url=source.url,
                confidence=row.confidence,  # type: ignore[arg-type]
            )
        )
    return tuple(items)


@functools.lru_cache(maxsize=1)
def load_resources() -> tuple[HelpItem, ...]:
    """The packaged help table, validated on first use."""
    return parse_resources(packaged_text(__package__ or __name__, RESOURCES_FILE))


# -- routing ---------------------------------------------------------------------------------
def situations_for(analysis: Analysis, today: dt.date | None = None) -> tuple[str, ...]:
    """Which situations an analysis is in, from its own figures.

    * ``sued``: someone can still be made to pay (the lender may sue for it);
    * ``default``: a mortgage whose sale has not happened yet (no sale date, or a future
      one): still in default, when a counselor helps most;
    * ``cancelled_debt``: tax help: a Form 1099-C is expected, debt is cancelled or (on a
      nonrecourse loan) relieved, or a gain on the property is taxable;
    * ``scam``: any mortgage scenario (rescue scams target homeowners in default).
    """
    today = today or dt.date.today()
    scenario = analysis.scenario
    found: list[str] = []
    if analysis.owes > 0:
        found.append("sued")
    mortgage = scenario.loan == "mortgage"
    if mortgage and (scenario.sale_date is None or scenario.sale_date >= today):
        found.append("default")
    taxes = analysis.tax
    if (
        taxes.form_1099c_expected
        or analysis.result.cancelled_debt > 0
        or taxes.cancelled_debt > 0
        or (taxes.taxable_gain or 0) > 0
    ):
        found.append("cancelled_debt")
    if mortgage:
        found.append("scam")
    return tuple(found)


def help_for(
    analysis: Analysis,
    today: dt.date | None = None,
    situations: Iterable[str] | None = None,
) -> list[HelpItem]:
    """The resources for this analysis, grouped by situation in :data:`SITUATIONS` order.

    ``situations`` overrides the inference (e.g. the reader ticked "I was served").
    """
    chosen = set(situations_for(analysis, today) if situations is None else situations)
    unknown = chosen - set(SITUATIONS)
    if unknown:
        raise ValueError(f"unknown situations: {sorted(unknown)}")
    items = load_resources()
    return [item for key in SITUATIONS if key in chosen for item in items if item.situation == key]
