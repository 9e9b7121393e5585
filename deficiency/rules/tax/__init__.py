"""Federal income tax on cancelled debt after a short sale, foreclosure, deed in lieu or
repossession: the Form 1099-C a borrower should expect, the gain or loss on the property,
the exclusions of IRC § 108 in their legal order, and an estimate of the extra federal tax.

Not tax advice: an estimate that applies the ordinary income tax brackets to the taxable
part of the cancelled debt. Every rule below is cited next to it, and every figure that
changes with the law (brackets, thresholds, limits, dates) lives in a data file with its
source (``deficiency/rules/tax/data/tax_*.csv``), loaded and validated on first use, never at
import.

How the publications treat each path (IRS Pub 4681 ch. 2-3, Pub 544 ch. 1):

* **Foreclosure, repossession, voluntary surrender, deed in lieu.** The transfer of the
  property to the lender is a sale or exchange, "even if you voluntarily return the
  property to the lender" (Pub 544); a deed in lieu "is treated as the exchange of
  property to satisfy a debt" (Pub 4681 ch. 3). The Worksheet for Foreclosures and
  Repossessions (Pub 4681 Table 1-1 = Pub 544 Table 1-2) applies:

  - recourse (personally liable): line 1 = debt relieved (debt immediately before the
    transfer less what you still owe after it); line 2 = fair market value; line 3 =
    ordinary income from cancelled debt = line 1 - line 2, not below 0; amount realized =
    the smaller of lines 1 and 2, plus proceeds paid to you (line 5);
  - nonrecourse: no cancellation-of-debt income; the whole debt relieved is the amount
    realized (Treas. Reg. § 1.1001-2(a)(4)(i), Commissioner v. Tufts), so a gain is
    possible even when the property is worth less than the debt.

* **Short sale.** You sell to a third party at arm's length; the amount realized is the
  sale price (the fair market value used is the sale price itself) and the shortfall the
  lender forgives is cancelled debt (recourse) or part of the amount realized
  (nonrecourse). The appraised value still goes in box 7 of Form 1099-C.

* **Lender's action** (from :mod:`deficiency.core.engine`): *collect* cancels nothing;
  *forgive* cancels the whole deficiency; *settle* cancels the deficiency less the
  settlement paid. What you still owe after the transfer reduces line 1 (Pub 4681).

* **Nonrecourse.** A loan the state bars a deficiency on behaves as nonrecourse (the
  state-law module says so through ``nonrecourse``; ``scenario.recourse`` overrides).
  Because the lender cannot collect, the deficiency counts as extinguished even when the
  action is *collect*; only a settlement actually paid is still owed.

Abandonment of property securing recourse debt has no gain or loss until the later
foreclosure (Pub 4681 ch. 3), which this module then treats as above.

Amounts are integer cents. The bracket tax, the exclusions and the extra tax are written
once, for Python ints and numpy int64 arrays alike: :func:`assess` calls them with ints
and :func:`tax_on_cancelled` (the what-if sweep) with arrays, so the two cannot drift.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from types import MappingProxyType
from typing import Any, TypeVar

import numpy as np

from deficiency.core.engine import Result, amounts_in_cents
from deficiency.core.money import cents_str, div_round_half_up, to_cents
from deficiency.core.scenario import FEE_KEYS, FILING_STATUSES, Scenario
from deficiency.rules.tables import DataFileError, Source, amount_cell, read_rows
from deficiency.text.markers import N_, Message

Cents = TypeVar("Cents", int, np.ndarray)

#: Rates are integer basis points: 2200 = 22%. Tax = Σ rate × amount / 10,000, rounded once.
BASIS_POINTS = 10_000
DATA_FILES: dict[str, str] = {
    "sources": "tax_sources.csv",
    "brackets": "tax_brackets.csv",
    "rules": "tax_rules.csv",
    "event_codes": "tax_event_codes.csv",
}
BRACKETS_PER_SCHEDULE = 7
EXCLUSION_KEYS: tuple[str, ...] = ("bankruptcy", "insolvency", "qpri")
DISPOSAL_PATHS = ("foreclosure", "deed_in_lieu", "repossession", "voluntary_surrender")
VITA_URL = "https://www.irs.gov/vita"
VITA_PHONE = "800-906-9887"


class TaxDataError(DataFileError):
    """A tax data file is missing, malformed, or inconsistent with its own source."""


# -- the data files -----------------------------------------------------------------------
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


#: Every event code the regulation lists, as translatable meanings (the CSV must match).
EVENT_CODES: dict[str, str] = {
    "A": N_("Bankruptcy"),
    "B": N_("Other judicial debt relief"),
    "C": N_("Statute of limitations or expiration of deficiency period"),
    "D": N_("Foreclosure election"),
    "E": N_("Debt relief from probate or similar proceeding"),
    "F": N_("By agreement"),
    "G": N_("Decision or policy to discontinue collection"),
    "H": N_("Other actual discharge before identifiable event"),
}

#: The box 6 sentence for each code, for the step list (whole sentences translate well).
BOX6_STEPS: dict[str, str] = {
    "A": N_("Box 6 (identifiable event) is usually code A, bankruptcy."),
    "B": N_(
        "Box 6 (identifiable event) is usually code B, other judicial debt relief: a court "
        "proceeding made the debt unenforceable."
    ),
    "C": N_(
        "Box 6 (identifiable event) is usually code C: the statute of limitations or the "
        "deficiency period expired."
    ),
    "D": N_(
        "Box 6 (identifiable event) is usually code D, foreclosure election: by choosing to "
        "foreclose or repossess, the lender lost the right to collect the rest."
    ),
    "E": N_("Box 6 (identifiable event) is usually code E, probate or a similar proceeding."),
    "F": N_(
        "Box 6 (identifiable event) is usually code F, by agreement: you and the lender agreed "
        "to settle the debt for less."
    ),
    "G": N_(
        "Box 6 (identifiable event) is usually code G: the lender decided, or has a policy, to "
        "stop collecting."
    ),
    "H": N_("Box 6 (identifiable event) is usually code H, another actual discharge."),
}

_REQUIRED_RULES = (
    "form_1099c_threshold",
    "sec121_limit",
    "sec121_limit_joint",
    "qpri_window",
    "qpri_limit",
    "qpri_limit_mfs",
)


def _rows(text: str, name: str, columns: Sequence[str]) -> list[dict[str, str]]:
    return [row for _line, row in read_rows(text, name, tuple(columns), TaxDataError)]


def _decimal(text: str, where: str) -> Decimal:
    return amount_cell(text, where, TaxDataError)


def _date(text: str, where: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise TaxDataError(f"{where}: {text!r} is not an ISO date") from None


def _source_ids(text: str, where: str, sources: Mapping[str, Source]) -> tuple[str, ...]:
    ids = tuple(part.strip() for part in text.split(";") if part.strip())
    if not ids:
        raise TaxDataError(f"{where}: no source")
    unknown = [i for i in ids if i not in sources]
    if unknown:
        raise TaxDataError(f"{where}: unknown source {unknown}")
    return ids


def _parse_sources(text: str) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for row in _rows(text, "tax_sources.csv", ("source", "title", "url", "tier", "note")):
        key = row["source"].strip()
        if not key or key in sources:
            raise TaxDataError(f"tax_sources.csv: empty or duplicate id {key!r}")
        if not row["url"].startswith("https://") or not row["title"].strip():
            raise TaxDataError(f"tax_sources.csv: {key}: needs a title and an https URL")
        sources[key] = Source(row["title"].strip(), row["url"].strip(), key)
    return sources


def _expected_base(floors: Sequence[int], rates: Sequence[int], i: int) -> int:
    """Tax at ``floors[i]`` from the rates below it (exact: floors are whole dollars)."""
    total = sum(rates[k] * (floors[k + 1] - floors[k]) for k in range(i))
    return div_round_half_up(total, BASIS_POINTS)


def _parse_brackets(text: str, sources: Mapping[str, Source]) -> dict[tuple[int, str], Schedule]:
    columns = ("year", "filing_status", "rate_bp", "over", "base_tax", "citation", "source")
    grouped: dict[tuple[int, str], list[dict[str, str]]] = {}
    for n, row in enumerate(_rows(text, "tax_brackets.csv", columns), start=2):
        where = f"tax_brackets.csv line {n}"
        if row["filing_status"] not in FILING_STATUSES:
            raise TaxDataError(f"{where}: unknown filing status {row['filing_status']!r}")
        if not row["year"].isdigit() or not row["rate_bp"].isdigit():
            raise TaxDataError(f"{where}: year and rate_bp must be whole numbers")
        grouped.setdefault((int(row["year"]), row["filing_status"]), []).append(
            {**row, "where": where}
        )
    schedules: dict[tuple[int, str], Schedule] = {}
    for (year, status), rows in grouped.items():
        where = f"tax_brackets.csv {year} {status}"
        floors = tuple(to_cents(_decimal(r["over"], r["where"])) for r in rows)
        rates = tuple(int(r["rate_bp"]) for r in rows)
        bases = tuple(to_cents(_decimal(r["base_tax"], r["where"])) for r in rows)
        if len(rows) != BRACKETS_PER_SCHEDULE:
            raise TaxDataError(f"{where}: expected {BRACKETS_PER_SCHEDULE} brackets")
        if floors[0] != 0 or any(a >= b for a, b in itertools.pairwise(floors)):
            raise TaxDataError(f"{where}: floors must start at 0 and increase")
        if any(a >= b for a, b in itertools.pairwise(rates)) or rates[-1] > 10_000:
            raise TaxDataError(f"{where}: rates must increase and stay below 100%")
        if any(f % 100 for f in floors):
            raise TaxDataError(f"{where}: floors must be whole dollars")
        for i, base in enumerate(bases):
            if _expected_base(floors, rates, i) != base:
                raise TaxDataError(
                    f"{where}: printed tax {cents_str(base)} at {cents_str(floors[i])} does "
                    f"not follow from the rates ({cents_str(_expected_base(floors, rates, i))})"
                )
        citations = {r["citation"] for r in rows}
        if len(citations) != 1 or not rows[0]["citation"].strip():
            raise TaxDataError(f"{where}: one citation per schedule")
        schedules[(year, status)] = Schedule(
            year=year,
            filing_status=status,
            floors=floors,
            rates_bp=rates,
            base_taxes=bases,
            citation=rows[0]["citation"],
            source_ids=_source_ids(rows[0]["source"], where, sources),
        )
    for year in {y for y, _ in schedules}:
        missing = [s for s in FILING_STATUSES if (year, s) not in schedules]
        if missing:
            raise TaxDataError(f"tax_brackets.csv {year}: missing filing statuses {missing}")
        joint, widow = schedules[(year, "married_joint")], schedules[(year, "surviving_spouse")]
        if (joint.floors, joint.rates_bp) != (widow.floors, widow.rates_bp):
            # IRC § 1(j)(2)(A): one table for joint returns and surviving spouses.
            raise TaxDataError(f"tax_brackets.csv {year}: surviving_spouse must equal joint")
    return schedules


def _parse_rules(text: str, sources: Mapping[str, Source]) -> tuple[Rule, ...]:
    columns = ("key", "value", "valid_from", "valid_to", "citation", "source", "note")
    rules: list[Rule] = []
    for n, row in enumerate(_rows(text, "tax_rules.csv", columns), start=2):
        where = f"tax_rules.csv line {n}"
        value = _decimal(row["value"], where) if row["value"] else None
        start, end = _date(row["valid_from"], where), _date(row["valid_to"], where)
        if start and end and start > end:
            raise TaxDataError(f"{where}: valid_from after valid_to")
        if not row["citation"].strip():
            raise TaxDataError(f"{where}: no citation")
        rules.append(
            Rule(
                row["key"],
                value,
                start,
                end,
                row["citation"],
                _source_ids(row["source"], where, sources),
            )
        )
    for key in _REQUIRED_RULES:
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
    return tuple(rules)


def _parse_event_codes(text: str, sources: Mapping[str, Source]) -> dict[str, EventCode]:
    codes: dict[str, EventCode] = {}
    for n, row in enumerate(
        _rows(text, "tax_event_codes.csv", ("code", "meaning", "citation", "source")), start=2
    ):
        where = f"tax_event_codes.csv line {n}"
        code = row["code"]
        if code in codes or code not in EVENT_CODES:
            raise TaxDataError(f"{where}: unknown or duplicate code {code!r}")
        if row["meaning"] != EVENT_CODES[code]:
            raise TaxDataError(f"{where}: meaning differs from the translatable text")
        codes[code] = EventCode(
            code, row["meaning"], row["citation"], _source_ids(row["source"], where, sources)
        )
    if set(codes) != set(EVENT_CODES):
        raise TaxDataError(f"tax_event_codes.csv: codes must be {sorted(EVENT_CODES)}")
    return codes


def parse_tables(texts: Mapping[str, str]) -> TaxTables:
    """Parse and validate the four data files given as text (keys as in ``DATA_FILES``).

    Validation is strict because a silent typo here becomes a wrong tax figure: every
    printed cumulative tax must follow from the rates, every row must cite a known source,
    each QPRI limit must cover its whole date window, and the event codes must match the
    translatable meanings in this module.
    """
    sources = _parse_sources(texts["sources"])
    return TaxTables(
        schedules=MappingProxyType(_parse_brackets(texts["brackets"], sources)),
        rules=_parse_rules(texts["rules"], sources),
        event_codes=MappingProxyType(_parse_event_codes(texts["event_codes"], sources)),
        sources=MappingProxyType(sources),
    )


def read_data_texts() -> dict[str, str]:
    """The raw text of the data files shipped in ``deficiency/rules/tax/data``."""
    folder = resources.files(__name__).joinpath("data")
    try:
        return {key: folder.joinpath(name).read_text("utf-8") for key, name in DATA_FILES.items()}
    except FileNotFoundError as exc:
        raise TaxDataError(f"tax data file missing: {exc.filename}") from None


@functools.cache
def load_tables() -> TaxTables:
    """The validated tax tables, read once on first use (never at import)."""
    return parse_tables(read_data_texts())


# -- the bracket tax: ints and int64 arrays alike ---------------------------------------
def _back(value: Any, scalar: bool) -> Any:
    """Hand scalars back as ``int`` and arrays as int64 (the formulas.py convention)."""
    return int(value) if scalar else np.asarray(value, dtype=np.int64)


def _raw_tax(income: Any, schedule: Schedule) -> Any:
    """Σ rate_bp × (income within each bracket): exact, in 1/10,000 of a cent."""
    x = np.maximum(np.asarray(income, dtype=np.int64), 0)
    total = np.zeros(np.shape(x), dtype=np.int64)
    floors, rates = schedule.floors, schedule.rates_bp
    for i, (floor, rate) in enumerate(zip(floors, rates, strict=True)):
        width = floors[i + 1] - floor if i + 1 < len(floors) else None
        span = np.maximum(x - floor, 0)
        if width is not None:
            span = np.minimum(span, width)
        total = total + span * rate
    return total


def tax_on(income_cents: Cents, schedule: Schedule) -> Cents:
    """Tax on ``income_cents`` under one schedule, rounded half up to the cent once.

    Rounding once at the end equals the rate tables' "$X plus R% of the excess over $B"
    because every $X is exact (whole-dollar floors × whole-percent rates).
    """
    scalar = np.ndim(income_cents) == 0
    raw = _raw_tax(income_cents, schedule)
    if scalar:
        return div_round_half_up(int(raw), BASIS_POINTS)
    return div_round_half_up(np.asarray(raw, dtype=np.int64), BASIS_POINTS)


def federal_tax(income_cents: Cents, filing_status: str, year: int) -> Cents:
    """Regular federal income tax on taxable income (cents), exact to the cent.

    IRC § 1(j)(2) tables as indexed by the year's revenue procedure (2024: Rev. Proc.
    2023-34 § 3.01; 2025: Rev. Proc. 2024-40 § 2.01; 2026: Rev. Proc. 2025-32 § 4.01). The
    exact formula is used at every income (the IRS Tax Table's $50 rows below $100,000
    differ from it by a few dollars). Negative income is taxed as 0.
    """
    return tax_on(income_cents, load_tables().schedule(year, filing_status))


def extra_tax(base_income: Cents, added: Cents, filing_status: str, year: int) -> Cents:
    """tax(base + added) − tax(base): the tax that ``added`` income brings, exact."""
    schedule = load_tables().schedule(year, filing_status)
    scalar = np.ndim(base_income) == 0 and np.ndim(added) == 0
    base = np.asarray(base_income, dtype=np.int64) if not scalar else int(base_income)
    more = np.asarray(added, dtype=np.int64) if not scalar else int(added)
    return _back(tax_on(base + more, schedule) - tax_on(base, schedule), scalar)


def marginal_rate_bp(income_cents: Cents, filing_status: str, year: int) -> Cents:
    """The rate (basis points) on the last cent of ``income_cents``; the first rate at 0."""
    schedule = load_tables().schedule(year, filing_status)
    scalar = np.ndim(income_cents) == 0
    index = np.searchsorted(np.asarray(schedule.floors), income_cents, side="left") - 1
    index = np.clip(index, 0, len(schedule.floors) - 1)
    return _back(np.asarray(schedule.rates_bp)[index], scalar)


def format_rate(rate_bp: int) -> str:
    """Basis points as the JSON's percent string: 2200 → "22%", 1250 → "12.5%"."""
    whole, frac = divmod(int(rate_bp), 100)
    return f"{whole}%" if not frac else f"{whole}.{frac:02d}".rstrip("0") + "%"


