"""Check a lender's deficiency letter after a repossession (UCC Article 9).

After a repossession sale the lender sends a letter claiming a deficiency. In a consumer-goods
transaction UCC § 9-616(c) requires the explanation to give, in this order: (1) the aggregate
obligation (saying whether it reflects a rebate of unearned interest), (2) the sale proceeds,
(3) the obligation after deducting the proceeds, (4) the expenses of retaking, holding,
preparing, processing and disposing, and attorney's fees, (5) the credits not reflected in
(1), including rebates of interest, and (6) the surplus or deficiency. § 9-615(a) applies the
proceeds to the same items. :func:`check_letter` redoes that arithmetic in cents from the
figures the reader copies from the letter and lists what deserves a question, each with the
amount at stake, what to ask the lender and where the rule comes from.

Why the inputs live in the URL: a reader shares the check with a legal-aid lawyer, so the
letter is encoded like the scenario (:mod:`deficiency.interface.links`): every key is prefixed
``lt_``, only non-default keys are written, values are stable codes and plain numbers, and a bad
value costs only its own key (:func:`decode_letter`). The keys are a public interface: add keys,
never rename them or change their meaning.

What is and is not verified. The UCC rules (9-615, 9-616, 9-625(c)(2), 9-626) are uniform;
each flag cites the section as the reader's state enacted it, or the uniform text where no
state text was found (:mod:`deficiency.rules.ucc`, ``data/ucc_sections.csv``). Expense ranges come
from ``data/letter_ranges.csv``: a row is ``confirmed`` only where a statute caps the charge
(two Wisconsin limits); every other row is an ``unconfirmed``, deliberately high screen,
because no published national range was found, and the flag says so. Nothing is read at
import time; the data files load on first use.

Decisions documented here because they are judgment calls:

* *Missing rebate of unearned interest.* A simple-interest loan earns interest only as days
  pass, so acceleration leaves nothing unearned; a precomputed contract adds the whole finance
  charge to the balance at the start, so when the lender accelerates it, the charge for the
  months not yet reached is unearned and must be credited (NCLC § 1.4.9). Rule: no rebate on
  the letter and no statement that the obligation already reflects one is a *warning* when the
  reader says the contract was precomputed and *info* when the reader does not know.
* *Add-on refunds.* The same rule for GAP, service contracts and credit insurance (CFPB).
* *Late fees after acceleration.* A late fee is charged on a missed installment; after the
  whole balance is demanded there are no installments left to be late, so these fees are
  flagged as often not due (NCLC § 1.4.9), without removing them from the recomputed figure.
* *Amounts at stake* are never summed: the flags overlap (a sale without notice may cut the
  whole deficiency, which already includes every overcharge).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError
from pydantic_core import PydanticCustomError

from deficiency.core.engine import ITEM_LABELS, Item
from deficiency.core.money import cents_str, div_round_half_up, to_cents
from deficiency.core.scenario import STATE_CODES
from deficiency.core.validators import (
    MSG_INT,
    MSG_UNKNOWN,
    Amount,
    FieldIssue,
    Flag,
    OptionalAmount,
    OptionalFlag,
    ScenarioError,
    issues_from_error,
    short,
)
from deficiency.interface.querycodes import query_code as _code
from deficiency.rules import ucc
from deficiency.rules.state_law import (
    MSG_FOLLOW_SURPLUS_UCC,
    UCC_CITE_615,
    UCC_CITE_615F,
    UCC_CITE_616,
    UCC_CITE_625,
    UCC_CITE_626,
    load_rules,
)
from deficiency.rules.tables import DataFileError, Source, amount_cell, packaged_text, read_rows
from deficiency.text.markers import N_, Message

Severity = Literal["error", "warning", "info"]
Confidence = Literal["confirmed", "unconfirmed"]

#: Every letter key starts with this, so a URL can carry a scenario and a letter at once.
PREFIX = "lt_"
MAX_STORAGE_DAYS = 3650
ZERO = Decimal("0.00")
UCC_CITE_615A1 = "UCC § 9-615(a)(1)"
UCC_CITE_616C = "UCC § 9-616(c)"
UCC_CITE_626B = "UCC § 9-626(b)"

# -- message ids: validation ----------------------------------------------------------------
MSG_LATE_FEES_ABOVE = N_(
    "{key}: “{value}” is more than the amount owed ({obligation}); late fees are part of that "
    "amount."
)

# -- message ids: the 9-616(c) lines ----------------------------------------------------------
LINE_LABELS: dict[str, str] = {
    "obligation": N_("Amount owed before the sale (as stated)"),
    "proceeds": N_("Sale proceeds"),
    "after_proceeds": N_("Owed after the sale proceeds"),
    "repo_fee": N_("Repossession (retaking)"),
    "storage": N_("Storage"),
    "reconditioning": N_("Preparing the vehicle for sale"),
    "auction_fee": N_("Auction or sale fees"),
    "other_expenses": N_("Other expenses"),
    "attorney_fees": N_("Attorney's fees and legal expenses"),
    "interest_rebate": N_("Rebate of unearned interest"),
    "addon_refunds": N_("Refunds of add-on products (GAP, service contract, credit insurance)"),
    "other_credits": N_("Other credits"),
    "deficiency": ITEM_LABELS["deficiency"],
    "surplus": ITEM_LABELS["surplus"],
}

# -- message ids: the flags ---------------------------------------------------------------------
TITLE_ARITHMETIC = N_("The figures do not add up")
TITLE_SURPLUS = N_("The figures show a surplus")
TITLE_REBATE = N_("No rebate of unearned interest")
TITLE_ADDONS = N_("No refund of add-on products")
TITLE_LATE_FEES = N_("Late fees after acceleration")
TITLE_RELATED = N_("Sold to the lender or a related buyer")
TITLE_NONCOMPLIANT = N_("No proper notice or sale")
TITLE_MIN_DAMAGES = N_("Minimum damages")

MSG_ARITHMETIC_HIGH = N_(
    "The letter claims {stated}, but its own figures add up to {recomputed} (the amount owed, "
    "minus the sale proceeds, plus expenses, minus credits). It asks for {difference} more "
    "than its figures support."
)
MSG_ARITHMETIC_LOW = N_(
    "The letter claims {stated}, but its own figures add up to {recomputed}: {difference} less. "
    "A credit may be missing from the itemization."
)
ASK_ARITHMETIC = N_(
    "Ask the lender for the written explanation the law requires ({citation}): the amount "
    "owed, the sale proceeds, each expense and each credit, in that order, and how they give "
    "the amount claimed."
)
ASK_SURPLUS = N_("Ask the lender when it will pay you the surplus, and in writing.")
MSG_REBATE_MISSING = N_(
    "Your contract is precomputed (the finance charge was added to the balance at the start), "
    "but the letter shows no rebate of unearned interest. When the loan was accelerated, the "
    "interest for the months not yet reached was not earned and should be credited "
    "({citation})."
)
MSG_REBATE_UNKNOWN = N_(
    "The letter shows no rebate of unearned interest. If your contract was precomputed (the "
    "finance charge was added to the balance at the start), the interest for the months after "
    "the loan was accelerated was not earned and should be credited ({citation})."
)
ASK_REBATE = N_(
    "Ask whether the amount owed of {obligation} includes finance charges for months after "
    "the loan was accelerated and, if so, for the rebate. The explanation must say whether the "
    "amount owed reflects a rebate of unearned interest ({citation})."
)
MSG_ADDONS_MISSING = N_(
    "Your loan financed add-on products (such as GAP, a service contract or credit insurance), "
    "but the letter shows no refund. These contracts end with the repossession, and the "
    "unearned part is usually refundable and should reduce the deficiency. The CFPB found that "
    "failing to request or apply these refunds was unfair."
)
MSG_ADDONS_UNKNOWN = N_(
    "The letter shows no refund of add-on products. If your loan financed GAP, a service "
    "contract or credit insurance, the unearned part is usually refundable after a "
    "repossession and should reduce the deficiency."
)
ASK_ADDONS = N_(
    "Ask for a list of the add-on products financed with the loan, whether each was "
    "cancelled, and the refund credited for each."
)
MSG_LATE_FEES = N_(
    "The amount owed includes {amount} of late fees charged after the loan was accelerated. "
    "A late fee is charged on a missed installment; once the whole balance was demanded there "
    "were no installments left to be late, so these fees are often not due."
)
ASK_LATE_FEES = N_(
    "Ask for the date and the installment behind each late fee, and for the removal of every "
    "late fee charged after acceleration."
)
MSG_EXPENSE_CAP = N_(
    "The letter charges {amount}. {state} law limits this charge to {limit} ({citation}), so "
    "{excess} may not be owed. Check in the source when the limit applies."
)
MSG_EXPENSE_BARRED = N_(
    "The letter charges {amount}. {state} law does not allow this charge ({citation}), so "
    "{excess} may not be owed. Check in the source when the rule applies."
)
MSG_EXPENSE_CAP_DAILY = N_(
    "The letter charges {rate} a day for {days} days. {state} law limits this charge to "
    "{limit} a day ({citation}), so {excess} may not be owed. Check in the source when the "
    "limit applies."
)
MSG_EXPENSE_SCREEN = N_(
    "The letter charges {amount}, more than {limit}, the deliberately high screen this app "
    "uses. No published range or legal limit was found for this charge, so it is not "
    "necessarily wrong, but only reasonable expenses may be charged ({citation})."
)
MSG_EXPENSE_SCREEN_DAILY = N_(
    "The letter charges {rate} a day for {days} days, more than {limit} a day, the "
    "deliberately high screen this app uses. No published range or legal limit was found for "
    "this charge, so it is not necessarily wrong, but only reasonable expenses may be charged "
    "({citation})."
)
ASK_EXPENSE = N_(
    "Ask for the invoice behind this charge, who was paid, and whether that company is "
    "related to the lender."
)
MSG_ATTORNEY = N_(
    "The letter charges {amount} of attorney's fees. They may be charged only if your "
    "contract provides for them and the law does not prohibit them, and only if reasonable "
    "({citation})."
)
ASK_ATTORNEY = N_(
    "Ask which clause of your contract allows attorney's fees, and for the lawyer's itemized bill."
)
MSG_RELATED_FMV = N_(
    "The vehicle was sold to the lender or a related buyer for {proceeds}. If that is "
    "significantly below what a proper sale to an unrelated buyer would bring, the deficiency "
    "is figured on that price instead ({citation}). With the value you entered, {fmv}, it "
    "would be {deficiency} instead of {recomputed}: {reduction} less. You must show that the "
    "price was significantly low, and a retail value is usually more than a proper sale brings."
)
MSG_RELATED_NEEDS_FMV = N_(
    "The vehicle was sold to the lender or a related buyer. If the price was significantly "
    "below what a proper sale to an unrelated buyer would bring, the deficiency is figured on "
    "that price instead ({citation}). Enter the vehicle's value to see the difference."
)
MSG_RELATED_NOT_LOW = N_(
    "The vehicle was sold to the lender or a related buyer, but the value you entered ({fmv}) "
    "is not above the price ({proceeds}), so this rule would not change the deficiency "
    "({citation})."
)
ASK_RELATED = N_(
    "Ask who bought the vehicle, for how much, and how the lender checked that the price was "
    "fair (auction results or dealer price guides)."
)
MSG_NONCOMPLIANT = N_(
    "The lender did not send a proper notice of the sale or did not sell in a commercially "
    "reasonable way. Courts then often bar the deficiency or presume that a proper sale would "
    "have paid the whole debt, so the deficiency of {deficiency} could be cut to zero unless "
    "the lender "
    "proves that a proper sale would have brought less ({citation}). For consumer loans the "
    "UCC leaves the rule to the courts ({consumer_citation}): some only subtract your damages."
)
ASK_NONCOMPLIANT = N_(
    "Ask for a copy of the notice of sale and proof of when it was sent, and for the details "
    "of the sale: date, place, method, buyer and price."
)
MSG_MIN_DAMAGES = N_(
    "Because the rules were not followed, you may be able to recover at least the finance "
    "charge plus 10 percent of the principal: {finance_charge} + {ten_percent} = {damages} "
    "({citation}). This minimum applies to consumer goods, once per loan."
)
MSG_MIN_DAMAGES_NEEDS = N_(
    "Because the rules were not followed, you may be able to recover at least the finance "
    "charge plus 10 percent of the principal ({citation}). Enter both from your contract to "
    "see the figure."
)
ASK_MIN_DAMAGES = N_(
    "Keep your contract (the finance charge and the amount financed are in its Truth in "
    "Lending box) and talk to a consumer lawyer or legal aid about a claim or counterclaim."
)

#: Expense items that can have a range row, with the inputs key they are read from.
EXPENSE_ITEMS: dict[str, str] = {
    "repo_fee": "lt_repo_fee",
    "storage_rate": "lt_storage_rate",
    "reconditioning": "lt_reconditioning",
    "auction_fee": "lt_auction_fee",
    "other_expenses": "lt_other_expenses",
    "attorney_fees": "lt_attorney_fees",
}
_ITEM_TITLES: dict[str, str] = {
    "repo_fee": LINE_LABELS["repo_fee"],
    "storage_rate": LINE_LABELS["storage"],
    "reconditioning": LINE_LABELS["reconditioning"],
    "auction_fee": LINE_LABELS["auction_fee"],
    "other_expenses": LINE_LABELS["other_expenses"],
    "attorney_fees": LINE_LABELS["attorney_fees"],
}
RANGE_COLUMNS: tuple[str, ...] = (
    "item",
    "low",
    "high",
    "unit",
    "source_title",
    "source_url",
    "note",
    "confidence",
    "state",
)
SOURCE_COLUMNS: tuple[str, ...] = ("id", "title", "url", "note")

#: Source ids reserved for the Article 9 sections (:func:`deficiency.rules.ucc.sources`).
UCC_SOURCE_IDS: frozenset[str] = frozenset(ucc.source_id(number) for number in ucc.SECTIONS)


class LetterDataError(DataFileError):
    """A letter data file breaks its schema: the message names the file, line and column."""


# -- the inputs -------------------------------------------------------------------------------
def _days(value: Any) -> int:
    """Whole days of storage, 0 to 3650 (ten years is far beyond any real storage bill)."""
    if isinstance(value, bool):
        raise PydanticCustomError("days", MSG_INT)
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip() if isinstance(value, (str, Decimal)) else ""
        if not text.isascii() or not text.isdigit() or len(text) > 5:
            raise PydanticCustomError("days", MSG_INT)
        number = int(text)
    if not 0 <= number <= MAX_STORAGE_DAYS:
        raise PydanticCustomError("days", MSG_INT)
    return number


Days = Annotated[int, BeforeValidator(_days)]


class LetterInputs(BaseModel):
    """The figures of one deficiency letter, as the reader copies them (dollars, 2 decimals).

    Amounts are 0 to 100,000,000 like the scenario. ``None`` means "not on the letter" or
    "I don't know" (for the yes/no facts that change what a missing line means). Cross-key
    rules (late fees within the amount owed) are checked by :func:`validate_letter` and
    :func:`decode_letter`, not by the model, so a model built directly never fails on them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: 9-616(c)(1): the aggregate obligation the letter states, before the sale.
    lt_obligation: Amount = ZERO
    #: The letter says the obligation already reflects a rebate of unearned interest.
    lt_rebate_included: Flag = False
    #: The contract was precomputed (finance charge added up front); None = not known.
    lt_precomputed: OptionalFlag = None
    lt_unearned_interest_rebate: Amount = ZERO
    #: The loan financed GAP, a service contract or credit insurance; None = not known.
    lt_addons: OptionalFlag = None
    lt_addon_refunds: Amount = ZERO
    lt_other_credits: Amount = ZERO
    #: 9-616(c)(2): what the sale brought.
    lt_proceeds: Amount = ZERO
    lt_repo_fee: Amount = ZERO
    lt_storage_days: Days = 0
    #: Storage charged per day.
    lt_storage_rate: Amount = ZERO
    lt_reconditioning: Amount = ZERO
    lt_auction_fee: Amount = ZERO
    lt_other_expenses: Amount = ZERO
    lt_attorney_fees: Amount = ZERO
    #: Late fees dated after acceleration, already included in ``lt_obligation``.
    lt_late_fees_after_acceleration: Amount = ZERO
    #: The deficiency the letter claims; None = not entered (no arithmetic check).
    lt_stated_deficiency: OptionalAmount = None
    #: Sold to the lender, a person related to it or a secondary obligor (9-615(f)).
    lt_buyer_related: Flag = False
    #: The reader's value of the vehicle (retail or fair market value), optional.
    lt_fmv: OptionalAmount = None
    lt_notice_given: Flag = True
    lt_commercially_reasonable: Flag = True
    #: From the contract's Truth in Lending box, for 9-625(c)(2) minimum damages.
    lt_finance_charge: OptionalAmount = None
    lt_principal: OptionalAmount = None


