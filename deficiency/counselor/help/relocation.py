"""Moving money a program may pay after a short sale or deed in lieu
(``data/programs_relocation.csv``: one row per program and path, an exact amount, its
conditions and the source, a bibliography id)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator

from deficiency.core.scenario import Scenario
from deficiency.counselor.help.messages import (
    CONDITION_TEXT,
    MSG_RELOCATION,
    MSG_RELOCATION_ASSUMED,
    PROGRAM_NAMES,
    RELOCATION_PATHS,
)
from deficiency.counselor.help.resources import Confidence, ConfidenceCell, HelpDataError
from deficiency.rules.tables import (
    Dollars,
    Row,
    Source,
    SourceId,
    load_bibliography,
    one_of,
    packaged_text,
    parse_rows,
)
from deficiency.text.markers import Message

RELOCATION_FILE = "programs_relocation.csv"


def _conditions(value: Any) -> tuple[str, ...]:
    codes = tuple(code for code in str(value).split(";") if code)
    for code in codes:
        if code not in CONDITION_TEXT:
            raise ValueError(f"unknown condition {code!r}")
    return codes


class RelocationCsv(Row):
    program: Annotated[str, one_of(PROGRAM_NAMES)]
    path: Annotated[str, one_of(RELOCATION_PATHS)]
    amount: Dollars
    conditions: Annotated[tuple[str, ...], BeforeValidator(_conditions)]
    source: SourceId
    confidence: ConfidenceCell


@dataclass(frozen=True)
class RelocationRow:
    program: str
    path: str
    cents: int
    conditions: tuple[str, ...]
    source_url: str
    confidence: Confidence


@dataclass(frozen=True)
class RelocationHelp:
    """Moving money a program may pay after a short sale or deed in lieu (cents, "up to")."""

    program: str
    path: str
    cents: int
    summary: Message
    conditions: tuple[Message, ...]
    source_url: str
    confidence: Confidence
    program_assumed: bool


def parse_relocation(
    text: str, name: str = RELOCATION_FILE, sources: Mapping[str, Source] | None = None
) -> tuple[RelocationRow, ...]:
    """Validate the relocation table: known programs, paths and conditions, exact amounts."""
    known = load_bibliography().sources if sources is None else sources
    out: list[RelocationRow] = []
    seen: set[tuple[str, str]] = set()
    for line, row in parse_rows(
        text, name, RelocationCsv, HelpDataError, context={"sources": known}, exact=True
    ):
        key = (row.program, row.path)
        if key in seen:
            raise HelpDataError(f"{name} line {line}: {key} appears twice")
        if row.amount <= 0:
            raise HelpDataError(f"{name} line {line}: amount must be positive")
        seen.add(key)
        out.append(
            RelocationRow(
                program=row.program,
                path=row.path,
                cents=row.amount,
                conditions=row.conditions,
                source_url=known[row.source].url,
                confidence=row.confidence,  # type: ignore[arg-type]
            )
        )
    return tuple(out)


@functools.lru_cache(maxsize=1)
def load_relocation() -> tuple[RelocationRow, ...]:
    return parse_relocation(packaged_text(__package__ or __name__, RELOCATION_FILE))


#: The program assumed when the scenario does not say who owns or insures the loan.
DEFAULT_PROGRAM = "fannie_mae"


def relocation_help(scenario: Scenario, program: str | None = None) -> RelocationHelp | None:
    """The most a program pays to help the borrower move after this short sale or deed in lieu.

    ``None`` for a foreclosure, a repossession or a program without such a payment.
    ``program``: ``fannie_mae`` or ``fha``; when not given, a future ``investor`` scenario
    key is used, else Fannie Mae's figure is shown and flagged as assumed.
    """
    if scenario.loan != "mortgage" or scenario.path not in RELOCATION_PATHS:
        return None
    chosen = program or getattr(scenario, "investor", None)
    assumed = chosen is None
    chosen = chosen or DEFAULT_PROGRAM
    if chosen not in PROGRAM_NAMES:
        return None
    row = next(
        (r for r in load_relocation() if r.program == chosen and r.path == scenario.path), None
    )
    if row is None:
        return None
    name = PROGRAM_NAMES[chosen]
    conditions = [Message(CONDITION_TEXT[code]) for code in row.conditions]
    if assumed:
        conditions.append(Message(MSG_RELOCATION_ASSUMED, {"program": name}))
    return RelocationHelp(
        program=chosen,
        path=row.path,
        cents=row.cents,
        summary=Message(MSG_RELOCATION[row.path], {"program": name}, money={"amount": row.cents}),
        conditions=tuple(conditions),
        source_url=row.source_url,
        confidence=row.confidence,
        program_assumed=assumed,
    )
