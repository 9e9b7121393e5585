"""The two tables of state law, one pydantic model per row: what a cell may hold, checked once.

``data/state_law.csv`` holds one row per jurisdiction (the 50 states and DC) with
enumerated, structured columns (no prose) and a citation next to every rule it sets;
``data/auto_rules.csv`` holds the states' small-balance limits for cars and other goods.
Every cell is validated by its column's type below and every rule that needs a citation,
a limit or a date is checked across columns by the row's model, so a broken file fails
naming its line, its jurisdiction and its column, never later in front of a reader.

Nothing is read at import time: :func:`load_rules` and :func:`load_auto_rules` read and
validate their file on first use and cache the result.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, model_validator

from deficiency.core.money import to_cents
from deficiency.core.scenario import STATE_CODES
from deficiency.rules.tables import (
    CONFIDENCES,
    DataFileError,
    SourceId,
    load_bibliography,
    packaged_text,
    read_rows,
)

# -- vocabularies of the data files -------------------------------------------------------
#: The foreclosure processes; ``usual_process`` is the one assumed when none is given.
PROCESSES: tuple[str, ...] = ("judicial", "nonjudicial")
YES_NO: tuple[str, ...] = ("yes", "no")
#: Which properties (or sales) a bar covers. "dwelling" = at most ``max_units`` units on at
#: most ``max_acres`` acres (whichever of the two limits the row sets); "short_redemption" =
#: a sale with a redemption period of six months or five weeks (Minnesota § 582.30 subd. 2).
BAR_SCOPES: tuple[str, ...] = (
    "none",
    "all",
    "dwelling",
    "owner_occupied",
    "owner_occupied_dwelling",
    "short_redemption",
)
#: Purchase-money bars for a lender's loan that bought the home (seller financing has its
#: own columns, ``bar_seller_financed``).
PURCHASE_MONEY_SCOPES: tuple[str, ...] = ("none", "dwelling", "owner_occupied_dwelling")
#: When a purchase-money bar applies: after any path, any foreclosure, or a judicial one.
PURCHASE_MONEY_PATHS: tuple[str, ...] = ("all", "foreclosure", "judicial")
#: Short sales: barred by statute for a dwelling; barred only if the agreement contains
#: the lender's waiver; barred only if the lender reports the cancelled debt to the IRS.
SHORT_SALE_BARS: tuple[str, ...] = ("none", "statute", "waiver_required", "cancellation_reported")
#: Fair-value rules. After the cap "never above the deficiency", debt − FMV and
#: debt − max(FMV, price) give the same collectible amount; both spellings are kept so
#: the data says what the statute says. "discretionary": the court may require a credit.
#: "confirmation_bar": no deficiency unless a court confirms that the sale brought the
#: property's true market value (Georgia § 44-14-161), so a price below the value bars it.
#: "strict_or_half": debt − the court's valuation after a strict foreclosure; after a
#: foreclosure by sale only half of (appraisal − price) is credited (Connecticut §§ 49-14,
#: 49-28).
FAIR_VALUE_KINDS: tuple[str, ...] = (
    "none",
    "debt_minus_fmv",
    "debt_minus_greater",
    "discretionary",
    "confirmation_bar",
    "strict_or_half",
)
FAIR_VALUE_WHEN: tuple[str, ...] = (
    "always",
    "judicial",
    "nonjudicial",
    "lender_bought",
    "lender_bought_nonjudicial",
    "owner_occupied",
    "owner_occupied_dwelling",
)
FAIR_VALUE_PATHS: tuple[str, ...] = ("foreclosure", "foreclosure_short_sale")
DEADLINE_UNITS: tuple[str, ...] = ("days", "months", "years")
#: The event a deadline runs from. Only "sale" is a date the scenario has
#: (``sale_date``); the others happen later, so only a lower bound can be shown.
DEADLINE_EVENTS: tuple[str, ...] = (
    "sale",
    "confirmation",
    "deed",
    "ratification",
    "redemption_end",
    "certificate",
)
#: Which foreclosures a deadline covers; "strict": a strict foreclosure (no sale).
DEADLINE_PROCESSES: tuple[str, ...] = ("any", "judicial", "nonjudicial", "strict")
#: Which properties (or sales) a deadline covers.
DEADLINE_SCOPES: tuple[str, ...] = (
    "all",
    "dwelling",
    "owner_occupied_dwelling",
    "agricultural",
    "lender_bought",
)
#: What the lender must do by the deadline: sue or move for the deficiency ("action"),
#: report the sale to the court for confirmation ("report"), or start enforcing a
#: deficiency judgment already entered ("enforcement").
DEADLINE_KINDS: tuple[str, ...] = ("action", "report", "enforcement")
#: The borrower's own deadline (to apply for the fair-value credit) runs from the sale.
REQUEST_EVENTS: tuple[str, ...] = ("sale",)
PREREQUISITES: tuple[str, ...] = (
    "court_confirmation",
    "deficiency_notice",
    "appraisal",
    "plead_in_complaint",
    "personal_service",
    "separate_action",
    "fmv_hearing",
    "fmv_request",
    "request_before_confirmation",
)
#: The caveats a row may attach (each has a message in :data:`messages.MSG_NOTE`).
NOTE_CODES: tuple[str, ...] = (
    "dwelling_in_use",
    "one_action_rule",
    "refinance_unclear",
    "refinance_2013",
    "fmv_bid_required",
    "court_discretion",
    "dil_deadline",
    "resale_possible",
    "process_varies",
    "redemption_waiver",
    "alternative_procedures",
    "enforcement_limit",
    "appraisal_waiver",
    "sold_out_junior",
    "good_faith_bid",
    "trust_indenture_judicial",
    "assignee_cap",
    "low_income_nonjudicial",
    "nontraditional_loans",
    "ag_land",
    "ag_fmv_action",
    "judgment_lapses",
    "homestead_election",
    "small_purchase_money",
    "materially_less",
    "pmi_credit",
    "commercial_exceptions",
    "deficiency_waiver_election",
    "market_sale",
    "short_sale_unread",
    "value_proof_required",
    "nonjudicial_lenders",
)
#: A prerequisite or note may hold only under a condition, written ``code:condition``
#: (Arizona's personal service is a rule of court foreclosures: ``personal_service:judicial``).
CONDITIONS: tuple[str, ...] = (
    "judicial",
    "nonjudicial",
    "strict",
    "owner_occupied_dwelling",
    "agricultural",
    "lender_bought",
)
#: The parts of a row whose primary text could not be read: each is said on screen when
#: the facts reach it. A note code names a caveat whose text could not be read.
UNCONFIRMED_PARTS: tuple[str, ...] = (
    "absence",
    "nonjudicial",
    "fair_value",
    "deadline",
    "short_sale",
    *NOTE_CODES,
)

# -- auto / personal-property small-balance rules (data/auto_rules.csv) ------------------
#: ``no_deficiency``: none at or below a threshold; ``fmv_credit``: figured on the fair market
#: value; ``unreasonable_sale_bar``: none at all unless the goods were sold in good faith and
#: in a commercially reasonable way (D.C. Code § 28-3812(e)(2)), a bar, not a presumption.
AUTO_EFFECTS: tuple[str, ...] = ("no_deficiency", "fmv_credit", "unreasonable_sale_bar")
#: What the threshold is compared with. Only "unpaid_balance" and "amount_owing" can be
#: bounded from the scenario (by ``balance``); the others are facts of the original sale.
AUTO_MEASURES: tuple[str, ...] = ("cash_price", "amount_financed", "unpaid_balance", "amount_owing")
AUTO_COMPARISONS: tuple[str, ...] = ("lte", "lt")
AUTO_SCOPES: tuple[str, ...] = (
    "consumer_credit",
    "credit_sale",
    "consumer_loan",
    "retail_installment_sale",
)


class StateLawDataError(DataFileError):
    """A data file that breaks the schema: the message names the line, row and column."""


# -- cell types: each column reads one ---------------------------------------------------
def _one_of(options: tuple[str, ...], *, blank_ok: bool = False) -> BeforeValidator:
    def check(value: Any) -> str:
        text = str(value)
        if blank_ok and not text:
            return ""
        if text not in options:
            raise ValueError(f"{text!r} is not one of {', '.join(options)}")
        return text

    return BeforeValidator(check)


def _codes(options: tuple[str, ...]) -> BeforeValidator:
    """``code;code``: each one of ``options``, none twice."""

    def check(value: Any) -> tuple[str, ...]:
        text = str(value)
        if not text:
            return ()
        items = tuple(item.strip() for item in text.split(";"))
        for item in items:
            if item not in options:
                raise ValueError(f"{item!r} is not one of {', '.join(options)}")
        if len(set(items)) != len(items):
            raise ValueError("lists a code twice")
        return items

    return BeforeValidator(check)


def _required(value: Any) -> str:
    if not str(value):
        raise ValueError("is required")
    return str(value)


def _iso_date(value: Any) -> dt.date | None:
    text = str(value)
    if not text:
        return None
    try:
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO date (YYYY-MM-DD)") from None


def _required_date(value: Any) -> dt.date:
    return _iso_date(_required(value))  # type: ignore[return-value]


def _positive_int(value: Any) -> int | None:
    text = str(value)
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or int(text) <= 0:
        raise ValueError(f"{text!r} is not a positive whole number")
    return int(text)


def _positive_decimal(value: Any) -> Decimal | None:
    text = str(value)
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None
    if not number.is_finite() or number <= 0:
        raise ValueError(f"{text!r} is not a positive number")
    return number


def _yes(value: Any) -> bool:
    text = str(value)
    if text not in YES_NO:
        raise ValueError(f"{text!r} is not one of {', '.join(YES_NO)}")
    return text == "yes"


Text = str
Required = Annotated[str, BeforeValidator(_required)]
YesNo = Annotated[bool, BeforeValidator(_yes)]
OptionalDate = Annotated[dt.date | None, BeforeValidator(_iso_date)]
RequiredDate = Annotated[dt.date, BeforeValidator(_required_date)]
OptionalCount = Annotated[int | None, BeforeValidator(_positive_int)]
OptionalSize = Annotated[Decimal | None, BeforeValidator(_positive_decimal)]
Confidence = Annotated[str, _one_of(CONFIDENCES)]


def _aligned(text: str, codes: tuple[str, ...], column: str) -> tuple[str, ...]:
    """Citations for ``codes``: one shared by all, or one per code separated by ``|``."""
    parts = tuple(part.strip() for part in text.split("|")) if codes else ()
    if any(not part for part in parts):
        raise ValueError(f"{column}: has an empty citation")
    if len(parts) == 1:
        return parts * len(codes)
    if len(parts) != len(codes):
        raise ValueError(f"{column}: gives {len(parts)} citations for {len(codes)} codes")
    return parts


class _Table(BaseModel):
    """A row of one of the tables: every cell is text in the file, typed here."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def _requires(self, condition: bool, column: str, why: str) -> None:
        """``column`` must be filled when ``condition`` holds and empty otherwise."""
        filled = bool(getattr(self, column))
        if condition and not filled:
            raise ValueError(f"{column}: is required when {why}")
        if not condition and filled:
            raise ValueError(f"{column}: must be empty unless {why}")