#: Keys in schema order (the order of the README table and of links).
LETTER_KEYS: tuple[str, ...] = tuple(LetterInputs.model_fields)
LETTER_DEFAULTS = LetterInputs()


def is_letter_key(key: object) -> bool:
    """Whether a query key belongs to the letter (so the scenario decoder can skip it)."""
    return isinstance(key, str) and key.startswith(PREFIX)


# -- validation ------------------------------------------------------------------------------
def _params_for(key: str) -> dict[str, str]:
    if key == "lt_storage_days":
        return {"min": "0", "max": str(MAX_STORAGE_DAYS)}
    return {}


def _cross_issues(inputs: LetterInputs) -> list[FieldIssue]:
    if inputs.lt_late_fees_after_acceleration > inputs.lt_obligation:
        return [
            FieldIssue(
                "lt_late_fees_after_acceleration",
                f"{inputs.lt_late_fees_after_acceleration:.2f}",
                MSG_LATE_FEES_ABOVE,
                {"obligation": f"{inputs.lt_obligation:.2f}"},
            )
        ]
    return []


def validate_letter(data: Mapping[str, Any]) -> LetterInputs:
    """Validate a whole letter strictly: any bad or unknown key raises :class:`ScenarioError`."""
    try:
        inputs = LetterInputs.model_validate(dict(data))
    except ValidationError as exc:
        raise ScenarioError(issues_from_error(exc, data, _params_for)) from None
    cross = _cross_issues(inputs)
    if cross:
        raise ScenarioError(cross)
    return inputs


