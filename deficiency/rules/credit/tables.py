"""The credit data files: Metro 2 codes, reporting outcomes, waiting periods, FICO's figures
and the reporting periods of the FCRA, each row citing the bibliography by id.

Tables are read lazily and cached; a table with an unknown source, an unknown code or a
gap raises :class:`CreditDataError` naming file, line and column.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Annotated

from deficiency.core.scenario import ACTIONS, LOAN_TYPES, PATHS_BY_LOAN, SCORE_BANDS
from deficiency.rules.credit.messages import COMMENT_TEXT, STATUS_TEXT
from deficiency.rules.tables import (
    Bibliography,
    ConfidenceCell,
    DataFileError,
    OptionalWholeNumber,
    Required,
    Row,
    Source,
    SourceIds,
    WholeNumber,
    YesNo,
    load_bibliography,
    one_of,
    parse_rows,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

PROGRAMS: tuple[str, ...] = ("fannie_mae", "fha", "va", "usda")
#: Proper names of the programs (not translated: they are names, like citations).
PROGRAM_NAMES: dict[str, str] = {
    "fannie_mae": "Fannie Mae",
    "fha": "FHA",
    "va": "VA",
    "usda": "USDA",
}
WAIT_EVENTS: tuple[str, ...] = (
    "foreclosure",
    "short_sale",
    "deed_in_lieu",
    "charge_off",
    "bankruptcy_ch7",
    "bankruptcy_ch13",
)
SCORE_EVENTS: tuple[str, ...] = (
    "late_30",
    "late_90",
    "short_sale_no_deficiency",
    "short_sale_deficiency",
    "foreclosure",
    "bankruptcy",
)
#: Outcome-table actions: the scenario's actions, ``none`` (nothing left owing after the sale)
#: and ``*`` (any action: used only for rows where state law bars the deficiency). A row may
#: name several, ``collect|settle``, for a step both share.
OUTCOME_ACTIONS: tuple[str, ...] = (*ACTIONS, "none", "*")
#: What has to happen for the account to move to a step (``after``: from which step).
#: ``completed``: the sale or transfer itself (step 1, always; the account's status "now" at
#: least). The others are later events: a charge-off, a placement for collection, the
#: remaining balance paid in full or settled for less.
CONDITIONS: tuple[str, ...] = ("completed", "charged_off", "collection", "paid", "settled")
BALANCES: tuple[str, ...] = ("deficiency", "zero")
ANCHORS: tuple[str, ...] = ("completion", "title_transfer", "discharge", "filing")
PERIOD_RULES: tuple[str, ...] = (
    "adverse_item",
    "charge_off_limit",
    "charge_off_limit_bound",
    "bankruptcy_ch7",
    "bankruptcy_ch13_practice",
    "bankruptcy_ch13_limit",
    "dispute_reinvestigation",
    "dispute_extension",
    "dispute_notice_business_days",
)
BASES: tuple[str, ...] = ("statute", "practice", "statute_and_practice", "estimate")


class CreditDataError(DataFileError):
    """A credit data file is malformed: a missing source, an unknown code, a gap in a table."""


@dataclass(frozen=True)
class OutcomeRow:
    step: int
    after: int | None  # the step this one follows (``None``: step 1, the sale or transfer)
    condition: str  # what has to happen to reach it (see CONDITIONS)
    status_code: str
    special_comment: str | None
    balance: str
    varies_by_lender: bool
    confidence: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class WaitRow:
    standard_months: int | None
    extenuating_months: int | None
    current_exception_months: int | None
    anchor: str
    confidence: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class FicoRow:
    low: int
    high: int
    recovery_low_months: int
    recovery_high_months: int
    confidence: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PeriodRow:
    years: int
    days: int
    anchor: str
    basis: str
    confidence: str
    sources: tuple[str, ...]
    #: The statute's pinpoint, said beside every date figured from this period.
    citation: str


@dataclass(frozen=True)
class CreditTables:
    """Every credit data file, validated and keyed for lookup."""

    sources: Mapping[str, Source]
    status_codes: Mapping[str, str]
    special_comments: Mapping[str, str]
    #: Status codes that mean a charge-off or a placement for collection, or their paid
    #: versions: § 1681c(c)(1)'s 180-day rule sets the outer limit (``outer_limit`` column).
    outer_limit_codes: frozenset[str]
    outcomes: Mapping[tuple[str, str, str, bool], tuple[OutcomeRow, ...]]
    waiting: Mapping[tuple[str, str], WaitRow]
    fico: Mapping[tuple[str, str], FicoRow]
    periods: Mapping[str, PeriodRow]
    #: Source id → the day its rule was last checked against it (``checked`` column).
    checked: Mapping[str, dt.date]


# -- the rows ------------------------------------------------------------------------------------


class CodeCsv(Row):
    code: Required
    meaning: Required
    confidence: ConfidenceCell
    source: SourceIds


class StatusCsv(CodeCsv):
    outer_limit: YesNo


class OutcomeCsv(Row):
    loan: Required
    path: Required
    action: Required
    barred: YesNo
    step: WholeNumber
    after: OptionalWholeNumber
    condition: Annotated[str, one_of(CONDITIONS)]
    status_code: Required
    special_comment: str
    balance: Annotated[str, one_of(BALANCES)]
    varies_by_lender: YesNo
    confidence: ConfidenceCell
    source: SourceIds


class WaitCsv(Row):
    program: Annotated[str, one_of(PROGRAMS)]
    event: Annotated[str, one_of(WAIT_EVENTS)]
    standard_months: OptionalWholeNumber
    extenuating_months: OptionalWholeNumber
    current_exception_months: OptionalWholeNumber
    anchor: Annotated[str, one_of(ANCHORS)]
    confidence: ConfidenceCell
    source: SourceIds


class FicoCsv(Row):
    band: Annotated[str, one_of(SCORE_BANDS)]
    event: Annotated[str, one_of(SCORE_EVENTS)]
    after_low: WholeNumber
    after_high: WholeNumber
    recovery_low_months: WholeNumber
    recovery_high_months: WholeNumber
    confidence: ConfidenceCell
    source: SourceIds


class PeriodCsv(Row):
    rule: Annotated[str, one_of(PERIOD_RULES)]
    years: WholeNumber
    days: WholeNumber
    anchor: str
    basis: Annotated[str, one_of(BASES)]
    confidence: ConfidenceCell
    citation: Required
    source: SourceIds


# -- reading -------------------------------------------------------------------------------------
def _read(directory: Path, name: str, model: type[Row], sources: Mapping[str, Source]) -> list:
    try:
        text = (directory / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise CreditDataError(f"{name}: cannot read ({exc})") from None
    return parse_rows(text, name, model, CreditDataError, context={"sources": sources})


def _read_codes(
    directory: Path,
    name: str,
    texts: Mapping[str, str],
    sources: Mapping[str, Source],
    model: type[CodeCsv] = CodeCsv,
) -> dict[str, CodeCsv]:
    out: dict[str, CodeCsv] = {}
    for line, row in _read(directory, name, model, sources):
        if row.code not in texts:
            raise CreditDataError(
                f"{name}:{line}: unknown code {row.code!r} (no plain-language text)"
            )
        out[row.code] = row
    missing = sorted(set(texts) - set(out))
    if missing:
        raise CreditDataError(f"{name}: no row for code(s) {', '.join(missing)}")
    return out


def _outcome(row: OutcomeCsv, where: str, status: Mapping[str, str], comments: Mapping[str, str]):
    """One outcome row, checked against the loan's paths, the actions and the known codes."""
    for loan in row.loan.split("|"):
        if loan not in LOAN_TYPES or row.path not in PATHS_BY_LOAN[loan]:
            raise CreditDataError(f"{where}: {loan!r}/{row.path!r} is not a loan and its path")
    for action in row.action.split("|"):
        if action not in OUTCOME_ACTIONS:
            raise CreditDataError(f"{where}: unknown action {action!r}")
    if row.barred != (row.action == "*"):
        raise CreditDataError(f"{where}: barred rows use action '*', and only they do")
    if row.status_code not in status:
        raise CreditDataError(f"{where}: unknown status code {row.status_code!r}")
    comment = row.special_comment or None
    if comment is not None and comment not in comments:
        raise CreditDataError(f"{where}: unknown special comment {comment!r}")
    first = row.step == 1
    if first != (row.after is None) or first != (row.condition == "completed"):
        raise CreditDataError(
            f"{where}: step 1 (and only it) is the sale or transfer: condition 'completed', "
            "no 'after'"
        )
    if row.after is not None and not 1 <= row.after < row.step:
        raise CreditDataError(f"{where}: 'after' must name an earlier step")
    return OutcomeRow(
        row.step,
        row.after,
        row.condition,
        row.status_code,
        comment,
        row.balance,
        row.varies_by_lender,
        row.confidence,
        row.source,
    )