# -- the insolvency worksheet (Pub 4681, "Insolvency Worksheet") ---------------------------
@dataclass(frozen=True)
class WorksheetLine:
    """One line of the Pub 4681 insolvency worksheet: its number, a key, a msgid label."""

    line: int
    key: str
    label: str


#: Pub 4681 Insolvency Worksheet, Part I (lines 1-14, total line 15) and Part II (lines
#: 16-36, total line 37); Part III line 38 = line 15 - line 37. Lines 1-28 checked against
#: copies of the IRS worksheet; lines 29-36 wording from a transcription (see the report).
#: Values are taken immediately before the cancellation (IRC § 108(d)(3)).
INSOLVENCY_CATEGORIES: dict[str, tuple[WorksheetLine, ...]] = {
    "liabilities": (
        WorksheetLine(1, "credit_cards", N_("Credit card debt")),
        WorksheetLine(
            2, "mortgages", N_("Mortgages on real property, including home equity loans")
        ),
        WorksheetLine(3, "vehicle_loans", N_("Car and other vehicle loans")),
        WorksheetLine(4, "medical", N_("Medical bills owed")),
        WorksheetLine(5, "student_loans", N_("Student loans")),
        WorksheetLine(6, "mortgage_interest", N_("Accrued or past-due mortgage interest")),
        WorksheetLine(7, "real_estate_taxes", N_("Accrued or past-due real estate taxes")),
        WorksheetLine(8, "utilities", N_("Accrued or past-due utilities (water, gas, electric)")),
        WorksheetLine(9, "child_care", N_("Accrued or past-due child care costs")),
        WorksheetLine(
            10, "income_taxes", N_("Federal or state income taxes still due for prior years")
        ),
        WorksheetLine(11, "judgments", N_("Judgments")),
        WorksheetLine(12, "business_debts", N_("Business debts (as a sole proprietor or partner)")),
        WorksheetLine(
            13,
            "investment_debts",
            N_(
                "Margin debt and other debt to buy or secured by investments other than "
                "real property"
            ),
        ),
        WorksheetLine(14, "other_liabilities", N_("Other liabilities not included above")),
    ),
    "assets": (
        WorksheetLine(16, "cash", N_("Cash and bank account balances")),
        WorksheetLine(17, "real_property", N_("Real property, including land")),
        WorksheetLine(18, "vehicles", N_("Cars and other vehicles")),
        WorksheetLine(19, "computers", N_("Computers")),
        WorksheetLine(20, "household_goods", N_("Household goods and furnishings")),
        WorksheetLine(21, "tools", N_("Tools")),
        WorksheetLine(22, "jewelry", N_("Jewelry")),
        WorksheetLine(23, "clothing", N_("Clothing")),
        WorksheetLine(24, "books", N_("Books")),
        WorksheetLine(25, "stocks_bonds", N_("Stocks and bonds")),
        WorksheetLine(26, "collectibles", N_("Coins, stamps, paintings and other collectibles")),
        WorksheetLine(
            27, "hobby_equipment", N_("Firearms, sports, photographic and other hobby equipment")
        ),
        WorksheetLine(
            28,
            "retirement_accounts",
            N_("Interest in retirement accounts (IRA, 401(k) and others)"),
        ),
        WorksheetLine(29, "pension", N_("Interest in a pension plan")),
        WorksheetLine(30, "education_accounts", N_("Interest in education accounts")),
        WorksheetLine(31, "life_insurance", N_("Cash value of life insurance")),
        WorksheetLine(
            32, "security_deposits", N_("Security deposits with landlords, utilities and others")
        ),
        WorksheetLine(33, "partnerships", N_("Interests in partnerships")),
        WorksheetLine(34, "business_value", N_("Value of investment in a business")),
        WorksheetLine(
            35,
            "other_investments",
            N_(
                "Other investments (annuities, mutual funds, commodity accounts, options "
                "and similar)"
            ),
        ),
        WorksheetLine(36, "other_assets", N_("Other assets not included above")),
    ),
}
INSOLVENCY_TOTAL_LINES: dict[str, int] = {"liabilities": 15, "assets": 37, "insolvency": 38}
INSOLVENCY_TITLES: dict[str, str] = {
    "liabilities": N_("Total liabilities immediately before the cancellation"),
    "assets": N_("Fair market value of all assets immediately before the cancellation"),
    "insolvency": N_(
        "Amount of insolvency (liabilities minus assets; zero or less means not insolvent)"
    ),
}