def decode_letter(params: Mapping[str, Any]) -> tuple[LetterInputs, list[FieldIssue]]:
    """Open the letter part of a link: every valid ``lt_`` key kept, one issue per bad one.

    Keys without the ``lt_`` prefix belong to the scenario or the shell and are ignored here;
    an unknown ``lt_`` key is reported. Never raises, whatever the values.
    """
    issues: list[FieldIssue] = []
    accepted: dict[str, Any] = {}
    for key, value in params.items():
        if not is_letter_key(key):
            continue
        if key not in LetterInputs.model_fields:
            issues.append(FieldIssue(short(key), short(value), MSG_UNKNOWN))
            continue
        try:
            LetterInputs.model_validate({key: value})
        except ValidationError as exc:
            issues.extend(issues_from_error(exc, {key: value}, _params_for))
            continue
        accepted[key] = value
    inputs = LetterInputs.model_validate(accepted)
    cross = _cross_issues(inputs)
    if cross:
        issues.extend(cross)
        inputs = inputs.model_copy(update={"lt_late_fees_after_acceleration": ZERO})
    return inputs, issues


def encode_letter(inputs: LetterInputs) -> dict[str, str]:
    """The query parameters of a letter: every key that differs from the defaults."""
    params: dict[str, str] = {}
    for key in LETTER_KEYS:
        value = getattr(inputs, key)
        if value is not None and value != getattr(LETTER_DEFAULTS, key):
            params[key] = _code(value)
    return params