def _read_outcomes(
    directory: Path,
    sources: Mapping[str, Source],
    status_codes: Mapping[str, str],
    comments: Mapping[str, str],
) -> dict[tuple[str, str, str, bool], tuple[OutcomeRow, ...]]:
    name = "credit_outcomes.csv"
    grouped: dict[tuple[str, str, str, bool], list[OutcomeRow]] = {}
    for line, row in _read(directory, name, OutcomeCsv, sources):
        outcome = _outcome(row, f"{name}:{line}", status_codes, comments)
        for loan in row.loan.split("|"):
            for action in row.action.split("|"):
                key = (loan, row.path, action, row.barred)
                grouped.setdefault(key, []).append(outcome)
    out: dict[tuple[str, str, str, bool], tuple[OutcomeRow, ...]] = {}
    for key, steps in grouped.items():
        steps.sort(key=lambda s: s.step)
        if [s.step for s in steps] != list(range(1, len(steps) + 1)):
            raise CreditDataError(f"{name}: steps of {key} are not numbered 1, 2, …")
        for step in steps:
            siblings = [s.condition for s in steps if s.after == step.step]
            if len(siblings) != len(set(siblings)):
                raise CreditDataError(
                    f"{name}: two steps of {key} follow step {step.step} on the same condition"
                )
        out[key] = tuple(steps)
    for loan in LOAN_TYPES:
        for path in PATHS_BY_LOAN[loan]:
            needed = [(loan, path, a, False) for a in (*ACTIONS, "none")]
            needed.append((loan, path, "*", True))
            for key in needed:
                if key not in out:
                    raise CreditDataError(f"{name}: no outcome for {key}")
    return out