def insolvency_amount(total_liabilities: int | None, total_assets: int | None) -> int:
    """IRC § 108(d)(3): liabilities − FMV of assets, immediately before the discharge.

    0 when either is unknown or when the taxpayer was not insolvent (liabilities not above
    assets): the exclusion then cannot apply.
    """
    if total_liabilities is None or total_assets is None:
        return 0
    return max(0, total_liabilities - total_assets)


def qpri_exclusion(cancelled: Cents, loan_before: Cents, qpri_debt: Cents) -> Cents:
    """IRC § 108(h)(4) ordering rule: only the amount discharged above the part of the loan
    that is *not* qualified principal residence indebtedness can be excluded.

    ``loan_before`` is the loan immediately before the discharge; ``qpri_debt`` the part of
    it that qualifies (acquisition debt, capped at the § 108(h)(2) limit). Pub 525 (2025)
    Example 24: loan $900,000 of which $700,000 qualifies, $300,000 cancelled → $100,000.
    """
    scalar = np.ndim(cancelled) == 0
    non_qpri = np.maximum(0, np.asarray(loan_before) - qpri_debt)
    amount = np.minimum(cancelled, np.maximum(np.asarray(cancelled) - non_qpri, 0))
    return _back(amount, scalar)


# -- the facts of one scenario -------------------------------------------------------------
@dataclass(frozen=True)
class TaxFacts:
    """The scalar facts of one scenario that every vectorized step shares (cents, dates).

    Built by :func:`tax_facts`; :func:`assess` and :func:`tax_on_cancelled` both start
    from it, so a sweep and a single scenario see the same debt, FMV, limits and dates.
    """

    tables: TaxTables
    discharge_date: dt.date
    tax_year: int
    bracket_year: int
    filing_status: str
    base_income: int
    recourse: bool
    recourse_reason: str
    debt: int  # owed immediately before the transfer: balance + fees − credits
    sale: int
    fmv_used: int
    fmv_box7: int
    bankruptcy: bool
    qpri_eligible: bool
    qpri_in_window: bool
    qpri_limit: int
    non_qpri: int
    insolvency: int