# -- the rows --------------------------------------------------------------------------------
def _qualified(text: str, options: tuple[str, ...], column: str) -> tuple[list[str], list[str]]:
    """``code;code:condition``: the codes, and the condition of each ("" when none)."""
    codes: list[str] = []
    conditions: list[str] = []
    for item in (part.strip() for part in text.split(";")) if text else ():
        code, _, condition = item.partition(":")
        if code not in options:
            raise ValueError(f"{column}: {code!r} is not one of {', '.join(options)}")
        if condition and condition not in CONDITIONS:
            raise ValueError(f"{column}: {condition!r} is not one of {', '.join(CONDITIONS)}")
        if code in codes:
            raise ValueError(f"{column}: lists a code twice")
        codes.append(code)
        conditions.append(condition)
    return codes, conditions


def _split_conditions(data: Any) -> Any:
    """The file's ``prerequisites`` and ``notes`` cells, split into codes and conditions."""
    if not isinstance(data, Mapping):
        return data
    data = dict(data)
    for column, options, when in (
        ("prerequisites", PREREQUISITES, "prerequisite_when"),
        ("notes", NOTE_CODES, "note_when"),
    ):
        if column in data and when not in data:
            codes, conditions = _qualified(str(data[column]), options, column)
            data[column] = ";".join(codes)
            data[when] = tuple(conditions)
    return data