# -- the data files -------------------------------------------------------------------------
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


def _csv_rows(text: str, name: str, columns: Sequence[str]) -> list[dict[str, str]]:
    return [row for _line, row in read_rows(text, name, tuple(columns), LetterDataError)]


def _money_cell(text: str, where: str) -> int:
    return to_cents(amount_cell(text, where, LetterDataError))


def parse_ranges(text: str, name: str = "letter_ranges.csv") -> dict[tuple[str, str], ExpenseRange]:
    """Parse and validate the ranges table, keyed by (item, state).

    Strict because a typo here becomes a wrong accusation in front of a lender: every row
    needs an https source and a note, storage is per day and every other item flat, and
    a national row (no state) can never claim to be confirmed.
    """
    ranges: dict[tuple[str, str], ExpenseRange] = {}
    for n, row in enumerate(_csv_rows(text, name, RANGE_COLUMNS), start=2):
        where = f"{name} line {n}"
        item, state = row["item"].strip(), row["state"].strip()
        if item not in EXPENSE_ITEMS:
            raise LetterDataError(f"{where}: unknown item {item!r}")
        if state and state not in STATE_CODES:
            raise LetterDataError(f"{where}: unknown state {state!r}")
        if (item, state) in ranges:
            raise LetterDataError(f"{where}: duplicate row for {item}/{state or 'national'}")
        unit = row["unit"].strip()
        expected_unit = "per_day" if item == "storage_rate" else "flat"
        if unit != expected_unit:
            raise LetterDataError(f"{where}: {item} must be {expected_unit}, got {unit!r}")
        confidence = row["confidence"].strip()
        if confidence not in ("confirmed", "unconfirmed"):
            raise LetterDataError(f"{where}: confidence must be confirmed or unconfirmed")
        if confidence == "confirmed" and not state:
            raise LetterDataError(f"{where}: only a state's statutory limit can be confirmed")
        low = _money_cell(row["low"].strip(), f"{where} low")
        high = _money_cell(row["high"].strip(), f"{where} high")
        if low > high:
            raise LetterDataError(f"{where}: low is above high")
        title, url, note = row["source_title"].strip(), row["source_url"].strip(), row["note"]
        if not title or not url.startswith("https://") or not note.strip():
            raise LetterDataError(f"{where}: needs a source title, an https URL and a note")
        ranges[(item, state)] = ExpenseRange(
            item=item,
            low_cents=low,
            high_cents=high,
            unit=unit,  # type: ignore[arg-type]
            source=Source(title, url, f"range_{item}_{state or 'us'}"),
            note=note.strip(),
            confidence=confidence,  # type: ignore[arg-type]
            state=state,
        )
    return ranges