def resolve_recourse(scenario: Scenario, nonrecourse: bool | None) -> tuple[bool, str]:
    """(recourse?, why): the user's ``recourse`` key wins, then the state-law result.

    Reasons: ``"user"``, ``"state"`` (the state module decided either way) or ``"default"``
    (nothing known: personal liability is the usual case for a mortgage or car loan).
    """
    if scenario.recourse is not None:
        return scenario.recourse, "user"
    if nonrecourse is not None:
        return not nonrecourse, "state"
    return True, "default"


def discharge_date(scenario: Scenario, today: dt.date | None = None) -> dt.date:
    """``discharge_date``, else ``sale_date``, else today: it fixes the tax year and QPRI."""
    return scenario.discharge_date or scenario.sale_date or today or dt.date.today()


def _qpri_eligible(scenario: Scenario) -> bool:
    """QPRI needs a mortgage on the main home (IRC § 108(h)(2), (5)); a home-equity loan
    is not acquisition debt unless used to buy, build or substantially improve the home,
    which we cannot know, so it is left out (and the step says so)."""
    return scenario.loan == "mortgage" and scenario.main_home and not scenario.home_equity


def _fmv_figures(scenario: Scenario, sale: Cents) -> tuple[Cents, Cents]:
    """(box 7 FMV, FMV used on the worksheet) for a sale price (int or int64 array).

    Box 7 is the stated FMV, else the sale price; a short sale is an arm's-length sale, so
    its price is the FMV the worksheet uses.
    """
    box7 = to_cents(scenario.fmv) if scenario.fmv is not None else sale
    used = sale if scenario.path == "short_sale" else box7
    return box7, used


def tax_facts(
    scenario: Scenario, nonrecourse: bool | None = None, today: dt.date | None = None
) -> TaxFacts:
    """Collect the facts of ``scenario`` (see :class:`TaxFacts`)."""
    tables = load_tables()
    day = discharge_date(scenario, today)
    amounts = amounts_in_cents(scenario)
    owed = amounts["balance"] + sum(amounts[key] for key in FEE_KEYS)
    debt = max(0, owed - amounts["credits"])
    sale = amounts["sale_price"]
    fmv_box7, fmv_used = _fmv_figures(scenario, sale)
    recourse, reason = resolve_recourse(scenario, nonrecourse)
    first, last = tables.qpri_window()
    in_window = first <= day <= last
    limit_key = "qpri_limit_mfs" if scenario.filing_status == "married_separate" else "qpri_limit"
    # Outside the window the last limit is kept for display (a written arrangement made
    # before 2026 keeps the exclusion, with the post-2020 limit).
    limit_day = min(max(day, first), last)
    limit = tables.cents(limit_key, limit_day)
    eligible = _qpri_eligible(scenario)
    return TaxFacts(
        tables=tables,
        discharge_date=day,
        tax_year=day.year,
        bracket_year=tables.bracket_year(day.year),
        filing_status=scenario.filing_status,
        base_income=to_cents(scenario.taxable_income),
        recourse=recourse,
        recourse_reason=reason,
        debt=debt,
        sale=sale,
        fmv_used=fmv_used,
        fmv_box7=fmv_box7,
        bankruptcy=scenario.bankruptcy != "none",
        qpri_eligible=eligible,
        qpri_in_window=in_window,
        qpri_limit=limit,
        # The loan immediately before the discharge is the debt before the sale
        # (Pub 525 Example 24); the qualifying part is capped at the limit.
        non_qpri=max(0, debt - limit),
        insolvency=insolvency_amount(
            to_cents(scenario.total_liabilities)
            if scenario.total_liabilities is not None
            else None,
            to_cents(scenario.total_assets) if scenario.total_assets is not None else None,
        ),
    )


# -- the vectorized chain: cancelled → COD income → exclusions → tax -----------------------
def _relieved(cancelled: Cents, facts: TaxFacts) -> Cents:
    """Worksheet line 1 (or 4): debt relieved = what the sale paid off + what is cancelled.

    With a deficiency the sale paid off ``sale`` and the debt was larger; with a surplus
    the whole (smaller) debt was paid off. Either way: min(debt, sale) + cancelled.
    """
    return np.minimum(facts.debt, facts.sale) + cancelled


def cod_income(cancelled: Cents, facts: TaxFacts) -> Cents:
    """Ordinary income from cancelled debt, worksheet line 3 (recourse only).

    line 1 − line 2 = debt relieved − FMV, not below 0 (Pub 4681 Table 1-1). With the
    FMV equal to the sale price this is exactly the cancelled amount; an FMV below the
    price the sale credited adds the difference, one above it moves part of the
    cancelled debt into the amount realized. Nonrecourse: always 0 (Pub 544).
    """
    scalar = np.ndim(cancelled) == 0
    if not facts.recourse:
        return _back(np.zeros(np.shape(cancelled), dtype=np.int64), scalar)
    return _back(np.maximum(_relieved(cancelled, facts) - facts.fmv_used, 0), scalar)