class StateRule(_Table):
    """One jurisdiction's mortgage deficiency rules, validated from one row of the table.

    Every rule the row sets comes with its citation column; ``verified`` is the day the
    whole row (every condition and citation in it) was last checked against the primary
    text, and ``unconfirmed`` names the parts whose primary text could not be read.
    """

    code: Annotated[str, _one_of(STATE_CODES)]
    name: Required
    usual_process: Annotated[str, _one_of(PROCESSES)]
    nonjudicial_available: YesNo
    bar_nonjudicial: Annotated[str, _one_of(BAR_SCOPES)]
    bar_judicial: Annotated[str, _one_of(BAR_SCOPES)]
    bar_purchase_money: Annotated[str, _one_of(PURCHASE_MONEY_SCOPES)]
    purchase_money_paths: Annotated[str, _one_of(PURCHASE_MONEY_PATHS, blank_ok=True)]
    bar_loans_from: OptionalDate
    bar_seller_financed: YesNo
    seller_financed_paths: Annotated[str, _one_of(PURCHASE_MONEY_PATHS, blank_ok=True)]
    bar_home_equity: YesNo
    bar_deed_in_lieu: YesNo
    max_units: OptionalCount
    max_acres: OptionalSize
    short_sale_bar: Annotated[str, _one_of(SHORT_SALE_BARS)]
    fair_value: Annotated[str, _one_of(FAIR_VALUE_KINDS)]
    fair_value_when: Annotated[str, _one_of(FAIR_VALUE_WHEN, blank_ok=True)]
    fair_value_paths: Annotated[str, _one_of(FAIR_VALUE_PATHS, blank_ok=True)]
    deadline_amount: OptionalCount
    deadline_unit: Annotated[str, _one_of(DEADLINE_UNITS, blank_ok=True)]
    deadline_from: Annotated[str, _one_of(DEADLINE_EVENTS, blank_ok=True)]
    deadline_process: Annotated[str, _one_of(DEADLINE_PROCESSES, blank_ok=True)]
    deadline_scope: Annotated[str, _one_of(DEADLINE_SCOPES, blank_ok=True)]
    deadline_kind: Annotated[str, _one_of(DEADLINE_KINDS, blank_ok=True)]
    request_deadline_amount: OptionalCount
    request_deadline_unit: Annotated[str, _one_of(DEADLINE_UNITS, blank_ok=True)]
    request_deadline_from: Annotated[str, _one_of(REQUEST_EVENTS, blank_ok=True)]
    request_deadline_process: Annotated[str, _one_of(DEADLINE_PROCESSES, blank_ok=True)]
    prerequisites: Annotated[tuple[str, ...], _codes(PREREQUISITES)]
    notes: Annotated[tuple[str, ...], _codes(NOTE_CODES)]
    citation: Required
    nonjudicial_citation: Text
    judicial_citation: Text
    purchase_money_citation: Text
    seller_financed_citation: Text
    home_equity_citation: Text
    deed_in_lieu_citation: Text
    short_sale_citation: Text
    fair_value_citation: Text
    deadline_citation: Text
    request_deadline_citation: Text
    prerequisites_citation: Text
    notes_citation: Text
    unconfirmed: Annotated[tuple[str, ...], _codes(UNCONFIRMED_PARTS)]
    #: The id of its source in the bibliography, where its address is kept once.
    source: SourceId
    verified: RequiredDate
    confidence: Confidence
    #: The condition of each prerequisite and note ("" when it always holds), read from
    #: ``code:condition`` in the file (not columns of their own).
    prerequisite_when: tuple[str, ...] = ()
    note_when: tuple[str, ...] = ()

    @property
    def source_url(self) -> str:
        """The address of the row's source, kept once in the bibliography (``sources.csv``)."""
        return load_bibliography().sources[self.source].url

    @property
    def prerequisite_citations(self) -> tuple[str, ...]:
        """One citation per prerequisite, in the same order."""
        return _aligned(self.prerequisites_citation, self.prerequisites, "prerequisites_citation")

    @property
    def note_citations(self) -> tuple[str, ...]:
        """One citation per note, in the same order."""
        return _aligned(self.notes_citation, self.notes, "notes_citation")

    @model_validator(mode="before")
    @classmethod
    def _conditions(cls, data: Any) -> Any:
        return _split_conditions(data)

    @model_validator(mode="after")
    def _consistent(self) -> StateRule:
        self._check_process()
        self._check_bars()
        self._check_fair_value()
        self._check_deadlines()
        self._check_codes()
        self._check_limits()
        return self

    def _check_process(self) -> None:
        if self.usual_process == "nonjudicial" and not self.nonjudicial_available:
            raise ValueError("usual_process: is nonjudicial but nonjudicial_available is no")
        if self.bar_nonjudicial != "none" and not self.nonjudicial_available:
            raise ValueError("bar_nonjudicial: is set but nonjudicial_available is no")

    def _check_bars(self) -> None:
        nonjudicial, judicial = self.bar_nonjudicial != "none", self.bar_judicial != "none"
        self._requires(nonjudicial, "nonjudicial_citation", "bar_nonjudicial is set")
        self._requires(judicial, "judicial_citation", "bar_judicial is set")
        purchase_money = self.bar_purchase_money != "none"
        self._requires(purchase_money, "purchase_money_paths", "bar_purchase_money is set")
        self._requires(purchase_money, "purchase_money_citation", "bar_purchase_money is set")
        if self.bar_loans_from is not None and not purchase_money:
            raise ValueError("bar_loans_from: must be empty unless bar_purchase_money is set")
        seller = self.bar_seller_financed
        self._requires(seller, "seller_financed_paths", "bar_seller_financed is yes")
        self._requires(seller, "seller_financed_citation", "bar_seller_financed is yes")
        self._requires(self.bar_home_equity, "home_equity_citation", "bar_home_equity is yes")
        self._requires(self.bar_deed_in_lieu, "deed_in_lieu_citation", "bar_deed_in_lieu is yes")
        short_sale = self.short_sale_bar != "none"
        self._requires(short_sale, "short_sale_citation", "short_sale_bar is set")

    def _check_fair_value(self) -> None:
        has_fair_value = self.fair_value != "none"
        for column in ("fair_value_when", "fair_value_paths", "fair_value_citation"):
            self._requires(has_fair_value, column, "fair_value is set")

    def _check_deadlines(self) -> None:
        has_deadline = self.deadline_amount is not None
        for column in (
            "deadline_unit",
            "deadline_from",
            "deadline_process",
            "deadline_scope",
            "deadline_kind",
            "deadline_citation",
        ):
            self._requires(has_deadline, column, "deadline_amount is set")
        has_request = self.request_deadline_amount is not None
        for column in (
            "request_deadline_unit",
            "request_deadline_from",
            "request_deadline_process",
            "request_deadline_citation",
        ):
            self._requires(has_request, column, "request_deadline_amount is set")
        if has_request and self.fair_value in ("none", "discretionary", "confirmation_bar"):
            raise ValueError("request_deadline_amount: needs a fair-value credit to ask for")

    def _check_codes(self) -> None:
        self._requires(
            bool(self.prerequisites), "prerequisites_citation", "prerequisites are listed"
        )
        self._requires(bool(self.notes), "notes_citation", "notes are listed")
        self.prerequisite_citations  # noqa: B018 - raises when misaligned
        self.note_citations  # noqa: B018
        if self.unconfirmed and self.confidence == "confirmed" and "absence" in self.unconfirmed:
            raise ValueError(
                "unconfirmed: a row whose absence of a rule is unconfirmed is unconfirmed"
            )

    def _check_limits(self) -> None:
        scopes = (self.bar_nonjudicial, self.bar_judicial, self.bar_purchase_money)
        dwelling_scopes = ("dwelling", "owner_occupied_dwelling")
        uses_dwelling = (
            any(scope in dwelling_scopes for scope in scopes)
            or self.short_sale_bar == "statute"
            or self.deadline_scope in dwelling_scopes
            or self.fair_value_when == "owner_occupied_dwelling"
            or "owner_occupied_dwelling" in (*self.prerequisite_when, *self.note_when)
        )
        limited = self.max_units is not None or self.max_acres is not None
        if uses_dwelling and not limited:
            raise ValueError("max_units: a dwelling rule needs max_units or max_acres")
        if not uses_dwelling and limited:
            raise ValueError("max_units: must be empty unless a rule is limited to a dwelling")


