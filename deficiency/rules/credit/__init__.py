"""Credit-report outcomes of a deficiency event (issue 7): reporting, removal, new mortgage, score.

Why a separate module: the deficiency figure decides *whether* something is still owed, but a
reader's next questions are about the credit report — what the lender will report, when it
falls off, when a new mortgage is possible and how far a score drops. Every rule comes from a
data file under ``deficiency/rules/credit/data/credit_*.csv`` with its source next to it, so a
changed guideline is a data edit with a citation, not a code change.

Conventions (documented because they decide dates):

* **Calendar months.** ``n`` years after a date is the same day ``12·n`` months later; when that
  day does not exist the last day of the month is used, so 7 years after 29 February 2024 is
  28 February 2031 (the shorter reading, never a date past the legal limit).
* **Removal** (:attr:`CreditResult.removal_date`) is the 7th anniversary of the date of first
  delinquency (DOFD): the bureaus delete the whole account then (Experian), and after it the
  item "antedates the report by more than seven years" (15 U.S.C. § 1681c(a)(4)-(5)).
* **Outer limit** (:attr:`CreditResult.removal_outer_limit`) applies to charge-offs and
  collections only: the 7 years begin when the 180-day period that starts on the DOFD expires
  (§ 1681c(c)(1)), i.e. DOFD + 180 days, then + 7 years.
* **Eligibility dates** are the first day the program's waiting period is over, counted from
  the event date the program names (Fannie Mae: completion, discharge or dismissal; FHA and
  USDA: title transfer; bankruptcy: discharge, or filing for Chapter 13 plan payments).

All prose is returned as :class:`~deficiency.text.markers.Message` objects with ``N_`` literal ids;
the data files hold codes, numbers and citations only. Tables are read lazily and cached; a
table with a missing source or an unknown code raises :class:`CreditDataError`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from deficiency.core.engine import Result
from deficiency.core.scenario import ACTIONS, LOAN_TYPES, PATHS_BY_LOAN, SCORE_BANDS, Scenario
from deficiency.rules.tables import DataFileError, Source, read_rows
from deficiency.text.markers import N_, Message

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
CONFIDENCE: tuple[str, ...] = ("confirmed", "unconfirmed")
TIERS: tuple[str, ...] = ("primary", "secondary", "vendor")
#: Outcome-table actions: the scenario's actions, ``none`` (nothing left owing after the sale)
#: and ``*`` (any action: used only for rows where state law bars the deficiency).
OUTCOME_ACTIONS: tuple[str, ...] = (*ACTIONS, "none", "*")
PHASES: tuple[str, ...] = ("at_sale", "charge_off", "settlement")
BALANCES: tuple[str, ...] = ("deficiency", "zero")
ANCHORS: tuple[str, ...] = ("completion", "title_transfer", "discharge", "filing")
PERIOD_RULES: tuple[str, ...] = (
    "adverse_item",
    "charge_off_limit",
    "bankruptcy_ch7",
    "bankruptcy_ch13_practice",
    "bankruptcy_ch13_limit",
    "dispute_reinvestigation",
    "dispute_extension",
    "dispute_notice_business_days",
)
#: Status codes that mean the account was charged to profit and loss (§ 1681c(c)(1) applies).
CHARGE_OFF_CODES = frozenset({"97", "64"})

# -- plain-language texts (message ids) ------------------------------------------------------
#: What each Metro 2 Account Status code used here means, in plain words.
STATUS_TEXT: dict[str, str] = {
    "13": N_("Paid or closed, zero balance"),
    "64": N_("Paid in full, was a charge-off"),
    "65": N_("Paid in full; a foreclosure had been started"),
    "84": N_("180 days or more past due"),
    "89": N_("Deed given back in lieu of foreclosure; there may be a balance due"),
    "94": N_("Foreclosure completed; there may be a balance due"),
    "95": N_("Voluntarily surrendered; there may be a balance due"),
    "96": N_("Repossessed; there may be a balance due"),
    "97": N_("Unpaid balance written off as a loss (charge-off)"),
}
#: What each Metro 2 Special Comment code used here means, in plain words.
COMMENT_TEXT: dict[str, str] = {
    "AU": N_("Paid in full for less than the full balance"),
    "CM": N_("Collateral released by the lender; a balance is still owed"),
    "DE": N_("Debt extinguished under state law"),
}

MSG_VARIES = N_(
    "How this is reported varies by lender: these are the usual codes, not a certainty. "
    "Check what your lender actually reports."
)
MSG_NO_SHORT_SALE_CODE = N_(
    "There is no credit-report code for a short sale; lenders use other codes, and reports "
    "often describe it as “settled for less than the full balance”."
)
MSG_CODE_65 = N_(
    "If a foreclosure had been started before the short sale, the lender may report code 65 "
    "(paid in full; a foreclosure had been started) instead of 13."
)
MSG_CHARGE_OFF_TIMING = N_(
    "Code 97 (charge-off) should only appear after the sale and after you had a chance to pay "
    "the remaining balance."
)
MSG_CHARGE_OFF_VARIES = N_(
    "Whether and when the lender switches the remaining balance to a charge-off (code 97) "
    "varies by lender."
)
MSG_FORGIVEN = N_(
    "A forgiven balance should not be reported as owed or as a charge-off: the account should "
    "show a $0 balance."
)
MSG_SETTLED = N_(
    "After you pay {paid} to settle, the account should show a $0 balance, status 64 and "
    "comment AU (paid in full for less than the full balance); {forgiven} is forgiven. The "
    "original charge-off amount stays on the record."
)
MSG_PAID_FULL = N_(
    "After you pay the full {paid}, the account should show a $0 balance and status 64 (paid in "
    "full, was a charge-off). The original charge-off amount stays on the record."
)
MSG_JUDGMENT = N_(
    "If the lender wins a deficiency judgment in court, the judgment itself no longer appears "
    "on Equifax, Experian or TransUnion reports: all civil judgments were removed in 2017 under "
    "the National Consumer Assistance Plan. The account itself is still reported."
)

MSG_REMOVAL = N_(
    "Expected removal: {date}, 7 years after the date of first delinquency ({dofd}). This is "
    "how the credit bureaus count it ({cite})."
)
MSG_OUTER_LIMIT = N_(
    "Legal outer limit for a charge-off: {date}. The 7 years start when 180 days have passed "
    "since the delinquency began ({cite})."
)
MSG_NO_OUTER_LIMIT = N_(
    "The 180-day outer limit of the law applies to accounts charged off or sent to collection; "
    "none is expected here, so only the usual removal date applies."
)
MSG_NEED_DOFD = N_(
    "Enter the date of first delinquency (the first missed payment that was never made up) to "
    "see when this account leaves your credit reports."
)
MSG_NO_RESTART = N_(
    "Paying or settling the balance later does not restart the clock: removal stays tied to "
    "the date of first delinquency ({dofd}), and a debt buyer or collector must keep that date."
)
MSG_NO_RESTART_NODATE = N_(
    "Paying or settling the balance later does not restart the clock: removal stays tied to "
    "the date of first delinquency, and a debt buyer or collector must keep that date."
)
MSG_MONTH_END = N_(
    "Dates are counted in calendar months: when the same day does not exist in the final "
    "month (for example 29 February), the last day of that month is used."
)
MSG_ALREADY_REMOVED = N_(
    "That date has passed: the account should no longer appear on your credit reports. If it "
    "still does, you can dispute it."
)
MSG_150K = N_(
    "The 7- and 10-year limits do not bind a report used for a loan of $150,000 or more "
    "({cite}); whether the bureaus still hold older items to report is not documented."
)
MSG_BK7_REMOVAL = N_(
    "The Chapter 7 bankruptcy can be reported for 10 years from the filing date ({filed}), "
    "so until {date} ({cite})."
)
MSG_BK13_REMOVAL = N_(
    "The Chapter 13 bankruptcy: the credit bureaus delete it 7 years after filing, on {date}, "
    "by their own policy; the law would allow it until {limit} ({cite})."
)
MSG_BK_ACCOUNTS = N_(
    "Accounts included in the bankruptcy still leave 7 years after their own date of first "
    "delinquency."
)
MSG_NEED_BK_DATE = N_(
    "Enter the bankruptcy filing date to see when the bankruptcy leaves your credit reports."
)

MSG_BARRED_ZERO = N_(
    "State law bars collecting this deficiency, so after the sale the account should show a $0 "
    "balance and no amount past due, with no new late payments or interest."
)
MSG_BARRED_DE = N_(
    "Lenders can mark such an account with special comment DE (debt extinguished under state law)."
)
MSG_BARRED_INACCURATE = N_(
    "Reporting a balance owed after the sale is inaccurate as a matter of law (Gross v. "
    "CitiMortgage, 9th Cir. 2022); you can dispute it."
)
MSG_DISPUTE_30 = N_(
    "Dispute with each credit bureau that shows a balance: it must finish its investigation "
    "within {days} days of receiving your dispute ({cite})."
)
MSG_DISPUTE_45 = N_(
    "If you send more relevant information during those {days} days, the bureau may take up "
    "to {extra} more days ({total} in all) ({cite})."
)
MSG_DISPUTE_NOTICE = N_(
    "The bureau must pass your dispute to the lender within {days} business days ({cite}); "
    "while the lender investigates, the account may show compliance code XB."
)
MSG_DISPUTE_DOCS = N_(
    "Send copies of the sale documents and the state law (or court order) with your dispute, "
    "and keep proof of the date the bureau received it."
)

# Eligibility: the date, one message per event so translators see whole sentences.
WAIT_TEXT: dict[str, str] = {
    "foreclosure": N_(
        "{program}: {months} months after the foreclosure was completed ({start}), so from {date}."
    ),
    "short_sale": N_("{program}: {months} months after the short sale ({start}), so from {date}."),
    "deed_in_lieu": N_(
        "{program}: {months} months after the deed in lieu of foreclosure ({start}), so from "
        "{date}."
    ),
    "charge_off": N_(
        "{program}: {months} months after the mortgage balance was charged off ({start}), so "
        "from {date}."
    ),
    "bankruptcy_ch7": N_(
        "{program}: {months} months after the Chapter 7 discharge ({start}), so from {date}."
    ),
    "bankruptcy_ch13": N_(
        "{program}: {months} months after the Chapter 13 discharge ({start}), so from {date}."
    ),
}
MSG_WAIT_CH13_PLAN = N_(
    "{program}: during a Chapter 13 plan a new loan is possible after {months} months of on-time "
    "plan payments with written permission from the court or trustee — about {date}, counting from "
    "the filing date ({start})."
)
MSG_WAIT_NONE = N_("{program}: no waiting period after the short sale ({start}).")
MSG_NEED_SALE_DATE = N_(
    "{program}: enter the date the sale or transfer was completed to see the date."
)
MSG_NEED_DISCHARGE = N_(
    "{program}: the bankruptcy waiting period runs from the discharge date; enter it to see "
    "the date."
)
MSG_NEED_FILING = N_(
    "{program}: the Chapter 13 waiting period is counted from the plan's start; enter the "
    "filing date to see the date."
)
MSG_NO_FIXED_PERIOD = N_(
    "{program}: no separate waiting period after a mortgage charge-off was found; the period "
    "for the sale itself applies."
)
MSG_CURRENT_EXCEPTION = N_(
    "{program}: no waiting period applies if every mortgage payment in the 12 months before "
    "the short sale, and every installment-debt payment in the same months, was made within "
    "the month due. Tell us whether that was so to see the earlier date."
)
MSG_CURRENT_YES = N_(
    "{program}: you were current on the mortgage and installment debts in the 12 months before "
    "the short sale, so no waiting period applies."
)
MSG_CURRENT_NO = N_(
    "{program}: you were behind on payments before the short sale, so the full waiting period "
    "applies."
)
MSG_FANNIE_EC_FORECLOSURE = N_(
    "Fannie Mae: with extenuating circumstances the wait after a foreclosure is 3 years, but "
    "until 7 years have passed the new loan is limited to a purchase of a principal residence "
    "with at most 90% loan-to-value, or a limited cash-out refinance."
)
MSG_FANNIE_EC = N_(
    "Fannie Mae: the shorter period needs documented extenuating circumstances — nonrecurring "
    "events beyond your control that caused a sudden, significant and prolonged loss of income "
    "or a catastrophic increase in obligations."
)
MSG_FHA_EC = N_(
    "FHA: a lender may make an exception to the 3 years for documented extenuating "
    "circumstances beyond your control (such as serious illness or the death of a wage earner) "
    "once you have re-established good credit; divorce and moving for a job do not count."
)
MSG_VA_EC = N_(
    "VA: a wait of 1 to 2 years is possible only if the event was caused by circumstances "
    "beyond your control and you have since paid new credit on time."
)
MSG_USDA_EC = N_("USDA: no shorter period for extenuating circumstances was found.")
MSG_VA_SHORT_SALE = N_(
    "VA publishes no waiting period after a short sale; lenders usually treat a short sale made "
    "while behind on payments like a foreclosure (2 years)."
)
MSG_FANNIE_CHARGE_OFF = N_(
    "Fannie Mae: if the lender charges off the remaining mortgage balance, a 4-year wait (2 with "
    "extenuating circumstances) also runs from the charge-off date."
)
MSG_FANNIE_SAME_MORTGAGE = N_(
    "Fannie Mae: if this mortgage was discharged in the bankruptcy, only the bankruptcy waiting "
    "period applies, even when the foreclosure was completed later."
)
MSG_WAIT_MEANING = N_(
    "Each date is the first day the program's waiting period is over (Fannie Mae counts to the "
    "new loan's closing, FHA to the case number, USDA to the application). Lenders may add "
    "stricter rules, and you still have to qualify."
)
MSG_WAIT_NOT_MORTGAGE = N_(
    "The mortgage waiting periods after a foreclosure, short sale or deed in lieu do not apply "
    "to a repossession or surrender of a car or other goods, so this event sets no waiting date."
)
#: Several programs named at the start of one shared sentence: "FHA, VA and USDA".
MSG_PROGRAM_LIST = N_("{programs} and {last}")
MSG_WAIT_NOT_MORTGAGE_BK = N_(
    "The bankruptcy does set mortgage waiting periods; those dates are shown."
)

MSG_SCORE_RANGE = N_("Starting near {band}: about {low}–{high} after the event.")
MSG_SCORE_ABOUT = N_(
    "FICO's published 2011 estimates, simulated for a single event on typical files whose "
    "mortgage was paid as agreed before it; real files usually also show the late payments that "
    "came before, and scores vary by model and file."
)
MSG_SCORE_DIL = N_(
    "FICO published no separate figure for a deed in lieu with a balance still owed; the "
    "figure for a short sale with a deficiency is shown."
)
MSG_SCORE_NO_FIGURE = N_(
    "No scoring company has published a figure for how much a repossession or a charged-off "
    "car loan lowers a score, so none is shown. A repossession is a major negative item for as "
    "long as it is reported."
)
MSG_SCORE_BK = N_("The bankruptcy is the largest negative item here, so its figure is shown.")
MSG_RECOVERY_MONTHS = N_("about {months} months")
MSG_RECOVERY_YEARS = N_("about {years} years")
MSG_RECOVERY_RANGE = N_("about {low} to {high} years")

# Timeline labels.
LABEL_DOFD = N_("First missed payment (date of first delinquency)")
LABEL_BK_FILED = N_("Bankruptcy filed")
LABEL_BK_DISCHARGED = N_("Bankruptcy discharged")
SALE_LABELS: dict[str, str] = {
    "short_sale": N_("Short sale closed"),
    "foreclosure": N_("Foreclosure completed"),
    "deed_in_lieu": N_("Deed in lieu of foreclosure completed"),
    "repossession": N_("Repossessed property sold"),
    "voluntary_surrender": N_("Surrendered property sold"),
}
LABEL_CHARGE_OFF = N_("Remaining balance charged off")
LABEL_SETTLEMENT = N_("Remaining balance settled")
LABEL_REMOVAL = N_("Account leaves your credit reports")
LABEL_OUTER_LIMIT = N_("Legal outer limit for reporting the charge-off")
LABEL_BK_REMOVAL = N_("Bankruptcy leaves your credit reports")
LABEL_BK_LIMIT = N_("Legal limit for reporting the bankruptcy")
LABEL_ELIGIBLE = N_("{program}: new mortgage possible")
LABEL_TODAY = N_("Today")

CITE_REMOVAL = "15 U.S.C. § 1681c(a)(4)–(5)"
CITE_OUTER = "15 U.S.C. § 1681c(a)(4), (c)(1)"
CITE_BANKRUPTCY = "15 U.S.C. § 1681c(a)(1); 11 U.S.C. § 301(b)"
CITE_150K = "15 U.S.C. § 1681c(b)(1)"
CITE_DISPUTE = "15 U.S.C. § 1681i(a)(1)"
CITE_NOTICE = "15 U.S.C. § 1681i(a)(2)"


class CreditDataError(DataFileError):
    """A credit data file is malformed: a missing source, an unknown code, a gap in a table."""


# -- date arithmetic ------------------------------------------------------------------------
def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months; a day the month lacks becomes its last day.

    Why clamp down rather than roll over: a limit computed as "7 years after 29 February"
    must not land on 1 March, a day after the period the law allows.
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` plus whole years, by :func:`add_months` (29 Feb + 7 years = 28 Feb)."""
    return add_months(day, 12 * years)