def split_exclusions(cod: Cents, facts: TaxFacts) -> dict[str, Cents]:
    """Exclusions in the order of IRC § 108(a)(2), and what stays taxable.

    1. Title 11 (bankruptcy) first, and then nothing else applies (§ 108(a)(2)(A)).
    2. Qualified principal residence indebtedness before insolvency (§ 108(a)(2)(C):
       insolvency does not apply to a discharge QPRI covers unless the taxpayer elects);
       only the amount above the non-qualifying part of the loan (§ 108(h)(4)).
    3. Insolvency, up to the amount insolvent (§ 108(a)(3)), on what remains.
    Farm and real property business debt (§ 108(a)(1)(C), (D)) are not estimated.
    """
    scalar = np.ndim(cod) == 0
    cod_arr = np.asarray(cod, dtype=np.int64)
    zero = np.zeros(np.shape(cod_arr), dtype=np.int64)
    bankruptcy = cod_arr if facts.bankruptcy else zero
    rest = cod_arr - bankruptcy
    qpri = zero
    if facts.qpri_eligible and facts.qpri_in_window:
        qualifying = np.minimum(facts.debt, facts.qpri_limit)
        qpri = np.minimum(rest, qpri_exclusion(cod_arr, facts.debt, qualifying))
    rest = rest - qpri
    insolvency = np.minimum(rest, facts.insolvency)
    taxable = rest - insolvency
    return {
        "bankruptcy": _back(bankruptcy, scalar),
        "insolvency": _back(insolvency, scalar),
        "qpri": _back(qpri, scalar),
        "taxable": _back(taxable, scalar),
    }


def cancelled_for_tax(
    deficiency: Cents, borrower_owes: Cents, recourse: bool, action: str
) -> Cents:
    """The debt the tax rules treat as cancelled, for one scenario or a sweep.

    What the lender forgives is cancelled; and a nonrecourse deficiency (one the lender
    cannot collect, e.g. barred by state law) is extinguished unless the borrower settles
    it, so all of it counts as relieved (Pub 4681: the whole debt is amount realized).
    """
    keeps = recourse or action == "settle"
    owes_after = borrower_owes if keeps else np.zeros_like(borrower_owes)
    cancelled = np.maximum(np.asarray(deficiency) - owes_after, 0)
    if np.ndim(cancelled) == 0:
        return int(cancelled)
    return cancelled.astype(np.int64)


def tax_on_cancelled(
    cancelled_cents: Cents | Sequence[int],
    scenario: Scenario,
    nonrecourse: bool | None = None,
    *,
    today: dt.date | None = None,
    sale_price: Cents | None = None,
    debt: Cents | None = None,
) -> np.ndarray:
    """Estimated extra federal tax (int64 cents) for each cancelled amount, all else fixed.

    ``sale_price`` (int64 cents, broadcastable) sweeps the sale too: it moves the debt
    the sale paid off and, without a stated FMV, the FMV on the worksheet. ``debt``
    (balance + fees − credits, per point) sweeps what was owed, for fee or balance axes.

    The what-if sweep's tax line: the same :func:`cod_income`, :func:`split_exclusions`
    and :func:`extra_tax` that :func:`assess` runs, over an array of cancelled amounts.
    """
    facts = tax_facts(scenario, nonrecourse, today)
    if sale_price is not None:
        sale = np.asarray(sale_price, dtype=np.int64)
        box7, used = _fmv_figures(scenario, sale)
        facts = dataclasses.replace(facts, sale=sale, fmv_used=used, fmv_box7=box7)
    if debt is not None:
        owed = np.asarray(debt, dtype=np.int64)
        facts = dataclasses.replace(
            facts, debt=owed, non_qpri=np.maximum(0, owed - facts.qpri_limit)
        )
    cancelled = np.asarray(cancelled_cents, dtype=np.int64)
    taxable = split_exclusions(cod_income(cancelled, facts), facts)["taxable"]
    tax = extra_tax(
        np.full(np.shape(cancelled), facts.base_income, dtype=np.int64),
        np.asarray(taxable, dtype=np.int64),
        facts.filing_status,
        facts.bracket_year,
    )
    return np.asarray(tax, dtype=np.int64)


# -- the result ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Form1099C:
    """What the lender's Form 1099-C should show (Instructions for Forms 1099-A and 1099-C)."""

    expected: bool
    box2_cancelled: int
    box5_personally_liable: bool
    box6_code: str | None
    box7_fmv: int


@dataclass(frozen=True)
class TaxResult:
    """The federal tax picture of one scenario. Amounts in integer cents.

    ``gain`` is negative for a loss and None when the basis is unknown. ``excluded`` maps
    ``bankruptcy``/``insolvency``/``qpri`` to cents. ``steps`` explain the figures in
    order for the Tax page; ``notes`` hold the state-tax and professional-help notes.
    """

    tax_year: int
    bracket_year: int
    discharge_date: dt.date
    recourse: bool
    recourse_reason: str
    form_1099c_expected: bool
    form_1099c: Form1099C
    debt_relieved: int
    fmv: int
    proceeds: int
    amount_realized: int
    basis: int | None
    gain: int | None
    section121_excluded: int
    taxable_gain: int | None
    cancelled_debt: int
    cod_income: int
    excluded: Mapping[str, int]
    insolvency: int
    taxable_cancelled_debt: int
    estimated_federal_tax: int
    marginal_rate_bp: int
    form982_lines: tuple[str, ...]
    steps: tuple[Message, ...]
    notes: tuple[Message, ...]
    sources: tuple[Source, ...]

    @property
    def excluded_total(self) -> int:
        return sum(self.excluded.values())

    @property
    def marginal_rate(self) -> str:
        """The rate on the last dollar of taxable income with the cancelled debt: "22%"."""
        return format_rate(self.marginal_rate_bp)

    def as_json(self) -> dict[str, Any]:
        """The tax section of the JSON report: amounts as "1234.56", the rate as "22%"."""
        return {
            "form_1099c_expected": self.form_1099c_expected,
            "amount_realized": cents_str(self.amount_realized),
            "gain": None if self.gain is None else cents_str(self.gain),
            "cancelled_debt": cents_str(self.cancelled_debt),
            "cod_income": cents_str(self.cod_income),
            "excluded": {key: cents_str(self.excluded[key]) for key in EXCLUSION_KEYS},
            "taxable_cancelled_debt": cents_str(self.taxable_cancelled_debt),
            "estimated_federal_tax": cents_str(self.estimated_federal_tax),
            "marginal_rate": self.marginal_rate,
            "sources": [source.as_json() for source in self.sources],
        }


# -- messages (translatable; the shell renders them) -----------------------------------------
STATE_TAX_NOTE = Message(
    N_(
        "State income tax is not estimated. Your state may tax cancelled debt differently "
        "from the federal rules (some do not follow the main-home exclusion)."
    )
)
PROFESSIONAL_NOTE = Message(
    N_(
        "This is an estimate, not tax advice. Talk to a tax professional before you file. "
        "Free help: IRS Volunteer Income Tax Assistance (VITA) and Tax Counseling for the "
        "Elderly (TCE), {url} or {phone}."
    ),
    {"url": VITA_URL, "phone": VITA_PHONE},
)