class AutoRule(_Table):
    """A state's consumer-goods (car) deficiency limit beyond the UCC, from auto_rules.csv."""

    code: Annotated[str, _one_of(STATE_CODES)]
    effect: Annotated[str, _one_of(AUTO_EFFECTS)]
    measure: Annotated[str, _one_of(AUTO_MEASURES, blank_ok=True)]
    comparison: Annotated[str, _one_of(AUTO_COMPARISONS, blank_ok=True)]
    threshold_cents: Annotated[int | None, BeforeValidator(lambda value: _threshold(value))]
    scope: Annotated[str, _one_of(AUTO_SCOPES)]
    citation: Required
    #: The id of its source in the bibliography, where its address is kept once.
    source: SourceId
    verified: RequiredDate
    confidence: Confidence

    @property
    def source_url(self) -> str:
        """The address of the row's source, kept once in the bibliography (``sources.csv``)."""
        return load_bibliography().sources[self.source].url

    @model_validator(mode="before")
    @classmethod
    def _rename(cls, data: Any) -> Any:
        """The file's ``threshold`` (dollars) is the row's ``threshold_cents``."""
        if isinstance(data, Mapping) and "threshold" in data:
            data = dict(data)
            data["threshold_cents"] = data.pop("threshold")
        return data

    @model_validator(mode="after")
    def _consistent(self) -> AutoRule:
        is_bar = self.effect == "no_deficiency"
        self._requires(is_bar, "measure", "effect is no_deficiency")
        self._requires(is_bar, "comparison", "effect is no_deficiency")
        # A consumer finance loan's fair-value rule starts at an amount (its message names it).
        needs_amount = is_bar or self.scope == "consumer_loan"
        if needs_amount and self.threshold_cents is None:
            raise ValueError(
                "threshold: is required when effect is no_deficiency or scope is consumer_loan"
            )
        if not needs_amount and self.threshold_cents is not None:
            raise ValueError(
                "threshold: must be empty unless effect is no_deficiency or scope is consumer_loan"
            )
        return self


