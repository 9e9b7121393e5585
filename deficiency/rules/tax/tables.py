"""The tax data files: rate schedules, dated constants and box 6 codes, each row cited.

``data/tax_brackets.csv`` (one row per bracket), ``data/tax_rules.csv`` (one dated value
per row: the 1099-C threshold, the § 121 and QPRI limits, the QPRI window...) and
``data/tax_event_codes.csv`` and ``data/tax_capital_gains.csv`` (the 0%, 15% and 20% bands of
a long-term capital gain, one row per band) cite the bibliography (``rules/data/sources.csv``)
by id.
Validation is strict because a silent typo here becomes a wrong tax figure: every printed
cumulative tax must follow from the rates, every row must cite a known source, each QPRI
limit must cover its whole date window, and the event codes must match the translatable
meanings of :mod:`deficiency.rules.tax.messages`.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from types import MappingProxyType
from typing import Annotated

from deficiency.core.money import cents_str, div_round_half_up, from_cents, to_cents
from deficiency.core.scenario import FILING_STATUSES
from deficiency.rules.tables import (
    DataFileError,
    Dollars,
    OptionalDollars,
    OptionalIsoDate,
    Required,
    Row,
    Source,
    SourceIds,
    WholeNumber,
    bibliography_text,
    one_of,
    parse_bibliography,
    parse_rows,
)
from deficiency.rules.tax.messages import EVENT_CODES

#: Rates are integer basis points: 2200 = 22%. Tax = Σ rate × amount / 10,000, rounded once.
BASIS_POINTS = 10_000
DATA_FILES: dict[str, str] = {
    "brackets": "tax_brackets.csv",
    "rules": "tax_rules.csv",
    "event_codes": "tax_event_codes.csv",
    "capital_gains": "tax_capital_gains.csv",
}
BRACKETS_PER_SCHEDULE = 7
#: IRC § 1(h)(1): a long-term capital gain is taxed at 0%, 15% or 20% by where it falls.
CAPITAL_GAIN_RATES_BP: tuple[int, ...] = (0, 1500, 2000)
REQUIRED_RULES = (
    "form_1099c_threshold",
    "multiple_debtors_threshold",
    "sec121_limit",
    "sec121_limit_joint",
    "qpri_window",
    "qpri_limit",
    "qpri_limit_mfs",
    "niit_threshold",
    "niit_threshold_joint",
    "niit_threshold_mfs",
)


class TaxDataError(DataFileError):
    """A tax data file is missing, malformed, or inconsistent with its own source."""


@dataclass(frozen=True)
class Schedule:
    """One ordinary-income rate schedule: year × filing status, floors in cents.

    ``floors[i]`` is the amount the rate ``rates_bp[i]`` applies *over* ("Over $11,925 but
    not over $48,475"); ``base_taxes[i]`` is the printed tax at that floor, kept to check
    the transcription (the loader recomputes it from the rates).
    """

    year: int
    filing_status: str
    floors: tuple[int, ...]
    rates_bp: tuple[int, ...]
    base_taxes: tuple[int, ...]
    citation: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class GainSchedule:
    """The bands of a long-term capital gain for one year × filing status, floors in cents.

    ``floors[i]`` is the taxable income (the gain included) above which ``rates_bp[i]``
    applies: 0% up to the first threshold, 15% up to the second, 20% above (IRC § 1(h)(1),
    the thresholds of § 1(j)(5)(B) as indexed by the year's revenue procedure).
    """

    year: int
    filing_status: str
    floors: tuple[int, ...]
    rates_bp: tuple[int, ...]
    citation: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """A dated constant (``tax_rules.csv``): ``valid_from``/``valid_to`` are inclusive."""

    key: str
    value: Decimal | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    citation: str
    source_ids: tuple[str, ...]

    def applies_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class EventCode:
    """A Form 1099-C box 6 identifiable event code with its regulation paragraph."""

    code: str
    meaning: str
    citation: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class TaxTables:
    """Everything loaded from the data files, validated."""

    schedules: Mapping[tuple[int, str], Schedule]
    rules: tuple[Rule, ...]
    event_codes: Mapping[str, EventCode]
    sources: Mapping[str, Source]
    gain_schedules: Mapping[tuple[int, str], GainSchedule]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({year for year, _ in self.schedules}))

    def schedule(self, year: int, filing_status: str) -> Schedule:
        try:
            return self.schedules[(year, filing_status)]
        except KeyError:
            raise ValueError(
                f"no {filing_status!r} brackets for {year}; loaded years: {self.years}"
            ) from None

    def gain_schedule(self, year: int, filing_status: str) -> GainSchedule:
        """The capital-gain bands of a loaded bracket year (the loader checks both match)."""
        return self.gain_schedules[(year, filing_status)]

    def bracket_year(self, year: int) -> int:
        """The loaded year closest to ``year`` (the estimate for a year not loaded)."""
        years = self.years
        return min(years, key=lambda y: (abs(y - year), -y))

    def rule(self, key: str, on: dt.date | None = None) -> Rule | None:
        """The rule ``key`` in force on ``on`` (or the undated one); None if none applies."""
        for rule in self.rules:
            if rule.key == key and (on is None or rule.applies_on(on)):
                return rule
        return None

    def qpri_window(self) -> tuple[dt.date, dt.date]:
        """First and last day (inclusive) of the QPRI exclusion, IRC § 108(a)(1)(E)."""
        rule = self.rule("qpri_window")
        if rule is None or rule.valid_from is None or rule.valid_to is None:
            raise TaxDataError("tax_rules.csv: qpri_window needs both dates")
        return rule.valid_from, rule.valid_to

    def cents(self, key: str, on: dt.date | None = None) -> int:
        rule = self.rule(key, on)
        if rule is None or rule.value is None:
            raise KeyError(f"no amount for {key!r} on {on}")
        return to_cents(rule.value)


# -- the rows --------------------------------------------------------------------------------
class BracketRow(Row):
    year: WholeNumber
    filing_status: Annotated[str, one_of(FILING_STATUSES)]
    rate_bp: WholeNumber
    over: Dollars
    base_tax: Dollars
    citation: Required
    source: SourceIds


class RuleRow(Row):
    key: Required
    value: OptionalDollars
    valid_from: OptionalIsoDate
    valid_to: OptionalIsoDate
    citation: Required
    source: SourceIds


class GainRow(Row):
    year: WholeNumber
    filing_status: Annotated[str, one_of(FILING_STATUSES)]
    rate_bp: WholeNumber
    over: Dollars
    citation: Required
    source: SourceIds


class EventCodeRow(Row):
    code: Annotated[str, one_of(EVENT_CODES)]
    meaning: Required
    citation: Required
    source: SourceIds


def _expected_base(floors: Sequence[int], rates: Sequence[int], i: int) -> int:
    """Tax at ``floors[i]`` from the rates below it (exact: floors are whole dollars)."""
    total = sum(rates[k] * (floors[k + 1] - floors[k]) for k in range(i))
    return div_round_half_up(total, BASIS_POINTS)


def _schedule(year: int, status: str, rows: Sequence[BracketRow]) -> Schedule:
    """One schedule from its rows, checked: 7 brackets, rising floors and rates, exact bases."""
    where = f"tax_brackets.csv {year} {status}"
    floors = tuple(r.over for r in rows)
    rates = tuple(r.rate_bp for r in rows)
    bases = tuple(r.base_tax for r in rows)
    if len(rows) != BRACKETS_PER_SCHEDULE:
        raise TaxDataError(f"{where}: expected {BRACKETS_PER_SCHEDULE} brackets")
    if floors[0] != 0 or any(a >= b for a, b in itertools.pairwise(floors)):
        raise TaxDataError(f"{where}: floors must start at 0 and increase")
    if any(a >= b for a, b in itertools.pairwise(rates)) or rates[-1] > 10_000:
        raise TaxDataError(f"{where}: rates must increase and stay below 100%")
    if any(f % 100 for f in floors):
        raise TaxDataError(f"{where}: floors must be whole dollars")
    for i, base in enumerate(bases):
        expected = _expected_base(floors, rates, i)
        if expected != base:
            raise TaxDataError(
                f"{where}: printed tax {cents_str(base)} at {cents_str(floors[i])} does "
                f"not follow from the rates ({cents_str(expected)})"
            )
    if len({r.citation for r in rows}) != 1:
        raise TaxDataError(f"{where}: one citation per schedule")
    return Schedule(year, status, floors, rates, bases, rows[0].citation, rows[0].source)


def _parse_brackets(text: str, sources: Mapping[str, Source]) -> dict[tuple[int, str], Schedule]:
    grouped: dict[tuple[int, str], list[BracketRow]] = {}
    for _line, row in parse_rows(
        text, "tax_brackets.csv", BracketRow, TaxDataError, context={"sources": sources}
    ):
        grouped.setdefault((row.year, row.filing_status), []).append(row)
    schedules = {key: _schedule(*key, rows) for key, rows in grouped.items()}
    for year in {y for y, _ in schedules}:
        missing = [s for s in FILING_STATUSES if (year, s) not in schedules]
        if missing:
            raise TaxDataError(f"tax_brackets.csv {year}: missing filing statuses {missing}")
        joint, widow = schedules[(year, "married_joint")], schedules[(year, "surviving_spouse")]
        if (joint.floors, joint.rates_bp) != (widow.floors, widow.rates_bp):
            # IRC § 1(j)(2)(A): one table for joint returns and surviving spouses.
            raise TaxDataError(f"tax_brackets.csv {year}: surviving_spouse must equal joint")
    return schedules


def _gain_schedule(year: int, status: str, rows: Sequence[GainRow]) -> GainSchedule:
    """One year's bands, checked: 0%, 15%, 20% from 0 at rising whole-dollar thresholds."""
    where = f"tax_capital_gains.csv {year} {status}"
    floors = tuple(r.over for r in rows)
    rates = tuple(r.rate_bp for r in rows)
    if rates != CAPITAL_GAIN_RATES_BP:
        raise TaxDataError(f"{where}: the rates must be {CAPITAL_GAIN_RATES_BP} basis points")
    if floors[0] != 0 or any(a >= b for a, b in itertools.pairwise(floors)):
        raise TaxDataError(f"{where}: thresholds must start at 0 and increase")
    if any(f % 100 for f in floors):
        raise TaxDataError(f"{where}: thresholds must be whole dollars")
    if len({r.citation for r in rows}) != 1:
        raise TaxDataError(f"{where}: one citation per schedule")
    return GainSchedule(year, status, floors, rates, rows[0].citation, rows[0].source)


def _parse_gains(
    text: str, sources: Mapping[str, Source], years: Sequence[int]
) -> dict[tuple[int, str], GainSchedule]:
    """Every bracket year × filing status has its bands, and only those years."""
    grouped: dict[tuple[int, str], list[GainRow]] = {}
    for _line, row in parse_rows(
        text, "tax_capital_gains.csv", GainRow, TaxDataError, context={"sources": sources}
    ):
        grouped.setdefault((row.year, row.filing_status), []).append(row)
    schedules = {key: _gain_schedule(*key, rows) for key, rows in grouped.items()}
    wanted = {(year, status) for year in years for status in FILING_STATUSES}
    if set(schedules) != wanted:
        missing = sorted(wanted - set(schedules))
        extra = sorted(set(schedules) - wanted)
        raise TaxDataError(
            f"tax_capital_gains.csv: must cover the bracket years; missing {missing}, "
            f"not in tax_brackets.csv {extra}"
        )
    for year in years:
        joint, widow = schedules[(year, "married_joint")], schedules[(year, "surviving_spouse")]
        if joint.floors != widow.floors:  # § 1(j)(5)(B)(i): the joint amount for both
            raise TaxDataError(f"tax_capital_gains.csv {year}: surviving_spouse must equal joint")
    return schedules


def _check_rules(rules: Sequence[Rule]) -> None:
    """Every required rule present, with a value; each QPRI limit once on every day."""
    for key in REQUIRED_RULES:
        if not any(rule.key == key for rule in rules):
            raise TaxDataError(f"tax_rules.csv: missing rule {key!r}")
    for rule in rules:
        if rule.key != "qpri_window" and rule.value is None:
            raise TaxDataError(f"tax_rules.csv: {rule.key} needs a value")
    window = next(rule for rule in rules if rule.key == "qpri_window")
    if window.valid_from is None or window.valid_to is None:
        raise TaxDataError("tax_rules.csv: qpri_window needs both dates")
    for key in ("qpri_limit", "qpri_limit_mfs"):
        day = window.valid_from
        while day <= window.valid_to:  # every day of the window has exactly one limit
            matches = [r for r in rules if r.key == key and r.applies_on(day)]
            if len(matches) != 1:
                raise TaxDataError(f"tax_rules.csv: {key} must have one value on {day}")
            day = (matches[0].valid_to or window.valid_to) + dt.timedelta(days=1)


def _parse_rules(text: str, sources: Mapping[str, Source]) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for line, row in parse_rows(
        text, "tax_rules.csv", RuleRow, TaxDataError, context={"sources": sources}
    ):
        if row.valid_from and row.valid_to and row.valid_from > row.valid_to:
            raise TaxDataError(f"tax_rules.csv line {line}: valid_from after valid_to")
        value = None if row.value is None else from_cents(row.value)
        rules.append(Rule(row.key, value, row.valid_from, row.valid_to, row.citation, row.source))
    _check_rules(rules)
    return tuple(rules)


def _parse_event_codes(text: str, sources: Mapping[str, Source]) -> dict[str, EventCode]:
    codes: dict[str, EventCode] = {}
    name = "tax_event_codes.csv"
    for line, row in parse_rows(
        text, name, EventCodeRow, TaxDataError, context={"sources": sources}
    ):
        where = f"{name} line {line}"
        if row.code in codes:
            raise TaxDataError(f"{where}: unknown or duplicate code {row.code!r}")
        if row.meaning != EVENT_CODES[row.code]:
            raise TaxDataError(f"{where}: meaning differs from the translatable text")
        codes[row.code] = EventCode(row.code, row.meaning, row.citation, row.source)
    if set(codes) != set(EVENT_CODES):
        raise TaxDataError(f"{name}: codes must be {sorted(EVENT_CODES)}")
    return codes


def parse_tables(texts: Mapping[str, str]) -> TaxTables:
    """Parse and validate the data files given as text (keys as in ``DATA_FILES``, and
    ``sources`` for the bibliography)."""
    sources = parse_bibliography(texts["sources"], error=TaxDataError).sources
    schedules = _parse_brackets(texts["brackets"], sources)
    years = sorted({year for year, _ in schedules})
    return TaxTables(
        schedules=MappingProxyType(schedules),
        rules=_parse_rules(texts["rules"], sources),
        event_codes=MappingProxyType(_parse_event_codes(texts["event_codes"], sources)),
        sources=sources,
        gain_schedules=MappingProxyType(_parse_gains(texts["capital_gains"], sources, years)),
    )


def read_data_texts() -> dict[str, str]:
    """The raw text of the tax data files and of the bibliography they cite."""
    folder = resources.files(__package__ or "deficiency.rules.tax").joinpath("data")
    try:
        texts = {key: folder.joinpath(name).read_text("utf-8") for key, name in DATA_FILES.items()}
    except FileNotFoundError as exc:
        raise TaxDataError(f"tax data file missing: {exc.filename}") from None
    return {"sources": bibliography_text(), **texts}


@functools.cache
def load_tables() -> TaxTables:
    """The validated tax tables, read once on first use (never at import)."""
    return parse_tables(read_data_texts())