def _read_waiting(directory: Path, sources: Mapping[str, Source]) -> dict[tuple[str, str], WaitRow]:
    name = "credit_waiting_periods.csv"
    out: dict[tuple[str, str], WaitRow] = {}
    for line, row in _read(directory, name, WaitCsv, sources):
        key = (row.program, row.event)
        if key in out:
            raise CreditDataError(f"{name}:{line}: duplicate row for {key}")
        out[key] = WaitRow(
            standard_months=row.standard_months,
            extenuating_months=row.extenuating_months,
            current_exception_months=row.current_exception_months,
            anchor=row.anchor,
            confidence=row.confidence,
            sources=row.source,
        )
    for program in PROGRAMS:
        for event in WAIT_EVENTS:
            if (program, event) not in out:
                raise CreditDataError(f"{name}: no row for {program} × {event}")
    return out


def _fico(row: FicoCsv, where: str) -> FicoRow:
    """One FICO row, checked: a plausible range below the starting band, whole years."""
    fico = FicoRow(
        low=row.after_low,
        high=row.after_high,
        recovery_low_months=row.recovery_low_months,
        recovery_high_months=row.recovery_high_months,
        confidence=row.confidence,
        sources=row.source,
    )
    if not 300 <= fico.low <= fico.high <= 850 or fico.high > int(row.band):
        raise CreditDataError(f"{where}: score range {fico.low}-{fico.high} is not plausible")
    if fico.recovery_low_months > fico.recovery_high_months:
        raise CreditDataError(f"{where}: recovery range is reversed")
    whole = fico.recovery_low_months % 12 == 0 and fico.recovery_high_months % 12 == 0
    if not whole and fico.recovery_low_months != fico.recovery_high_months:
        raise CreditDataError(f"{where}: a recovery range must be in whole years")
    return fico