def parse_sources(text: str, name: str = "letter_sources.csv") -> dict[str, Source]:
    """Parse a sources table (``id,title,url,note``): unique ids, https URLs, a note each."""
    sources: dict[str, Source] = {}
    for n, row in enumerate(_csv_rows(text, name, SOURCE_COLUMNS), start=2):
        key = row["id"].strip()
        if not key or key in sources:
            raise LetterDataError(f"{name} line {n}: empty or duplicate id {key!r}")
        title, url = row["title"].strip(), row["url"].strip()
        if not title or not url.startswith("https://") or not row["note"].strip():
            raise LetterDataError(f"{name} line {n}: needs a title, an https URL and a note")
        sources[key] = Source(title, url, key)
    return sources


def _packaged(name: str) -> str:
    return packaged_text(__name__, name)


@functools.lru_cache(maxsize=1)
def load_ranges() -> dict[tuple[str, str], ExpenseRange]:
    """The packaged ranges table, validated once on first use (no I/O at import time)."""
    return parse_ranges(_packaged("letter_ranges.csv"))


@functools.lru_cache(maxsize=1)
def load_sources() -> dict[str, Source]:
    """The sources of ``letter_sources.csv`` (the Article 9 sections: :func:`sources_for`)."""
    sources = parse_sources(_packaged("letter_sources.csv"))
    clash = set(sources) & UCC_SOURCE_IDS
    if clash:
        raise LetterDataError(f"letter_sources.csv: ids reserved for the UCC: {sorted(clash)}")
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