PATH_STEPS: dict[str, str] = {
    "short_sale": N_(
        "Short sale: you sell the property yourself and the lender is paid from the sale. "
        "The sale price is the amount realized; a shortfall the lender forgives is "
        "cancelled debt."
    ),
    "foreclosure": N_(
        "Foreclosure: for tax purposes the property is treated as sold, and the worksheet "
        "for foreclosures and repossessions in IRS Publication 4681 applies."
    ),
    "deed_in_lieu": N_(
        "Deed in lieu of foreclosure: handing the property to the lender is an exchange of "
        "the property to pay the debt, figured like a foreclosure."
    ),
    "repossession": N_(
        "Repossession: for tax purposes the property is treated as sold, and the worksheet "
        "for foreclosures and repossessions in IRS Publication 4681 applies."
    ),
    "voluntary_surrender": N_(
        "Voluntary surrender: returning the property yourself is treated as a repossession, "
        "that is, as a sale."
    ),
}
RECOURSE_STEPS: dict[tuple[bool, str], str] = {
    (True, "user"): N_("The loan is treated as recourse, as you said: you were personally liable."),
    (False, "user"): N_(
        "The loan is treated as nonrecourse, as you said: you were not personally liable."
    ),
    (True, "state"): N_(
        "The loan is treated as recourse: state law lets the lender collect a deficiency, "
        "so you were personally liable."
    ),
    (False, "state"): N_(
        "The loan is treated as nonrecourse: state law bars the lender from collecting a "
        "deficiency, so you were not personally liable for the shortfall."
    ),
    (True, "default"): N_(
        "The loan is treated as recourse (you were personally liable), the usual case. If "
        "you were not, set “recourse” to no."
    ),
}


def _event_code(scenario: Scenario, recourse: bool) -> str:
    """The identifiable event that usually fits (Treas. Reg. § 1.6050P-1(b)(2)(i)).

    Bankruptcy → A. A settlement, or a short sale or deed in lieu whose approval waives the
    rest → F (agreement at less than full consideration). A deficiency barred by statute
    after the lender chose to foreclose or repossess → D, or B when a court foreclosure
    made it unenforceable. Otherwise the lender's decision to stop collecting → G.
    """
    if scenario.bankruptcy != "none":
        return "A"
    if scenario.action == "settle" or scenario.path in ("short_sale", "deed_in_lieu"):
        return "F"
    if not recourse:
        return "B" if scenario.foreclosure == "judicial" else "D"
    return "G"


def _money(msgid: str, **cents: int) -> Message:
    return Message(msgid, money={key: int(value) for key, value in cents.items()})


def _sources(tables: TaxTables, ids: Sequence[str]) -> tuple[Source, ...]:
    seen: dict[str, Source] = {}
    for key in ids:
        if key not in seen:
            seen[key] = tables.sources[key]
    return tuple(seen.values())