def _read_fico(directory: Path, sources: Mapping[str, Source]) -> dict[tuple[str, str], FicoRow]:
    name = "credit_fico_2011.csv"
    out: dict[tuple[str, str], FicoRow] = {}
    for line, row in _read(directory, name, FicoCsv, sources):
        key = (row.band, row.event)
        if key in out:
            raise CreditDataError(f"{name}:{line}: duplicate row for {key}")
        out[key] = _fico(row, f"{name}:{line}")
    for band in SCORE_BANDS:
        for event in SCORE_EVENTS:
            if (band, event) not in out:
                raise CreditDataError(f"{name}: no row for {band} × {event}")
    return out


def _read_periods(directory: Path, sources: Mapping[str, Source]) -> dict[str, PeriodRow]:
    name = "credit_reporting_periods.csv"
    out: dict[str, PeriodRow] = {}
    for _line, row in _read(directory, name, PeriodCsv, sources):
        out[row.rule] = PeriodRow(
            row.years, row.days, row.anchor, row.basis, row.confidence, row.source, row.citation
        )
    missing = [rule for rule in PERIOD_RULES if rule not in out]
    if missing:
        raise CreditDataError(f"{name}: no row for {', '.join(missing)}")
    return out


def _read_tables(directory: Path, bibliography: Bibliography) -> CreditTables:
    sources = bibliography.sources
    status_rows = _read_codes(
        directory, "credit_status_codes.csv", STATUS_TEXT, sources, model=StatusCsv
    )
    status = {code: row.meaning for code, row in status_rows.items()}
    comment_rows = _read_codes(directory, "credit_special_comments.csv", COMMENT_TEXT, sources)
    comments = {code: row.meaning for code, row in comment_rows.items()}
    outer = frozenset(
        code for code, row in status_rows.items() if isinstance(row, StatusCsv) and row.outer_limit
    )
    # Read-only views: the cached tables are shared by every caller.
    return CreditTables(
        sources=sources,
        status_codes=MappingProxyType(status),
        special_comments=MappingProxyType(comments),
        outer_limit_codes=outer,
        outcomes=MappingProxyType(_read_outcomes(directory, sources, status, comments)),
        waiting=MappingProxyType(_read_waiting(directory, sources)),
        fico=MappingProxyType(_read_fico(directory, sources)),
        periods=MappingProxyType(_read_periods(directory, sources)),
        checked=bibliography.checked,
    )


@functools.cache
def _default_tables() -> CreditTables:
    return _read_tables(DATA_DIR, load_bibliography())


def load_tables(
    directory: Path | str | None = None, bibliography: Bibliography | None = None
) -> CreditTables:
    """The validated credit tables: the packaged ones (read once, cached) or ``directory``'s.

    Rows cite ``bibliography`` (default: the packaged one). Nothing is read at import time;
    the first call pays for the files. Raises :class:`CreditDataError` naming the file and
    line of the first problem.
    """
    if directory is None and bibliography is None:
        return _default_tables()
    return _read_tables(Path(directory or DATA_DIR), bibliography or load_bibliography())