# -- the result ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class LetterFlag:
    """One thing on the letter worth a question, with the money it may be worth.

    ``title`` is a message id (a short heading); ``message`` explains; ``ask`` says what to
    ask the lender. ``amount_cents`` is what may not be owed (None when it can't be figured).
    """

    code: str
    severity: Severity
    title: str
    message: Message
    amount_cents: int | None
    ask: Message
    source: Source
    confidence: Confidence = "confirmed"

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "title": self.title,
            "message": self.message.text(),
            "amount": None if self.amount_cents is None else cents_str(self.amount_cents),
            "ask": self.ask.text(),
            "source": self.source.as_json(),
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class LetterCheck:
    """The letter redone in the order of UCC § 9-616(c); amounts in integer cents.

    ``lines`` are the 9-616(c) lines as :class:`~deficiency.core.engine.Item` (sign +1 adds to
    what is owed, -1 is applied against it, 0 a subtotal or the closing total), so the
    waterfall chart draws them like the scenario. ``difference_cents`` is the stated figure
    minus the recomputed deficiency (positive: the letter asks for more than its figures).
    """

    inputs: LetterInputs
    state: str | None
    lines: tuple[Item, ...]
    storage_cents: int
    expenses_cents: int
    credits_cents: int
    recomputed_cents: int
    surplus_cents: int
    stated_cents: int | None
    difference_cents: int | None
    flags: list[LetterFlag] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The JSON shape for the command line and the handout (English text)."""
        return {
            "input": encode_letter(self.inputs),
            "state": self.state,
            "lines": [line.as_json() for line in self.lines],
            "expenses": cents_str(self.expenses_cents),
            "credits": cents_str(self.credits_cents),
            "recomputed_deficiency": cents_str(self.recomputed_cents),
            "surplus": cents_str(self.surplus_cents),
            "stated_deficiency": None
            if self.stated_cents is None
            else cents_str(self.stated_cents),
            "difference": None
            if self.difference_cents is None
            else cents_str(self.difference_cents),
            "flags": [flag.as_json() for flag in self.flags],
        }


def _cents(value: Decimal | None) -> int:
    return 0 if value is None else to_cents(value)


def _net(obligation: int, proceeds: int, expenses: int, credits: int) -> int:
    """9-616(c): (1) obligation − (2) proceeds = (3); + (4) expenses − (5) credits = (6)."""
    return obligation - proceeds + expenses - credits


def _expense_amounts(inputs: LetterInputs) -> dict[str, int]:
    storage = inputs.lt_storage_days * _cents(inputs.lt_storage_rate)
    return {
        "repo_fee": _cents(inputs.lt_repo_fee),
        "storage": storage,
        "reconditioning": _cents(inputs.lt_reconditioning),
        "auction_fee": _cents(inputs.lt_auction_fee),
        "other_expenses": _cents(inputs.lt_other_expenses),
        "attorney_fees": _cents(inputs.lt_attorney_fees),
    }


def _credit_amounts(inputs: LetterInputs) -> dict[str, int]:
    return {
        "interest_rebate": _cents(inputs.lt_unearned_interest_rebate),
        "addon_refunds": _cents(inputs.lt_addon_refunds),
        "other_credits": _cents(inputs.lt_other_credits),
    }


def _state_name(state: str | None) -> str:
    if not state:
        return ""
    return load_rules()[state].name


def _expense_flag(inputs: LetterInputs, item: str, state: str | None) -> LetterFlag | None:
    """Compare one expense with its range row; None when within it (or no row applies)."""
    row = range_for(item, state)
    if row is None:
        return None
    sources = load_sources()
    charged = _cents(getattr(inputs, EXPENSE_ITEMS[item]))
    days = inputs.lt_storage_days
    if row.unit == "per_day":
        excess = days * max(charged - row.high_cents, 0)
        money = {"rate": charged, "limit": row.high_cents, "excess": excess}
        params = {"days": str(days)}
    else:
        excess = max(charged - row.high_cents, 0)
        money = {"amount": charged, "limit": row.high_cents, "excess": excess}
        params = {}
    if excess <= 0:
        return None
    if row.confidence == "confirmed":
        if row.unit == "per_day":
            msgid = MSG_EXPENSE_CAP_DAILY
        else:
            msgid = MSG_EXPENSE_BARRED if row.high_cents == 0 else MSG_EXPENSE_CAP
        params |= {"state": _state_name(row.state), "citation": row.source.title}
        severity: Severity = "warning"
    else:
        msgid = MSG_EXPENSE_SCREEN_DAILY if row.unit == "per_day" else MSG_EXPENSE_SCREEN
        params |= {"citation": ucc.cite(UCC_CITE_615A1, "9-615", state)}
        severity = "info"
    return LetterFlag(
        code=f"expense_{item}",
        severity=severity,
        title=_ITEM_TITLES[item],
        message=Message(msgid, params, money=money),
        amount_cents=excess,
        ask=Message(ASK_EXPENSE),
        source=row.source if row.confidence == "confirmed" else sources["nclc_1_4_9"],
        confidence=row.confidence,
    )


def _flags(
    inputs: LetterInputs,
    state: str | None,
    obligation: int,
    proceeds: int,
    expenses: int,
    credits: int,
    recomputed: int,
    surplus: int,
) -> list[LetterFlag]:
    sources = sources_for(state)
    flags: list[LetterFlag] = []

    def cite(pinpoint: str, section: str) -> str:
        """The uniform pinpoint with the state's enacted section (deficiency.rules.ucc.cite)."""
        return ucc.cite(pinpoint, section, state)

    # 1. The letter's own arithmetic (9-616(c)).
    stated = None if inputs.lt_stated_deficiency is None else _cents(inputs.lt_stated_deficiency)
    if stated is not None and stated != recomputed:
        difference = abs(stated - recomputed)
        flags.append(
            LetterFlag(
                code="arithmetic",
                severity="error" if stated > recomputed else "info",
                title=TITLE_ARITHMETIC,
                message=Message(
                    MSG_ARITHMETIC_HIGH if stated > recomputed else MSG_ARITHMETIC_LOW,
                    money={"stated": stated, "recomputed": recomputed, "difference": difference},
                ),
                amount_cents=difference,
                ask=Message(ASK_ARITHMETIC, {"citation": cite(UCC_CITE_616, "9-616")}),
                source=sources["ucc_9_616"],
            )
        )
    if surplus > 0:
        flags.append(
            LetterFlag(
                code="surplus",
                severity="warning",
                title=TITLE_SURPLUS,
                message=Message(
                    MSG_FOLLOW_SURPLUS_UCC,
                    {"citation": cite(UCC_CITE_615, "9-615")},
                    money={"amount": surplus},
                ),
                amount_cents=surplus,
                ask=Message(ASK_SURPLUS),
                source=sources["ucc_9_615"],
            )
        )

    # 2. Credits that should be there (9-616(c)(1) and (5)).
    rebate_missing = inputs.lt_unearned_interest_rebate == 0 and not inputs.lt_rebate_included
    if rebate_missing and inputs.lt_precomputed is not False:
        known = inputs.lt_precomputed is True
        flags.append(
            LetterFlag(
                code="missing_interest_rebate",
                severity="warning" if known else "info",
                title=TITLE_REBATE,
                message=Message(
                    MSG_REBATE_MISSING if known else MSG_REBATE_UNKNOWN,
                    {"citation": cite(UCC_CITE_616C, "9-616")},
                ),
                amount_cents=None,
                ask=Message(
                    ASK_REBATE,
                    {"citation": cite(UCC_CITE_616C, "9-616")},
                    money={"obligation": obligation},
                ),
                source=sources["ucc_9_616"],
            )
        )
    if inputs.lt_addon_refunds == 0 and inputs.lt_addons is not False:
        known = inputs.lt_addons is True
        flags.append(
            LetterFlag(
                code="missing_addon_refunds",
                severity="warning" if known else "info",
                title=TITLE_ADDONS,
                message=Message(MSG_ADDONS_MISSING if known else MSG_ADDONS_UNKNOWN),
                amount_cents=None,
                ask=Message(ASK_ADDONS),
                source=sources["cfpb_addons"],
            )
        )

    # 3. Charges that may not be due.
    late = _cents(inputs.lt_late_fees_after_acceleration)
    if late > 0:
        flags.append(
            LetterFlag(
                code="late_fees_after_acceleration",
                severity="warning",
                title=TITLE_LATE_FEES,
                message=Message(MSG_LATE_FEES, money={"amount": late}),
                amount_cents=late,
                ask=Message(ASK_LATE_FEES),
                source=sources["nclc_1_4_9"],
            )
        )
    flagged_items: set[str] = set()
    for item in EXPENSE_ITEMS:
        flag = _expense_flag(inputs, item, state)
        if flag is not None:
            flags.append(flag)
            flagged_items.add(item)
    attorney = _cents(inputs.lt_attorney_fees)
    if attorney > 0 and "attorney_fees" not in flagged_items:
        flags.append(
            LetterFlag(
                code="attorney_fees",
                severity="info",
                title=_ITEM_TITLES["attorney_fees"],
                message=Message(
                    MSG_ATTORNEY,
                    {"citation": cite(UCC_CITE_615A1, "9-615")},
                    money={"amount": attorney},
                ),
                amount_cents=None,
                ask=Message(ASK_ATTORNEY),
                source=sources["ucc_9_615"],
            )
        )

    # 4. The sale itself: an insider buyer (9-615(f)).
    if inputs.lt_buyer_related:
        fmv = None if inputs.lt_fmv is None else _cents(inputs.lt_fmv)
        related = {"citation": cite(UCC_CITE_615F, "9-615")}
        if fmv is None:
            severity: Severity = "info"
            message = Message(MSG_RELATED_NEEDS_FMV, related)
            at_stake: int | None = None
        elif fmv <= proceeds:
            severity = "info"
            message = Message(
                MSG_RELATED_NOT_LOW, related, money={"fmv": fmv, "proceeds": proceeds}
            )
            at_stake = 0
        else:
            on_fmv = max(_net(obligation, fmv, expenses, credits), 0)
            at_stake = recomputed - on_fmv
            severity = "warning"
            message = Message(
                MSG_RELATED_FMV,
                related,
                money={
                    "proceeds": proceeds,
                    "fmv": fmv,
                    "deficiency": on_fmv,
                    "recomputed": recomputed,
                    "reduction": at_stake,
                },
            )
        flags.append(
            LetterFlag(
                code="related_buyer",
                severity=severity,
                title=TITLE_RELATED,
                message=message,
                amount_cents=at_stake,
                ask=Message(ASK_RELATED),
                source=sources["ucc_9_615"],
            )
        )

    # 5. A sale without notice or not commercially reasonable (9-626, 9-625(c)(2)).
    if not inputs.lt_notice_given or not inputs.lt_commercially_reasonable:
        flags.append(
            LetterFlag(
                code="noncompliant_sale",
                severity="warning",
                title=TITLE_NONCOMPLIANT,
                message=Message(
                    MSG_NONCOMPLIANT,
                    {
                        "citation": cite(UCC_CITE_626, "9-626"),
                        # The uniform text's own subsection: not every state enacted it
                        # (Ohio's 1309.626 has no consumer carve-out).
                        "consumer_citation": UCC_CITE_626B,
                    },
                    money={"deficiency": recomputed},
                ),
                amount_cents=recomputed,
                ask=Message(ASK_NONCOMPLIANT),
                source=sources["ucc_9_626"],
                confidence="unconfirmed",  # 9-626(b): the consumer rule is left to the courts
            )
        )
        flags.append(_min_damages_flag(inputs, sources, cite(UCC_CITE_625, "9-625")))
    return flags