def assess(
    scenario: Scenario,
    result: Result,
    nonrecourse: bool | None = None,
    *,
    today: dt.date | None = None,
) -> TaxResult:
    """The federal tax consequences of ``result`` (from ``evaluate(scenario)``).

    ``nonrecourse`` is the state-law module's answer (True when the state bars a
    deficiency); ``scenario.recourse`` overrides it; with neither the loan is recourse.
    ``today`` fixes the tax year when the scenario has no discharge or sale date.
    """
    facts = tax_facts(scenario, nonrecourse, today)
    tables = facts.tables
    steps: list[Message] = []
    source_ids: list[str] = ["pub_4681", "pub_544"]

    # 1. The transaction and personal liability.
    steps.append(Message(PATH_STEPS[scenario.path or "short_sale"]))
    steps.append(Message(RECOURSE_STEPS[(facts.recourse, facts.recourse_reason)]))

    # 2. What stays owed and what is cancelled. A nonrecourse deficiency cannot be
    # collected, so only a settlement actually paid is still owed.
    if facts.recourse or scenario.action == "settle":
        owes_after = result.borrower_owes
    else:
        owes_after = 0
        if result.borrower_owes:
            steps.append(
                _money(
                    N_(
                        "The lender cannot collect the deficiency of {deficiency} from you, "
                        "so it is treated as extinguished."
                    ),
                    deficiency=result.borrower_owes,
                )
            )
    cancelled = int(
        cancelled_for_tax(result.deficiency, result.borrower_owes, facts.recourse, scenario.action)
    )
    if scenario.action == "settle":
        steps.append(
            _money(
                N_("Settlement: you pay {paid} and the lender cancels the rest, {cancelled}."),
                paid=owes_after,
                cancelled=cancelled,
            )
        )
    elif cancelled:
        steps.append(
            _money(N_("The lender cancels the deficiency: {cancelled}."), cancelled=cancelled)
        )
    elif result.deficiency:
        steps.append(
            _money(
                N_(
                    "The lender collects the deficiency ({owed}); nothing is cancelled now. "
                    "If it forgives the debt later, that amount becomes cancelled debt then."
                ),
                owed=result.deficiency,
            )
        )

    # 3. The worksheet (Pub 4681 Table 1-1 / Pub 544 Table 1-2).
    relieved = int(_relieved(cancelled, facts))
    proceeds = result.surplus
    cod = int(cod_income(cancelled, facts))
    if facts.recourse:
        realized = min(relieved, facts.fmv_used) + proceeds
        steps.append(
            _money(
                N_(
                    "Line 1, debt relieved (what you owed before the transfer minus what you "
                    "still owe after it): {debt}. Line 2, fair market value: {fmv}."
                ),
                debt=relieved,
                fmv=facts.fmv_used,
            )
        )
        steps.append(
            _money(
                N_(
                    "Line 3, ordinary income from cancelled debt (line 1 minus line 2, not "
                    "below zero): {cod}."
                ),
                cod=cod,
            )
        )
        steps.append(
            _money(
                N_(
                    "Amount realized: the smaller of line 1 and line 2, plus sale proceeds "
                    "paid to you ({proceeds}): {amount}."
                ),
                proceeds=proceeds,
                amount=realized,
            )
        )
        if cod < cancelled:
            steps.append(
                _money(
                    N_(
                        "The lender cancels {cancelled}, but only the part of the debt above "
                        "the property's fair market value, {cod}, is income from cancelled "
                        "debt; the rest counts in the amount realized."
                    ),
                    cancelled=cancelled,
                    cod=cod,
                )
            )
        elif cod > cancelled:
            steps.append(
                _money(
                    N_(
                        "The sale credited more than the property's fair market value; the "
                        "difference, {extra}, is also income from cancelled debt."
                    ),
                    extra=cod - cancelled,
                )
            )
        source_ids.append("reg_1_1001_2")
    else:
        realized = relieved + proceeds
        steps.append(
            _money(
                N_(
                    "You were not personally liable, so there is no income from cancelled "
                    "debt. The whole debt relieved ({debt}) plus sale proceeds paid to you "
                    "({proceeds}) is the amount realized: {amount}."
                ),
                debt=relieved,
                proceeds=proceeds,
                amount=realized,
            )
        )
        source_ids.append("reg_1_1001_2")

    # 4. Gain or loss on the property, and the main-home gain exclusion (§ 121).
    main_home_loan = scenario.loan == "mortgage" and scenario.main_home
    basis = to_cents(scenario.basis) if scenario.basis is not None else None
    gain: int | None = None
    sec121 = 0
    taxable_gain: int | None = None
    if basis is None:
        steps.append(
            Message(
                N_(
                    "Gain or loss is not figured: enter your adjusted basis (usually what you "
                    "paid plus improvements, minus any depreciation) to see it."
                )
            )
        )
    else:
        gain = realized - basis
        if gain >= 0:
            msgid = N_("Amount realized {amount} minus adjusted basis {basis}: a gain of {gain}.")
        else:
            msgid = N_("Amount realized {amount} minus adjusted basis {basis}: a loss of {gain}.")
        steps.append(_money(msgid, amount=realized, basis=basis, gain=abs(gain)))
        if gain > 0:
            taxable_gain = gain
            if main_home_loan:
                joint = scenario.filing_status == "married_joint"
                limit = tables.cents("sec121_limit_joint" if joint else "sec121_limit")
                sec121 = min(gain, limit)
                taxable_gain = gain - sec121
                steps.append(
                    _money(
                        N_(
                            "Up to {limit} of gain on your main home is excluded if you owned "
                            "and lived in it for at least 2 of the last 5 years: {excluded} "
                            "excluded, {taxable} remains."
                        ),
                        limit=limit,
                        excluded=sec121,
                        taxable=taxable_gain,
                    )
                )
                if scenario.filing_status == "surviving_spouse":  # IRC § 121(b)(4)
                    steps.append(
                        _money(
                            N_(
                                "A surviving spouse who sells within 2 years after the spouse's "
                                "death may exclude up to {limit}."
                            ),
                            limit=tables.cents("sec121_limit_joint"),
                        )
                    )
                source_ids += ["irc_121", "pub_523"]
            if taxable_gain:
                steps.append(
                    _money(
                        N_(
                            "A taxable gain of {gain} is a capital gain, taxed at its own "
                            "rates; it is not included in the estimate below."
                        ),
                        gain=taxable_gain,
                    )
                )
        elif gain < 0:
            if scenario.loan == "mortgage" and not scenario.main_home:
                msgid = N_(
                    "Loss: {loss}. A loss on personal-use property (such as a second home) is "
                    "not deductible; on rental, business or investment property it may be. "
                    "Ask a tax professional."
                )
            else:
                msgid = N_(
                    "Loss: {loss}. A loss on your home, your car or other personal-use "
                    "property is not deductible."
                )
            steps.append(_money(msgid, loss=-gain))
        else:
            steps.append(Message(N_("No gain or loss.")))

    # 5. Form 1099-C (Treas. Reg. § 1.6050P-1; Instructions for Forms 1099-A and 1099-C).
    threshold = tables.cents("form_1099c_threshold")
    code = _event_code(scenario, facts.recourse) if cancelled else None
    expected = cancelled >= threshold and not facts.bankruptcy
    form = Form1099C(expected, cancelled, facts.recourse, code, facts.fmv_box7)
    source_ids += ["reg_1_6050p_1", "i1099ac"]
    if expected:
        steps.append(
            _money(
                N_(
                    "Form 1099-C expected: the lender cancels {amount}, at least {threshold}. "
                    "Box 2 should show {amount} and box 7 the fair market value, {fmv}."
                ),
                amount=cancelled,
                threshold=threshold,
                fmv=facts.fmv_box7,
            )
        )
        steps.append(
            Message(
                N_("Box 5 (personally liable) should be checked.")
                if facts.recourse
                else N_("Box 5 (personally liable) should not be checked.")
            )
        )
        steps.append(Message(BOX6_STEPS[str(code)]))
        steps.append(
            Message(
                N_(
                    "Only banks, credit unions, federal agencies and other lenders in the "
                    "business of lending must send Form 1099-C; cancelled debt counts "
                    "whether or not a form arrives."
                )
            )
        )
    elif cancelled and facts.bankruptcy:
        steps.append(
            Message(
                N_(
                    "No Form 1099-C is required for a debt discharged in bankruptcy (unless it "
                    "was a business or investment debt), but the lender may still send one, "
                    "with code A."
                )
            )
        )
    elif cancelled:
        steps.append(
            _money(
                N_(
                    "No Form 1099-C is expected: {amount} is below the {threshold} reporting "
                    "threshold. It is still income from cancelled debt and belongs on your "
                    "return unless an exclusion applies."
                ),
                amount=cancelled,
                threshold=threshold,
            )
        )
    if cancelled and not facts.recourse:
        steps.append(
            Message(
                N_(
                    "Because you were not personally liable, the cancelled amount is not income "
                    "from cancelled debt; it is part of the amount realized above."
                )
            )
        )

    # 6. Exclusions, in the order of IRC § 108(a)(2).
    parts = split_exclusions(cod, facts)
    excluded = {key: int(parts[key]) for key in EXCLUSION_KEYS}
    taxable = int(parts["taxable"])
    lines: list[str] = []
    if cod:
        source_ids.append("irc_108")
        if facts.qpri_eligible and not facts.bankruptcy:
            source_ids += ["pub_525", "pl_116_260", "pl_119_21"]
        steps.extend(_exclusion_steps(scenario, facts, cod, excluded))
        for key, line in (("bankruptcy", "1a"), ("insolvency", "1b"), ("qpri", "1e")):
            if excluded[key]:
                lines.append(line)
        if lines:
            lines.append("2")
            source_ids.append("f982")
            steps.append(
                Message(
                    N_("Form 982: check line {lines} and enter {total} on line 2."),
                    {"lines": ", ".join(lines[:-1])},
                    money={"total": sum(excluded.values())},
                )
            )
            steps.append(
                Message(
                    N_(
                        "Excluded debt is not free: amounts excluded for bankruptcy or "
                        "insolvency reduce tax attributes (loss and credit carryovers, the basis "
                        "of property) in Part II of Form 982, and the main-home exclusion reduces "
                        "the home's basis if you keep it."
                    )
                )
            )
        steps.append(
            _money(
                N_(
                    "Taxable cancelled debt: {cod} of income from cancelled debt minus {excluded} "
                    "excluded = {taxable}."
                ),
                cod=cod,
                excluded=sum(excluded.values()),
                taxable=taxable,
            )
        )

    # 7. The estimate.
    schedule = tables.schedule(facts.bracket_year, facts.filing_status)
    source_ids += ["irc_1", *schedule.source_ids]
    tax = int(extra_tax(facts.base_income, taxable, facts.filing_status, facts.bracket_year))
    rate = int(
        marginal_rate_bp(facts.base_income + taxable, facts.filing_status, facts.bracket_year)
    )
    if facts.bracket_year != facts.tax_year:
        steps.append(
            Message(
                N_(
                    "Brackets for {year} are not loaded; the {bracket_year} brackets are used "
                    "as an estimate."
                ),
                {"year": str(facts.tax_year), "bracket_year": str(facts.bracket_year)},
            )
        )
    if taxable:
        steps.append(
            Message(
                N_(
                    "Estimated extra federal income tax: {tax}, from adding {taxable} to your "
                    "taxable income of {income}; the last dollar is taxed at {rate}."
                ),
                {"rate": format_rate(rate)},
                money={"tax": tax, "taxable": taxable, "income": facts.base_income},
            )
        )
        steps.append(
            Message(
                N_(
                    "The estimate uses the {year} ordinary income tax brackets ({citation}) "
                    "only: no credits, alternative minimum tax or other taxes."
                ),
                {"year": str(facts.bracket_year), "citation": schedule.citation},
            )
        )
    else:
        steps.append(
            Message(N_("No extra federal income tax is estimated: nothing taxable remains."))
        )
    source_ids.append("irs_vita")

    return TaxResult(
        tax_year=facts.tax_year,
        bracket_year=facts.bracket_year,
        discharge_date=facts.discharge_date,
        recourse=facts.recourse,
        recourse_reason=facts.recourse_reason,
        form_1099c_expected=expected,
        form_1099c=form,
        debt_relieved=relieved,
        fmv=facts.fmv_used,
        proceeds=proceeds,
        amount_realized=realized,
        basis=basis,
        gain=gain,
        section121_excluded=sec121,
        taxable_gain=taxable_gain,
        cancelled_debt=cancelled,
        cod_income=cod,
        excluded=MappingProxyType(excluded),
        insolvency=facts.insolvency,
        taxable_cancelled_debt=taxable,
        estimated_federal_tax=tax,
        marginal_rate_bp=rate,
        form982_lines=tuple(lines),
        steps=tuple(steps),
        notes=(STATE_TAX_NOTE, PROFESSIONAL_NOTE),
        sources=_sources(tables, source_ids),
    )