def _threshold(value: Any) -> int | None:
    amount = _positive_decimal(value)
    if amount is None:
        return None
    try:
        return to_cents(amount)
    except ValueError:
        raise ValueError("has more than 2 decimals") from None


#: The columns of each file, in order: the models' fields (``threshold`` in the file).
STATE_COLUMNS: tuple[str, ...] = tuple(
    name for name in StateRule.model_fields if name not in ("prerequisite_when", "note_when")
)
AUTO_COLUMNS: tuple[str, ...] = tuple(
    "threshold" if name == "threshold_cents" else name for name in AutoRule.model_fields
)


# -- reading a table -----------------------------------------------------------------------------
def _validated(model: type[_Table], data: Mapping[str, str], line: int, source: str) -> Any:
    """One row through its model; a failure names the line, the row's code and the column."""
    try:
        # The bibliography's ids are the known sources: an id nobody recorded is an error.
        known = {"sources": load_bibliography().sources}
        return model.model_validate(dict(data), context=known)
    except ValidationError as exc:
        err = exc.errors()[0]
        problem = str(err["msg"]).removeprefix("Value error, ")
        column = str(err["loc"][0]) if err["loc"] else ""
        if column == "threshold_cents":
            column = "threshold"
        where = f"{column}: " if column else ""
        code = data.get("code") or "?"
        raise StateLawDataError(f"{source} line {line} ({code}): {where}{problem}") from None