def minimum_damages(finance_charge_cents: int, principal_cents: int) -> int:
    """9-625(c)(2): the credit service charge plus 10 percent of the principal, in cents.

    The statute's other measure, for a credit sale, is the time-price differential plus 10
    percent of the cash price; the reader enters whichever pair the contract shows. It is
    owed once per obligation (9-628(e)) and not for a missing 9-616 explanation alone
    (9-628(d)), which is why only a sale without notice or not commercially reasonable
    triggers the flag. Rounded half up to the cent.
    """
    return finance_charge_cents + div_round_half_up(principal_cents, 10)


def _min_damages_flag(
    inputs: LetterInputs, sources: Mapping[str, Source], citation: str
) -> LetterFlag:
    cite = {"citation": citation}
    if inputs.lt_finance_charge is None or inputs.lt_principal is None:
        message = Message(MSG_MIN_DAMAGES_NEEDS, cite)
        amount: int | None = None
        severity: Severity = "info"
    else:
        finance = _cents(inputs.lt_finance_charge)
        ten_percent = div_round_half_up(_cents(inputs.lt_principal), 10)
        amount = minimum_damages(finance, _cents(inputs.lt_principal))
        message = Message(
            MSG_MIN_DAMAGES,
            cite,
            money={"finance_charge": finance, "ten_percent": ten_percent, "damages": amount},
        )
        severity = "warning"
    return LetterFlag(
        code="minimum_damages",
        severity=severity,
        title=TITLE_MIN_DAMAGES,
        message=message,
        amount_cents=amount,
        ask=Message(ASK_MIN_DAMAGES),
        source=sources["ucc_9_625"],
    )