def _exclusion_steps(
    scenario: Scenario, facts: TaxFacts, cod: int, excluded: Mapping[str, int]
) -> list[Message]:
    """The explanation of each exclusion, in the order the law applies them."""
    steps: list[Message] = []
    first, last = facts.tables.qpri_window()
    end = last + dt.timedelta(days=1)
    if facts.bankruptcy:
        steps.append(
            Message(
                N_(
                    "Bankruptcy (chapter {chapter}): debt discharged in a title 11 case is "
                    "excluded in full, {amount}, if the court grants the discharge or approves "
                    "the plan. No other exclusion is needed. Form 982 line 1a."
                ),
                {"chapter": scenario.bankruptcy.removeprefix("chapter")},
                money={"amount": excluded["bankruptcy"]},
            )
        )
        return steps
    # Qualified principal residence indebtedness (§ 108(a)(1)(E), (h)).
    if not facts.qpri_eligible:
        if scenario.loan == "mortgage" and scenario.main_home and scenario.home_equity:
            steps.append(
                Message(
                    N_(
                        "Main-home mortgage exclusion: not applied to a home-equity loan. It "
                        "counts only if the loan was used to buy, build or substantially "
                        "improve the home; ask a tax professional."
                    )
                )
            )
        elif scenario.loan == "mortgage":
            steps.append(
                Message(
                    N_(
                        "Main-home mortgage exclusion: does not apply, because it covers only "
                        "debt to buy, build or substantially improve your main home."
                    )
                )
            )
    elif not facts.qpri_in_window:
        if facts.discharge_date < first:
            msgid = N_(
                "Main-home mortgage exclusion: it applies only to debt discharged on or after "
                "{start}; a discharge on {date} does not qualify."
            )
        else:
            msgid = N_(
                "Main-home mortgage exclusion: it applies only to debt discharged before {end} "
                "or under a written agreement made before that date. A discharge on {date} "
                "qualifies only with such an agreement; ask a tax professional."
            )
        steps.append(
            Message(
                msgid,
                dates={"start": first, "end": end, "date": facts.discharge_date},
            )
        )
    else:
        steps.append(
            Message(
                N_(
                    "Main-home mortgage exclusion (qualified principal residence "
                    "indebtedness): {amount} excluded. The debt limit is {limit}; the "
                    "discharge on {date} is before {end}. Form 982 line 1e."
                ),
                money={"amount": excluded["qpri"], "limit": facts.qpri_limit},
                dates={"date": facts.discharge_date, "end": end},
            )
        )
        if facts.non_qpri and excluded["qpri"] < cod:
            steps.append(
                _money(
                    N_(
                        "Only the amount cancelled above the part of the loan over the limit "
                        "({non_qpri}) counts as main-home mortgage debt."
                    ),
                    non_qpri=facts.non_qpri,
                )
            )
        if not scenario.purchase_money:
            steps.append(
                Message(
                    N_(
                        "A refinanced loan counts only up to the principal of the loan it "
                        "replaced, plus any part used to substantially improve the home."
                    )
                )
            )
        steps.append(
            Message(
                N_(
                    "It does not apply if the debt was cancelled for services you performed "
                    "for the lender or for reasons unrelated to the home's value or your "
                    "finances. It comes before the insolvency exclusion unless you elect "
                    "insolvency instead."
                )
            )
        )
    # Insolvency (§ 108(a)(1)(B), (a)(3), (d)(3)).
    if scenario.total_liabilities is None or scenario.total_assets is None:
        steps.append(
            Message(
                N_(
                    "Insolvency: enter your total liabilities and total assets immediately "
                    "before the cancellation (use the worksheet) to see whether part of the "
                    "cancelled debt is excluded."
                )
            )
        )
    elif facts.insolvency:
        steps.append(
            _money(
                N_(
                    "Insolvency: your liabilities ({liabilities}) exceeded your assets "
                    "({assets}) by {insolvency} immediately before the cancellation, so up to "
                    "that amount is excluded: {amount}. Form 982 line 1b."
                ),
                liabilities=to_cents(scenario.total_liabilities),
                assets=to_cents(scenario.total_assets),
                insolvency=facts.insolvency,
                amount=excluded["insolvency"],
            )
        )
    else:
        steps.append(
            _money(
                N_(
                    "Insolvency: your liabilities ({liabilities}) did not exceed your assets "
                    "({assets}), so this exclusion does not apply."
                ),
                liabilities=to_cents(scenario.total_liabilities),
                assets=to_cents(scenario.total_assets),
            )
        )
    steps.append(
        Message(
            N_(
                "Qualified farm debt and qualified real property business debt have their own "
                "exclusions, not estimated here: ask a tax professional."
            )
        )
    )
    return steps


__all__ = [
    "BOX6_STEPS",
    "EVENT_CODES",
    "INSOLVENCY_CATEGORIES",
    "INSOLVENCY_TITLES",
    "INSOLVENCY_TOTAL_LINES",
    "PROFESSIONAL_NOTE",
    "STATE_TAX_NOTE",
    "Form1099C",
    "Schedule",
    "Source",
    "TaxDataError",
    "TaxFacts",
    "TaxResult",
    "TaxTables",
    "WorksheetLine",
    "assess",
    "cod_income",
    "discharge_date",
    "extra_tax",
    "federal_tax",
    "format_rate",
    "insolvency_amount",
    "load_tables",
    "marginal_rate_bp",
    "parse_tables",
    "qpri_exclusion",
    "read_data_texts",
    "resolve_recourse",
    "split_exclusions",
    "tax_facts",
    "tax_on",
    "tax_on_cancelled",
]