def _shift(day: dt.date, years: int, days: int) -> dt.date:
    """Days first, then years: the order § 1681c(c)(1) describes (180 days, then 7 years)."""
    return add_years(day + dt.timedelta(days=days), years)


# -- data tables ----------------------------------------------------------------------------
@dataclass(frozen=True)
class OutcomeRow:
    step: int
    phase: str
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


@dataclass(frozen=True)
class CreditTables:
    """Every credit data file, validated and keyed for lookup."""

    sources: Mapping[str, Source]
    status_codes: Mapping[str, str]
    special_comments: Mapping[str, str]
    outcomes: Mapping[tuple[str, str, str, bool], tuple[OutcomeRow, ...]]
    waiting: Mapping[tuple[str, str], WaitRow]
    fico: Mapping[tuple[str, str], FicoRow]
    periods: Mapping[str, PeriodRow]
    #: Source id → the day its rule was last checked against it (``checked`` column).
    checked: Mapping[str, dt.date]


def _read(directory: Path, name: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        text = (directory / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise CreditDataError(f"{name}: cannot read ({exc})") from None
    return read_rows(text, name, columns, CreditDataError, exact=False)


def _int(value: str, where: str, *, optional: bool = False) -> int | None:
    if value == "" and optional:
        return None
    if not value.isdigit():
        raise CreditDataError(f"{where}: {value!r} is not a whole number")
    return int(value)


def _choice(value: str, allowed: Iterable[str], where: str) -> str:
    allowed = tuple(allowed)
    if value not in allowed:
        raise CreditDataError(f"{where}: {value!r} is not one of {', '.join(allowed)}")
    return value


def _flag(value: str, where: str) -> bool:
    return _choice(value, ("yes", "no"), where) == "yes"


def _sources(value: str, known: Mapping[str, Source], where: str) -> tuple[str, ...]:
    ids = tuple(part.strip() for part in value.split(";") if part.strip())
    if not ids:
        raise CreditDataError(f"{where}: missing source")
    for source in ids:
        if source not in known:
            raise CreditDataError(f"{where}: unknown source {source!r}")
    return ids


def _read_sources(directory: Path) -> tuple[dict[str, Source], dict[str, dt.date]]:
    """The sources by id, and the day each was last checked (for "Rules as of")."""
    out: dict[str, Source] = {}
    checked: dict[str, dt.date] = {}
    rows = _read(directory, "credit_sources.csv", ("source", "title", "url", "tier", "checked"))
    for line, row in rows:
        where = f"credit_sources.csv:{line}"
        if not row["source"] or not row["title"]:
            raise CreditDataError(f"{where}: a source needs an id and a title")
        if not row["url"].startswith(("https://", "http://")):
            raise CreditDataError(f"{where}: {row['url']!r} is not a web address")
        _choice(row["tier"], TIERS, where)
        if row["source"] in out:
            raise CreditDataError(f"{where}: duplicate source {row['source']!r}")
        try:
            checked[row["source"]] = dt.date.fromisoformat(row["checked"])
        except ValueError:
            raise CreditDataError(f"{where}: checked {row['checked']!r} is not a date") from None
        out[row["source"]] = Source(row["title"], row["url"])
    return out, checked


def _read_codes(
    directory: Path, name: str, texts: Mapping[str, str], sources: Mapping[str, Source]
) -> dict[str, str]:
    out: dict[str, str] = {}
    for line, row in _read(directory, name, ("code", "meaning", "confidence", "source")):
        where = f"{name}:{line}"
        code = row["code"]
        if not code or not row["meaning"]:
            raise CreditDataError(f"{where}: a code needs a value and its official meaning")
        if code not in texts:
            raise CreditDataError(f"{where}: unknown code {code!r} (no plain-language text)")
        _choice(row["confidence"], CONFIDENCE, where)
        _sources(row["source"], sources, where)
        out[code] = row["meaning"]
    missing = sorted(set(texts) - set(out))
    if missing:
        raise CreditDataError(f"{name}: no row for code(s) {', '.join(missing)}")
    return out


def _read_outcomes(
    directory: Path,
    sources: Mapping[str, Source],
    status_codes: Mapping[str, str],
    comments: Mapping[str, str],
) -> dict[tuple[str, str, str, bool], tuple[OutcomeRow, ...]]:
    name = "credit_outcomes.csv"
    columns = (
        "loan",
        "path",
        "action",
        "barred",
        "step",
        "phase",
        "status_code",
        "special_comment",
        "balance",
        "varies_by_lender",
        "confidence",
        "source",
    )
    grouped: dict[tuple[str, str, str, bool], list[OutcomeRow]] = {}
    for line, row in _read(directory, name, columns):
        where = f"{name}:{line}"
        loans = tuple(row["loan"].split("|"))
        for loan in loans:
            _choice(loan, LOAN_TYPES, where)
            _choice(row["path"], PATHS_BY_LOAN[loan], where)
        action = _choice(row["action"], OUTCOME_ACTIONS, where)
        barred = _flag(row["barred"], where)
        if barred != (action == "*"):
            raise CreditDataError(f"{where}: barred rows use action '*', and only they do")
        code = row["status_code"]
        if code not in status_codes:
            raise CreditDataError(f"{where}: unknown status code {code!r}")
        comment = row["special_comment"] or None
        if comment is not None and comment not in comments:
            raise CreditDataError(f"{where}: unknown special comment {comment!r}")
        outcome = OutcomeRow(
            step=_int(row["step"], where) or 0,
            phase=_choice(row["phase"], PHASES, where),
            status_code=code,
            special_comment=comment,
            balance=_choice(row["balance"], BALANCES, where),
            varies_by_lender=_flag(row["varies_by_lender"], where),
            confidence=_choice(row["confidence"], CONFIDENCE, where),
            sources=_sources(row["source"], sources, where),
        )
        for loan in loans:
            grouped.setdefault((loan, row["path"], action, barred), []).append(outcome)
    out: dict[tuple[str, str, str, bool], tuple[OutcomeRow, ...]] = {}
    for key, steps in grouped.items():
        steps.sort(key=lambda s: s.step)
        if [s.step for s in steps] != list(range(1, len(steps) + 1)):
            raise CreditDataError(f"{name}: steps of {key} are not numbered 1, 2, …")
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
    columns = (
        "program",
        "event",
        "standard_months",
        "extenuating_months",
        "current_exception_months",
        "anchor",
        "confidence",
        "source",
    )
    out: dict[tuple[str, str], WaitRow] = {}
    for line, row in _read(directory, name, columns):
        where = f"{name}:{line}"
        key = (_choice(row["program"], PROGRAMS, where), _choice(row["event"], WAIT_EVENTS, where))
        if key in out:
            raise CreditDataError(f"{where}: duplicate row for {key}")
        out[key] = WaitRow(
            standard_months=_int(row["standard_months"], where, optional=True),
            extenuating_months=_int(row["extenuating_months"], where, optional=True),
            current_exception_months=_int(row["current_exception_months"], where, optional=True),
            anchor=_choice(row["anchor"], ANCHORS, where),
            confidence=_choice(row["confidence"], CONFIDENCE, where),
            sources=_sources(row["source"], sources, where),
        )
    for program in PROGRAMS:
        for event in WAIT_EVENTS:
            if (program, event) not in out:
                raise CreditDataError(f"{name}: no row for {program} × {event}")
    return out


def _read_fico(directory: Path, sources: Mapping[str, Source]) -> dict[tuple[str, str], FicoRow]:
    name = "credit_fico_2011.csv"
    columns = (
        "band",
        "event",
        "after_low",
        "after_high",
        "recovery_low_months",
        "recovery_high_months",
        "confidence",
        "source",
    )
    out: dict[tuple[str, str], FicoRow] = {}
    for line, row in _read(directory, name, columns):
        where = f"{name}:{line}"
        key = (_choice(row["band"], SCORE_BANDS, where), _choice(row["event"], SCORE_EVENTS, where))
        fico = FicoRow(
            low=_int(row["after_low"], where) or 0,
            high=_int(row["after_high"], where) or 0,
            recovery_low_months=_int(row["recovery_low_months"], where) or 0,
            recovery_high_months=_int(row["recovery_high_months"], where) or 0,
            confidence=_choice(row["confidence"], CONFIDENCE, where),
            sources=_sources(row["source"], sources, where),
        )
        if not 300 <= fico.low <= fico.high <= 850 or fico.high > int(key[0]):
            raise CreditDataError(f"{where}: score range {fico.low}-{fico.high} is not plausible")
        if fico.recovery_low_months > fico.recovery_high_months:
            raise CreditDataError(f"{where}: recovery range is reversed")
        whole = fico.recovery_low_months % 12 == 0 and fico.recovery_high_months % 12 == 0
        if not whole and fico.recovery_low_months != fico.recovery_high_months:
            raise CreditDataError(f"{where}: a recovery range must be in whole years")
        if key in out:
            raise CreditDataError(f"{where}: duplicate row for {key}")
        out[key] = fico
    for band in SCORE_BANDS:
        for event in SCORE_EVENTS:
            if (band, event) not in out:
                raise CreditDataError(f"{name}: no row for {band} × {event}")
    return out


def _read_periods(directory: Path, sources: Mapping[str, Source]) -> dict[str, PeriodRow]:
    name = "credit_reporting_periods.csv"
    columns = ("rule", "years", "days", "anchor", "basis", "confidence", "source")
    out: dict[str, PeriodRow] = {}
    for line, row in _read(directory, name, columns):
        where = f"{name}:{line}"
        rule = _choice(row["rule"], PERIOD_RULES, where)
        out[rule] = PeriodRow(
            years=_int(row["years"], where) or 0,
            days=_int(row["days"], where) or 0,
            anchor=row["anchor"],
            basis=_choice(row["basis"], ("statute", "practice", "statute_and_practice"), where),
            confidence=_choice(row["confidence"], CONFIDENCE, where),
            sources=_sources(row["source"], sources, where),
        )
    missing = [rule for rule in PERIOD_RULES if rule not in out]
    if missing:
        raise CreditDataError(f"{name}: no row for {', '.join(missing)}")
    return out


def _read_tables(directory: Path) -> CreditTables:
    sources, checked = _read_sources(directory)
    status = _read_codes(directory, "credit_status_codes.csv", STATUS_TEXT, sources)
    comments = _read_codes(directory, "credit_special_comments.csv", COMMENT_TEXT, sources)
    # Read-only views: the cached tables are shared by every caller.
    return CreditTables(
        sources=MappingProxyType(sources),
        status_codes=MappingProxyType(status),
        special_comments=MappingProxyType(comments),
        outcomes=MappingProxyType(_read_outcomes(directory, sources, status, comments)),
        waiting=MappingProxyType(_read_waiting(directory, sources)),
        fico=MappingProxyType(_read_fico(directory, sources)),
        periods=MappingProxyType(_read_periods(directory, sources)),
        checked=MappingProxyType(checked),
    )


@functools.cache
def _default_tables() -> CreditTables:
    return _read_tables(DATA_DIR)


def load_tables(directory: Path | str | None = None) -> CreditTables:
    """The validated credit tables: the packaged ones (read once, cached) or ``directory``'s.

    Nothing is read at import time; the first call pays for the files. Raises
    :class:`CreditDataError` naming the file and line of the first problem.
    """
    if directory is None:
        return _default_tables()
    return _read_tables(Path(directory))


# -- results --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportingStep:
    """One stage of how the account is reported, in order (e.g. 96, then 97, then 64 + AU)."""

    step: int
    phase: str  # at_sale | charge_off | settlement
    status_code: str
    status_text: Message
    special_comment: str | None
    special_comment_text: Message | None
    balance_cents: int  # the balance reported at this stage
    date: dt.date | None  # when known (the sale date, or the dates passed to assess)
    varies_by_lender: bool
    confidence: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Eligibility:
    """When one program's waiting period for a new mortgage is over (``None``: unknown/none)."""

    program: str
    date: dt.date | None
    months: int | None  # the waiting period that set the date
    event: str | None  # the waiting-period event that set the date
    start: dt.date | None  # the date that period is counted from
    extenuating: bool  # the shorter extenuating-circumstances period was used
    confidence: str
    notes: tuple[Message, ...]
    sources: tuple[Source, ...]
    #: Whether any waiting period of this program concerns the scenario at all. A car's
    #: repossession sets none (a bankruptcy does): its rows are left out, not "Not known".
    applies: bool = True


@dataclass(frozen=True)
class ScoreRange:
    """FICO's published score after an event, for one starting band, with recovery time."""

    band: str
    event: str
    low: int
    high: int
    recovery_low_months: int
    recovery_high_months: int
    confidence: str
    sources: tuple[Source, ...]

    @property
    def recovery(self) -> Message:
        """The recovery time as words ("about 7 to 10 years"), for any language."""
        low, high = self.recovery_low_months, self.recovery_high_months
        whole_years = low % 12 == 0 and high % 12 == 0
        if low == high and whole_years:
            return Message(MSG_RECOVERY_YEARS, {"years": str(low // 12)})
        if whole_years:
            return Message(MSG_RECOVERY_RANGE, {"low": str(low // 12), "high": str(high // 12)})
        # FICO's "~9 months" and "~2.5 years": whole months need no decimal separator.
        return Message(MSG_RECOVERY_MONTHS, {"months": str(low)})

    @property
    def label(self) -> Message:
        """The range as a sentence; :attr:`recovery` is shown beside it (its own Message)."""
        return Message(
            MSG_SCORE_RANGE, {"band": self.band, "low": str(self.low), "high": str(self.high)}
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "band": self.band,
            "low": self.low,
            "high": self.high,
            "recovery": self.recovery.text(),
        }


class TimelineEvent(NamedTuple):
    """One point on the credit timeline chart."""

    date: dt.date
    label: Message
    kind: str


@dataclass(frozen=True)
class CreditResult:
    """The credit-report side of a scenario. Dates are plain dates; prose is Messages."""

    # How the account is reported.
    status_code: str
    status_text: Message
    special_comment: str | None
    special_comment_text: Message | None
    sequence: tuple[ReportingStep, ...]
    varies_by_lender: bool
    varies_text: Message | None
    reporting_notes: tuple[Message, ...]
    # When it falls off.
    dofd: dt.date | None
    removal_date: dt.date | None
    removal_outer_limit: dt.date | None
    removal_notes: tuple[Message, ...]
    bankruptcy_date: dt.date | None
    bankruptcy_discharge: dt.date | None
    bankruptcy_removal: dt.date | None
    bankruptcy_removal_limit: dt.date | None
    # State law meets the report.
    barred: bool
    barred_notes: tuple[Message, ...]
    dispute_notes: tuple[Message, ...]
    # A new mortgage.
    path: str
    sale_date: dt.date | None
    charged_off_on: dt.date | None
    settled_on: dt.date | None
    eligibility: tuple[Eligibility, ...]
    mortgage_notes: tuple[Message, ...]
    # Score.
    score_band: str | None
    score_ranges: tuple[ScoreRange, ...]
    late_ranges: tuple[ScoreRange, ...]  # the 30/90-day lates that usually came first
    score_notes: tuple[Message, ...]
    # Everything cited, and the reference day.
    sources: tuple[Source, ...]
    today: dt.date
    #: When the rules behind this result were last checked: the newest ``checked`` date of
    #: the sources it cites (never ``today``, which says nothing about the rules).
    rules_checked: dt.date | None = None

    @property
    def mortgage_eligible(self) -> dict[str, dt.date | None]:
        """Program → first date a new mortgage is possible (``None``: unknown or not set)."""
        return {item.program: item.date for item in self.eligibility}

    @property
    def eligibility_notes(self) -> tuple[Message, ...]:
        """Every program's notes, a sentence several programs share said once for all.

        Why: FHA, VA and USDA often have the same rule (no wait if you were current before a
        short sale, the same 36 months...). Three copies of one paragraph that differ only
        in the name read like three rules; one "FHA, VA and USDA: ..." says it is one.
        """
        groups: dict[tuple[Any, ...], tuple[Message, list[str]]] = {}
        for item in self.eligibility:
            for note in item.notes:
                others = sorted((k, str(v)) for k, v in note.params.items() if k != "program")
                key = (note.msgid, *others, *sorted(note.money.items()), *note.dates.items())
                names = groups.setdefault(key, (note, []))[1]
                name = note.params.get("program")
                if name is not None and name not in names:
                    names.append(str(name))
        out: list[Message] = []
        for note, names in groups.values():
            if len(names) < 2:
                out.append(note)
                continue
            joined = {"programs": ", ".join(names[:-1]), "last": names[-1]}
            params = {**note.params, "program": Message(MSG_PROGRAM_LIST, joined)}
            out.append(Message(note.msgid, params, note.money, note.dates))
        return tuple(out)

    @property
    def waiting_periods(self) -> tuple[Eligibility, ...]:
        """The programs whose waiting periods concern this scenario, for display.

        Why: the mortgage waiting periods follow a foreclosure, short sale, deed in lieu or a
        bankruptcy, never a car's repossession; listing them for a car loan as "Not known"
        suggests a date is missing when none applies (``mortgage_notes`` says so instead).
        """
        return tuple(item for item in self.eligibility if item.applies)

    @property
    def score_after(self) -> ScoreRange | None:
        """The range for the chosen starting band (``None`` without a band or a figure)."""
        if self.score_band is None:
            return None
        return next((r for r in self.score_ranges if r.band == self.score_band), None)

    def messages(self) -> list[Message]:
        """Every Message in the result (for rendering checks and translation audits)."""
        found: list[Message] = [self.status_text, *self.reporting_notes, *self.removal_notes]
        found += [*self.barred_notes, *self.dispute_notes, *self.mortgage_notes, *self.score_notes]
        for value in (self.special_comment_text, self.varies_text):
            if value is not None:
                found.append(value)
        for step in self.sequence:
            found.append(step.status_text)
            if step.special_comment_text is not None:
                found.append(step.special_comment_text)
        for item in self.eligibility:
            found += item.notes
        for score in (*self.score_ranges, *self.late_ranges):
            found += [score.label, score.recovery]
        found += [event.label for event in timeline(self)]
        return found

    def timeline(self) -> list[TimelineEvent]:
        """The events for the timeline chart (see :func:`timeline`)."""
        return timeline(self)

    def as_json(self) -> dict[str, Any]:
        """The ``credit`` section of the CLI report (English texts, ISO dates)."""
        score = self.score_after
        return {
            "status_code": self.status_code,
            "status_text": self.status_text.text(),
            "special_comment": self.special_comment,
            "removal_date": _iso(self.removal_date),
            "removal_outer_limit": _iso(self.removal_outer_limit),
            "mortgage_eligible": {p: _iso(d) for p, d in self.mortgage_eligible.items()},
            "score_after": score.as_json() if score is not None else None,
            "sources": [source.as_json() for source in self.sources],
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def timeline(credit: CreditResult) -> list[TimelineEvent]:
    """Dated events for a timeline chart, in date order; the dates are the result's own fields.

    Default (DOFD), bankruptcy filing and discharge, the sale, charge-off and settlement when
    known, removal and its outer limit, the bankruptcy's removal, each program's eligibility
    date, and today.
    """
    events: list[TimelineEvent] = []

    def add(day: dt.date | None, label: Message, kind: str) -> None:
        if day is not None:
            events.append(TimelineEvent(day, label, kind))

    add(credit.dofd, Message(LABEL_DOFD), "dofd")
    add(credit.bankruptcy_date, Message(LABEL_BK_FILED), "bankruptcy")
    add(credit.bankruptcy_discharge, Message(LABEL_BK_DISCHARGED), "discharge")
    add(credit.sale_date, Message(SALE_LABELS[credit.path]), "sale")
    add(credit.charged_off_on, Message(LABEL_CHARGE_OFF), "charge_off")
    add(credit.settled_on, Message(LABEL_SETTLEMENT), "settlement")
    add(credit.removal_date, Message(LABEL_REMOVAL), "removal")
    add(credit.removal_outer_limit, Message(LABEL_OUTER_LIMIT), "removal_limit")
    add(credit.bankruptcy_removal, Message(LABEL_BK_REMOVAL), "bankruptcy_removal")
    if credit.bankruptcy_removal_limit != credit.bankruptcy_removal:
        add(credit.bankruptcy_removal_limit, Message(LABEL_BK_LIMIT), "bankruptcy_limit")
    for item in credit.eligibility:
        label = Message(LABEL_ELIGIBLE, {"program": PROGRAM_NAMES[item.program]})
        add(item.date, label, f"eligible_{item.program}")
    add(credit.today, Message(LABEL_TODAY), "today")
    return sorted(events, key=lambda event: event.date)


# -- assessment -----------------------------------------------------------------------------
class _Cites:
    """Collects sources in first-use order, without duplicates."""

    def __init__(self, tables: CreditTables):
        self._tables = tables
        self._seen: dict[str, Source] = {}

    def take(self, ids: Iterable[str]) -> tuple[Source, ...]:
        out = []
        for source_id in ids:
            source = self._tables.sources[source_id]
            self._seen.setdefault(source_id, source)
            out.append(source)
        return tuple(out)

    def all(self) -> tuple[Source, ...]:
        return tuple(self._seen.values())

    def checked(self) -> dt.date | None:
        """The newest check date among the sources cited so far (``None``: none cited)."""
        return max((self._tables.checked[i] for i in self._seen), default=None)


def _outcome_key(scenario: Scenario, result: Result, barred: bool) -> tuple[str, str, str, bool]:
    """Which outcome row applies: barred by law, nothing owed, or the lender's action."""
    path = scenario.path or PATHS_BY_LOAN[scenario.loan][0]
    if barred:
        return scenario.loan, path, "*", True
    if result.deficiency == 0:
        return scenario.loan, path, "none", False
    return scenario.loan, path, scenario.action, False


def _reporting(
    scenario: Scenario,
    result: Result,
    barred: bool,
    tables: CreditTables,
    cites: _Cites,
    charged_off_on: dt.date | None,
    settled_on: dt.date | None,
) -> tuple[tuple[ReportingStep, ...], list[Message]]:
    key = _outcome_key(scenario, result, barred)
    cites.take(("cfpb_metro2",))  # the meaning of every code shown
    dates = {"at_sale": scenario.sale_date, "charge_off": charged_off_on, "settlement": settled_on}
    # A "settlement" of the whole balance is a payment in full: no AU (CRRG FAQ 34, Answer B).
    paid_in_full = key[2] == "settle" and result.cancelled_debt == 0

    def comment(row: OutcomeRow) -> str | None:
        if paid_in_full and row.phase == "settlement" and row.special_comment == "AU":
            return None
        return row.special_comment

    steps = tuple(
        ReportingStep(
            step=row.step,
            phase=row.phase,
            status_code=row.status_code,
            status_text=Message(STATUS_TEXT[row.status_code]),
            special_comment=comment(row),
            special_comment_text=Message(COMMENT_TEXT[code]) if (code := comment(row)) else None,
            balance_cents=result.deficiency if row.balance == "deficiency" else 0,
            date=dates[row.phase],
            varies_by_lender=row.varies_by_lender,
            confidence=row.confidence,
            sources=cites.take(row.sources),
        )
        for row in tables.outcomes[key]
    )
    _, path, action, _ = key
    notes: list[Message] = []
    if path == "short_sale":
        notes.append(Message(MSG_NO_SHORT_SALE_CODE))
        cites.take(("fannie_du_2013",))
        if action == "forgive":
            notes.append(Message(MSG_CODE_65))
            cites.take(("hafa_sd_12_02",))
    codes = [step.status_code for step in steps]
    if "97" in codes:
        if path in ("repossession", "voluntary_surrender"):
            notes.append(Message(MSG_CHARGE_OFF_TIMING))
            cites.take(("crrg_faq62",))
        else:
            notes.append(Message(MSG_CHARGE_OFF_VARIES))
    if action == "forgive":
        notes.append(Message(MSG_FORGIVEN))
        cites.take(("crrg_faq34",))
    if action == "settle" and paid_in_full:
        notes.append(Message(MSG_PAID_FULL, money={"paid": result.borrower_owes}))
    elif action == "settle":
        notes.append(
            Message(
                MSG_SETTLED,
                money={"paid": result.borrower_owes, "forgiven": result.cancelled_debt},
            )
        )
        cites.take(("crrg_faq34",))
    if action in ("collect", "settle"):
        notes.append(Message(MSG_JUDGMENT))
        cites.take(("cfpb_ncap",))
    return steps, notes


def _removal(
    scenario: Scenario,
    steps: tuple[ReportingStep, ...],
    owed_later: bool,
    today: dt.date,
    tables: CreditTables,
    cites: _Cites,
) -> tuple[dt.date | None, dt.date | None, list[Message]]:
    usual, limit_rule = tables.periods["adverse_item"], tables.periods["charge_off_limit"]
    notes: list[Message] = []
    dofd = scenario.dofd
    if dofd is None:
        notes.append(Message(MSG_NEED_DOFD))
        if owed_later:
            notes.append(Message(MSG_NO_RESTART_NODATE))
        return None, None, notes
    removal = _shift(dofd, usual.years, usual.days)
    cites.take(usual.sources)
    notes.append(
        Message(MSG_REMOVAL, {"cite": CITE_REMOVAL}, dates={"date": removal, "dofd": dofd})
    )
    outer: dt.date | None = None
    if any(step.status_code in CHARGE_OFF_CODES for step in steps):
        outer = _shift(dofd, limit_rule.years, limit_rule.days)
        cites.take(limit_rule.sources)
        notes.append(Message(MSG_OUTER_LIMIT, {"cite": CITE_OUTER}, dates={"date": outer}))
    else:
        notes.append(Message(MSG_NO_OUTER_LIMIT))
    if removal.day != dofd.day or (
        outer is not None and outer.day != (dofd + dt.timedelta(180)).day
    ):
        notes.append(Message(MSG_MONTH_END))
    if owed_later:
        notes.append(Message(MSG_NO_RESTART, dates={"dofd": dofd}))
        cites.take(("experian_dofd_collection",))
    if today >= removal:
        notes.append(Message(MSG_ALREADY_REMOVED))
    notes.append(Message(MSG_150K, {"cite": CITE_150K}))
    return removal, outer, notes


def _bankruptcy_removal(
    scenario: Scenario, tables: CreditTables, cites: _Cites
) -> tuple[dt.date | None, dt.date | None, list[Message]]:
    if scenario.bankruptcy == "none":
        return None, None, []
    filed = scenario.bankruptcy_date
    if filed is None:
        return None, None, [Message(MSG_NEED_BK_DATE)]
    notes: list[Message] = []
    if scenario.bankruptcy == "chapter7":
        rule = tables.periods["bankruptcy_ch7"]
        removal = limit = _shift(filed, rule.years, rule.days)
        cites.take(rule.sources)
        notes.append(
            Message(
                MSG_BK7_REMOVAL, {"cite": CITE_BANKRUPTCY}, dates={"date": removal, "filed": filed}
            )
        )
    else:
        practice, statute = (
            tables.periods["bankruptcy_ch13_practice"],
            tables.periods["bankruptcy_ch13_limit"],
        )
        removal = _shift(filed, practice.years, practice.days)
        limit = _shift(filed, statute.years, statute.days)
        cites.take(practice.sources + statute.sources)
        notes.append(
            Message(
                MSG_BK13_REMOVAL, {"cite": CITE_BANKRUPTCY}, dates={"date": removal, "limit": limit}
            )
        )
    notes.append(Message(MSG_BK_ACCOUNTS))
    if removal.day != filed.day:
        notes.append(Message(MSG_MONTH_END))
    return removal, limit, notes


def _barred_notes(
    barred: bool, tables: CreditTables, cites: _Cites
) -> tuple[list[Message], list[Message]]:
    """State law bars the deficiency: what the report should show, and how to dispute it."""
    if not barred:
        return [], []
    cites.take(("gross_v_citimortgage", "cfpb_metro2"))
    notes = [Message(MSG_BARRED_ZERO), Message(MSG_BARRED_DE), Message(MSG_BARRED_INACCURATE)]
    base, extra = tables.periods["dispute_reinvestigation"], tables.periods["dispute_extension"]
    notice = tables.periods["dispute_notice_business_days"]
    cites.take(base.sources + extra.sources + notice.sources)
    dispute = [
        Message(MSG_DISPUTE_30, {"days": str(base.days), "cite": CITE_DISPUTE}),
        Message(
            MSG_DISPUTE_45,
            {
                "days": str(base.days),
                "extra": str(extra.days),
                "total": str(base.days + extra.days),
                "cite": CITE_DISPUTE,
            },
        ),
        Message(MSG_DISPUTE_NOTICE, {"days": str(notice.days), "cite": CITE_NOTICE}),
        Message(MSG_DISPUTE_DOCS),
    ]
    return notes, dispute


def _current_before_sale(scenario: Scenario, given: bool | None) -> bool | None:
    """Were all payments made on time in the 12 months before a short sale? ``None``: unknown.

    An explicit answer wins. Otherwise a DOFD before the sale date means the delinquency that
    led to the sale was still open at the sale, so at least one payment in the 12 months before
    it was not made within the month due: the exception is not available.
    """
    if given is not None:
        return given
    dofd, sale = scenario.dofd, scenario.sale_date
    if dofd is not None and sale is not None and dofd < sale:
        return False
    return None


def _wait_events(
    scenario: Scenario, steps: tuple[ReportingStep, ...], charged_off_on: dt.date | None
) -> list[tuple[str, dt.date | None]]:
    """The scenario's (waiting-period event, start date) pairs.

    Bankruptcy starts are ``None`` here: each program names its own (discharge, or filing for
    Chapter 13 plan payments), so :func:`_program` looks them up.
    """
    events: list[tuple[str, dt.date | None]] = []
    if scenario.loan == "mortgage":
        events.append((scenario.path or "short_sale", scenario.sale_date))
        if charged_off_on and any(step.status_code in CHARGE_OFF_CODES for step in steps):
            events.append(("charge_off", charged_off_on))
    if scenario.bankruptcy == "chapter7":
        events.append(("bankruptcy_ch7", None))
    elif scenario.bankruptcy == "chapter13":
        events.append(("bankruptcy_ch13", None))
    return events


def _program_notes(
    program: str,
    events: list[tuple[str, dt.date | None]],
    scenario: Scenario,
    steps: tuple[ReportingStep, ...],
    charged_off_on: dt.date | None,
) -> list[Message]:
    """Program-specific caveats: extenuating circumstances, VA short sales, Fannie Mae rules."""
    names = {event for event, _ in events}
    notes: list[Message] = []
    if scenario.extenuating and events and program == "fannie_mae":
        if "foreclosure" in names:
            notes.append(Message(MSG_FANNIE_EC_FORECLOSURE))
        notes.append(Message(MSG_FANNIE_EC))
    elif scenario.extenuating and names & {"foreclosure", "short_sale", "deed_in_lieu"}:
        ec = {"fha": MSG_FHA_EC, "va": MSG_VA_EC, "usda": MSG_USDA_EC}[program]
        notes.append(Message(ec))
    if program == "va" and "short_sale" in names:
        notes.append(Message(MSG_VA_SHORT_SALE))
    if program == "fannie_mae" and scenario.loan == "mortgage":
        if not charged_off_on and any(step.status_code in CHARGE_OFF_CODES for step in steps):
            notes.append(Message(MSG_FANNIE_CHARGE_OFF))
        if scenario.bankruptcy != "none" and "foreclosure" in names:
            notes.append(Message(MSG_FANNIE_SAME_MORTGAGE))
    return notes


def _program(
    program: str,
    events: list[tuple[str, dt.date | None]],
    scenario: Scenario,
    current: bool | None,
    tables: CreditTables,
    cites: _Cites,
) -> tuple[Eligibility, list[Message]]:
    """One program's date: the latest of its waiting periods, or ``None`` if a start is unknown.

    Why the latest: a lender must find every applicable waiting period over (e.g. a foreclosure
    and a bankruptcy), so the binding one is the one that ends last.
    """
    name = PROGRAM_NAMES[program]
    notes: list[Message] = []
    candidates: list[tuple[dt.date, int, str, dt.date, bool]] = []
    unknown = False
    used: list[str] = []
    confidence = "confirmed"
    for event, given_start in events:
        row = tables.waiting[(program, event)]
        used += row.sources
        if row.confidence == "unconfirmed":
            confidence = "unconfirmed"
        if row.standard_months is None:
            notes.append(Message(MSG_NO_FIXED_PERIOD, {"program": name}))
            continue
        months, extenuating = row.standard_months, False
        if event == "short_sale" and row.current_exception_months is not None:
            if current is True:
                months = row.current_exception_months
                notes.append(Message(MSG_CURRENT_YES, {"program": name}))
            elif current is False:
                notes.append(Message(MSG_CURRENT_NO, {"program": name}))
            else:
                notes.append(Message(MSG_CURRENT_EXCEPTION, {"program": name}))
        shorter = row.extenuating_months
        if scenario.extenuating and shorter is not None and shorter < months:
            months, extenuating = shorter, True
        start = given_start
        if event.startswith("bankruptcy"):
            plan = row.anchor == "filing"
            start = scenario.bankruptcy_date if plan else scenario.discharge_date
            missing = MSG_NEED_FILING if plan else MSG_NEED_DISCHARGE
        else:
            missing = MSG_NEED_SALE_DATE
        if start is None:
            unknown = True
            notes.append(Message(missing, {"program": name}))
            continue
        day = add_months(start, months)
        candidates.append((day, months, event, start, extenuating))
        dates = {"date": day, "start": start}
        params = {"program": name, "months": str(months)}
        if months == 0:
            notes.append(Message(MSG_WAIT_NONE, {"program": name}, dates={"start": start}))
        elif row.anchor == "filing":
            notes.append(Message(MSG_WAIT_CH13_PLAN, params, dates=dates))
        else:
            notes.append(Message(WAIT_TEXT[event], params, dates=dates))
    best = max(candidates) if candidates and not unknown else None
    item = Eligibility(
        program=program,
        date=best[0] if best else None,
        months=best[1] if best else None,
        event=best[2] if best else None,
        start=best[3] if best else None,
        extenuating=best[4] if best else False,
        confidence=confidence,
        notes=(),
        sources=cites.take(dict.fromkeys(used)),
        applies=bool(events),
    )
    return item, notes


def _eligibility(
    scenario: Scenario,
    steps: tuple[ReportingStep, ...],
    current: bool | None,
    charged_off_on: dt.date | None,
    tables: CreditTables,
    cites: _Cites,
) -> tuple[tuple[Eligibility, ...], list[Message]]:
    """Each program's first date for a new mortgage, with its notes; and general notes."""
    events = _wait_events(scenario, steps, charged_off_on)
    results = []
    for program in PROGRAMS:
        item, notes = _program(program, events, scenario, current, tables, cites)
        notes += _program_notes(program, events, scenario, steps, charged_off_on)
        results.append(replace(item, notes=tuple(notes)))
    general: list[Message] = []
    if scenario.loan != "mortgage":
        general.append(Message(MSG_WAIT_NOT_MORTGAGE))
        if scenario.bankruptcy != "none":
            general.append(Message(MSG_WAIT_NOT_MORTGAGE_BK))
    if any(item.date is not None for item in results):
        general.append(Message(MSG_WAIT_MEANING))
    return tuple(results), general


def _score(
    scenario: Scenario, owed_after: bool, tables: CreditTables, cites: _Cites
) -> tuple[tuple[ScoreRange, ...], list[Message]]:
    path = scenario.path or PATHS_BY_LOAN[scenario.loan][0]
    notes: list[Message] = []
    if scenario.bankruptcy != "none":
        event = "bankruptcy"
        notes.append(Message(MSG_SCORE_BK))
    elif scenario.loan != "mortgage":
        cites.take(("nclc_repossession", "experian_repossession"))
        return (), [Message(MSG_SCORE_NO_FIGURE)]
    elif path == "foreclosure":
        event = "foreclosure"
    else:
        event = "short_sale_deficiency" if owed_after else "short_sale_no_deficiency"
        if path == "deed_in_lieu" and owed_after:
            notes.append(Message(MSG_SCORE_DIL))
    notes.append(Message(MSG_SCORE_ABOUT))
    return _ranges(scenario, (event,), tables, cites), notes


def _ranges(
    scenario: Scenario, events: Iterable[str], tables: CreditTables, cites: _Cites
) -> tuple[ScoreRange, ...]:
    """FICO 2011 rows for the chosen starting band, or for all three when none is chosen."""
    bands = (scenario.score,) if scenario.score else SCORE_BANDS
    out = []
    for event in events:
        for band in bands:
            row = tables.fico[(band, event)]
            out.append(
                ScoreRange(
                    band=band,
                    event=event,
                    low=row.low,
                    high=row.high,
                    recovery_low_months=row.recovery_low_months,
                    recovery_high_months=row.recovery_high_months,
                    confidence=row.confidence,
                    sources=cites.take(row.sources),
                )
            )
    return tuple(out)


def assess(
    scenario: Scenario,
    result: Result,
    barred: bool = False,
    today: dt.date | None = None,
    *,
    current_before_sale: bool | None = None,
    charged_off_on: dt.date | None = None,
    settled_on: dt.date | None = None,
) -> CreditResult:
    """The likely credit-report outcome of ``scenario`` (whose figures are ``result``).

    ``barred``: the state-law module found that state law bars this deficiency.
    ``today``: the reference day for the timeline (defaults to the system date).
    ``current_before_sale``: for FHA/USDA/VA short-sale exceptions, whether every mortgage and
    installment payment in the 12 months before the short sale was made within the month due
    (``None``: unknown; a DOFD before the sale date implies ``False``).
    ``charged_off_on`` / ``settled_on``: when the remaining balance was charged off or settled,
    if known; they place those steps on the timeline and never move the removal date.
    """
    tables = load_tables()
    cites = _Cites(tables)
    today = today or dt.date.today()
    steps, reporting_notes = _reporting(
        scenario, result, barred, tables, cites, charged_off_on, settled_on
    )
    last = steps[-1]
    varies = any(step.varies_by_lender for step in steps)
    owed_later = not barred and result.deficiency > 0 and scenario.action in ("collect", "settle")
    removal, outer, removal_notes = _removal(scenario, steps, owed_later, today, tables, cites)
    bk_removal, bk_limit, bk_notes = _bankruptcy_removal(scenario, tables, cites)
    barred_notes, dispute_notes = _barred_notes(barred, tables, cites)
    current = _current_before_sale(scenario, current_before_sale)
    eligibility, mortgage_notes = _eligibility(
        scenario, steps, current, charged_off_on, tables, cites
    )
    ranges, score_notes = _score(scenario, owed_later, tables, cites)
    # A mortgage with a DOFD went through late payments first: FICO published those too.
    late: tuple[ScoreRange, ...] = ()
    if scenario.loan == "mortgage" and scenario.dofd is not None:
        late = _ranges(scenario, ("late_30", "late_90"), tables, cites)
    return CreditResult(
        status_code=last.status_code,
        status_text=last.status_text,
        special_comment=last.special_comment,
        special_comment_text=last.special_comment_text,
        sequence=steps,
        varies_by_lender=varies,
        varies_text=Message(MSG_VARIES) if varies else None,
        reporting_notes=tuple(reporting_notes),
        dofd=scenario.dofd,
        removal_date=removal,
        removal_outer_limit=outer,
        removal_notes=tuple(removal_notes + bk_notes),
        bankruptcy_date=scenario.bankruptcy_date if scenario.bankruptcy != "none" else None,
        bankruptcy_discharge=scenario.discharge_date if scenario.bankruptcy != "none" else None,
        bankruptcy_removal=bk_removal,
        bankruptcy_removal_limit=bk_limit,
        barred=barred,
        barred_notes=tuple(barred_notes),
        dispute_notes=tuple(dispute_notes),
        path=scenario.path or PATHS_BY_LOAN[scenario.loan][0],
        sale_date=scenario.sale_date,
        charged_off_on=charged_off_on,
        settled_on=settled_on,
        eligibility=eligibility,
        mortgage_notes=tuple(mortgage_notes),
        score_band=scenario.score,
        score_ranges=ranges,
        late_ranges=late,
        score_notes=tuple(score_notes),
        sources=cites.all(),
        today=today,
        rules_checked=cites.checked(),
    )