def check_letter(inputs: LetterInputs, *, state: str | None = None) -> LetterCheck:
    """Redo the letter's arithmetic in the 9-616(c) order and list what to question.

    ``state`` (a USPS code, usually the scenario's ``state``) selects a state's statutory
    limits on charges where ``letter_ranges.csv`` has one; without it only the national,
    unconfirmed screens apply. Never raises for any valid :class:`LetterInputs`.
    """
    if state not in STATE_CODES:
        state = None
    obligation = _cents(inputs.lt_obligation)
    proceeds = _cents(inputs.lt_proceeds)
    expense_lines = _expense_amounts(inputs)
    credit_lines = _credit_amounts(inputs)
    expenses = sum(expense_lines.values())
    credits = sum(credit_lines.values())
    net = _net(obligation, proceeds, expenses, credits)
    recomputed, surplus = max(net, 0), max(-net, 0)

    lines = [
        Item("obligation", LINE_LABELS["obligation"], obligation, 1),
        Item("proceeds", LINE_LABELS["proceeds"], proceeds, -1),
        Item("after_proceeds", LINE_LABELS["after_proceeds"], obligation - proceeds, 0),
    ]
    lines += [Item(k, LINE_LABELS[k], v, 1) for k, v in expense_lines.items() if v]
    lines += [Item(k, LINE_LABELS[k], v, -1) for k, v in credit_lines.items() if v]
    if surplus:
        lines.append(Item("surplus", LINE_LABELS["surplus"], surplus, 0))
    else:
        lines.append(Item("deficiency", LINE_LABELS["deficiency"], recomputed, 0))

    stated = None if inputs.lt_stated_deficiency is None else _cents(inputs.lt_stated_deficiency)
    return LetterCheck(
        inputs=inputs,
        state=state,
        lines=tuple(lines),
        storage_cents=expense_lines["storage"],
        expenses_cents=expenses,
        credits_cents=credits,
        recomputed_cents=recomputed,
        surplus_cents=surplus,
        stated_cents=stated,
        difference_cents=None if stated is None else stated - recomputed,
        flags=_flags(inputs, state, obligation, proceeds, expenses, credits, recomputed, surplus),
    )


__all__ = [
    "EXPENSE_ITEMS",
    "LETTER_DEFAULTS",
    "LETTER_KEYS",
    "LINE_LABELS",
    "PREFIX",
    "UCC_SOURCE_IDS",
    "ExpenseRange",
    "LetterCheck",
    "LetterDataError",
    "LetterFlag",
    "LetterInputs",
    "check_letter",
    "decode_letter",
    "encode_letter",
    "is_letter_key",
    "load_ranges",
    "load_sources",
    "minimum_damages",
    "parse_ranges",
    "parse_sources",
    "range_for",
    "sources_for",
    "validate_letter",
]