def _rows(
    text: str, columns: tuple[str, ...], source: str, model: type[_Table]
) -> Iterable[tuple[int, Any]]:
    for line, data in read_rows(text, source, columns, StateLawDataError):
        yield line, _validated(model, data, line, source)


def parse_rules(text: str, source: str = "state_law.csv") -> dict[str, StateRule]:
    """Validate the state table given as CSV text; raise :class:`StateLawDataError` if bad.

    Every row must be complete (citation, source URL, verified date, enumerated values,
    a citation for every rule it sets), and the table must hold exactly the 50 states and
    DC, once each: a missing or doubled jurisdiction is an error, never a silent default.
    """
    rules: dict[str, StateRule] = {}
    for line, rule in _rows(text, STATE_COLUMNS, source, StateRule):
        if rule.code in rules:
            raise StateLawDataError(f"{source} line {line} ({rule.code}): code: appears twice")
        rules[rule.code] = rule
    missing = [code for code in STATE_CODES if code not in rules]
    if missing:
        raise StateLawDataError(f"{source}: missing jurisdictions: {', '.join(missing)}")
    return {code: rules[code] for code in STATE_CODES}


def parse_auto_rules(text: str, source: str = "auto_rules.csv") -> dict[str, tuple[AutoRule, ...]]:
    """Validate the auto small-balance table; states without a row get an empty tuple."""
    found: dict[str, list[AutoRule]] = {code: [] for code in STATE_CODES}
    for line, rule in _rows(text, AUTO_COLUMNS, source, AutoRule):
        if any(other.effect == rule.effect for other in found[rule.code]):
            raise StateLawDataError(
                f"{source} line {line} ({rule.code}): effect: appears twice for this state"
            )
        found[rule.code].append(rule)
    return {code: tuple(rules) for code, rules in found.items()}


def _read(path: str | Path, parse: Callable[[str, str], Any]) -> Any:
    file = Path(path)
    return parse(file.read_text(encoding="utf-8"), file.name)


def read_rules(path: str | Path) -> dict[str, StateRule]:
    """Read and validate a state table from a file (uncached; see :func:`load_rules`)."""
    return _read(path, parse_rules)


def read_auto_rules(path: str | Path) -> dict[str, tuple[AutoRule, ...]]:
    """Read and validate an auto-rules table from a file (uncached)."""
    return _read(path, parse_auto_rules)


def _packaged(name: str) -> str:
    return packaged_text(__package__ or "deficiency.rules.state_law", name)


@functools.lru_cache(maxsize=1)
def load_rules() -> dict[str, StateRule]:
    """The packaged state table, validated once on first use (no I/O at import time)."""
    return parse_rules(_packaged("state_law.csv"))


@functools.lru_cache(maxsize=1)
def load_auto_rules() -> dict[str, tuple[AutoRule, ...]]:
    """The packaged auto small-balance table, validated once on first use."""
    return parse_auto_rules(_packaged("auto_rules.csv"))
