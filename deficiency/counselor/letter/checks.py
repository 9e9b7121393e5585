"""What deserves a question on a lender's letter: a list of small, independent checks.

Each check is a pure function of one :class:`Letter` (the inputs and the figures
recomputed in the 9-616(c) order) returning the flags it raises; :data:`CHECKS` runs them
in the order a reader should see them. What a flag always says (heading, what to ask, the
source) is the table :data:`FLAGS`; a check only adds what depends on the letter (which
explanation, the amount at stake, the citation as the reader's state enacted it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from deficiency.core.money import div_round_half_up, to_cents
from deficiency.counselor.letter.inputs import EXPENSE_ITEMS, LetterInputs
from deficiency.counselor.letter.messages import (
    ASK_ADDONS,
    ASK_ARITHMETIC,
    ASK_ATTORNEY,
    ASK_EXPENSE,
    ASK_LATE_FEES,
    ASK_MIN_DAMAGES,
    ASK_NONCOMPLIANT,
    ASK_REBATE,
    ASK_RELATED,
    ASK_SURPLUS,
    ITEM_TITLES,
    MSG_ADDONS_MISSING,
    MSG_ADDONS_UNKNOWN,
    MSG_ARITHMETIC_HIGH,
    MSG_ARITHMETIC_LOW,
    MSG_ATTORNEY,
    MSG_EXPENSE_BARRED,
    MSG_EXPENSE_CAP,
    MSG_EXPENSE_CAP_DAILY,
    MSG_EXPENSE_SCREEN,
    MSG_EXPENSE_SCREEN_DAILY,
    MSG_LATE_FEES,
    MSG_MIN_DAMAGES,
    MSG_MIN_DAMAGES_NEEDS,
    MSG_NONCOMPLIANT,
    MSG_REBATE_MISSING,
    MSG_REBATE_UNKNOWN,
    MSG_RELATED_FMV,
    MSG_RELATED_NEEDS_FMV,
    MSG_RELATED_NOT_LOW,
    TITLE_ADDONS,
    TITLE_ARITHMETIC,
    TITLE_LATE_FEES,
    TITLE_MIN_DAMAGES,
    TITLE_NONCOMPLIANT,
    TITLE_REBATE,
    TITLE_RELATED,
    TITLE_SURPLUS,
)
from deficiency.counselor.letter.ranges import range_for, sources_for
from deficiency.counselor.letter.result import Confidence, LetterFlag, Severity
from deficiency.rules import ucc
from deficiency.rules.state_law import MSG_FOLLOW_SURPLUS_UCC, load_rules
from deficiency.text.markers import Message


@dataclass(frozen=True)
class FlagText:
    """What a flag always says: its heading, what to ask, and the source (a bibliography
    or Article 9 id: ``ucc_9_615`` is the section as the reader's state enacted it)."""

    title: str
    ask: str
    source: str


FLAGS: dict[str, FlagText] = {
    "arithmetic": FlagText(TITLE_ARITHMETIC, ASK_ARITHMETIC, "ucc_9_616"),
    "surplus": FlagText(TITLE_SURPLUS, ASK_SURPLUS, "ucc_9_615"),
    "missing_interest_rebate": FlagText(TITLE_REBATE, ASK_REBATE, "ucc_9_616"),
    "missing_addon_refunds": FlagText(TITLE_ADDONS, ASK_ADDONS, "cfpb_addons"),
    "late_fees_after_acceleration": FlagText(TITLE_LATE_FEES, ASK_LATE_FEES, "nclc_1_4_9"),
    "attorney_fees": FlagText(ITEM_TITLES["attorney_fees"], ASK_ATTORNEY, "ucc_9_615"),
    "related_buyer": FlagText(TITLE_RELATED, ASK_RELATED, "ucc_9_615"),
    "noncompliant_sale": FlagText(TITLE_NONCOMPLIANT, ASK_NONCOMPLIANT, "ucc_9_626"),
    "minimum_damages": FlagText(TITLE_MIN_DAMAGES, ASK_MIN_DAMAGES, "ucc_9_625"),
}


@dataclass(frozen=True)
class Letter:
    """The letter's inputs and its figures redone in the 9-616(c) order, in cents."""

    inputs: LetterInputs
    state: str | None
    obligation: int
    proceeds: int
    expenses: int
    credits: int
    recomputed: int
    surplus: int

    def cite(self, key: str) -> str:
        """A pinpoint (``data/ucc_pinpoints.csv``) with the reader's state's section."""
        return ucc.cite_rule(key, self.state)

    @property
    def sources(self) -> dict[str, Any]:
        return sources_for(self.state)


def cents(value: Decimal | None) -> int:
    """An optional amount of the letter in cents (blank: 0)."""
    return 0 if value is None else to_cents(value)


def net(obligation: int, proceeds: int, expenses: int, credits: int) -> int:
    """9-616(c): (1) obligation − (2) proceeds = (3); + (4) expenses − (5) credits = (6)."""
    return obligation - proceeds + expenses - credits


def flag(
    letter: Letter,
    code: str,
    severity: Severity,
    message: Message,
    amount: int | None,
    ask_params: Mapping[str, Any] | None = None,
    ask_money: Mapping[str, int] | None = None,
    confidence: Confidence = "confirmed",
) -> LetterFlag:
    """The flag ``code`` with its fixed text (:data:`FLAGS`) and this letter's explanation."""
    text = FLAGS[code]
    return LetterFlag(
        code=code,
        severity=severity,
        title=text.title,
        message=message,
        amount_cents=amount,
        ask=Message(text.ask, ask_params, ask_money),
        source=letter.sources[text.source],
        confidence=confidence,
    )


# -- 1. the letter's own arithmetic (9-616(c)) ----------------------------------------------------
def arithmetic(letter: Letter) -> list[LetterFlag]:
    stated_value = letter.inputs.lt_stated_deficiency
    if stated_value is None or cents(stated_value) == letter.recomputed:
        return []
    stated, recomputed = cents(stated_value), letter.recomputed
    high = stated > recomputed
    money = {"stated": stated, "recomputed": recomputed, "difference": abs(stated - recomputed)}
    message = Message(MSG_ARITHMETIC_HIGH if high else MSG_ARITHMETIC_LOW, money=money)
    citation = {"citation": letter.cite("explanation")}
    return [
        flag(
            letter,
            "arithmetic",
            "error" if high else "info",
            message,
            money["difference"],
            citation,
        )
    ]


def surplus(letter: Letter) -> list[LetterFlag]:
    if letter.surplus <= 0:
        return []
    message = Message(
        MSG_FOLLOW_SURPLUS_UCC,
        {"citation": letter.cite("proceeds")},
        money={"amount": letter.surplus},
    )
    return [flag(letter, "surplus", "warning", message, letter.surplus)]


# -- 2. credits that should be there (9-616(c)(1) and (5)) ----------------------------------------
def missing_rebate(letter: Letter) -> list[LetterFlag]:
    inputs = letter.inputs
    missing = inputs.lt_unearned_interest_rebate == 0 and not inputs.lt_rebate_included
    if not missing or inputs.lt_precomputed is False:
        return []
    known = inputs.lt_precomputed is True
    citation = {"citation": letter.cite("explanation_order")}
    message = Message(MSG_REBATE_MISSING if known else MSG_REBATE_UNKNOWN, citation)
    severity: Severity = "warning" if known else "info"
    return [
        flag(
            letter,
            "missing_interest_rebate",
            severity,
            message,
            None,
            citation,
            {"obligation": letter.obligation},
        )
    ]


def missing_addons(letter: Letter) -> list[LetterFlag]:
    inputs = letter.inputs
    if inputs.lt_addon_refunds != 0 or inputs.lt_addons is False:
        return []
    known = inputs.lt_addons is True
    message = Message(MSG_ADDONS_MISSING if known else MSG_ADDONS_UNKNOWN)
    return [flag(letter, "missing_addon_refunds", "warning" if known else "info", message, None)]


# -- 3. charges that may not be due ------------------------------------------------------------
def late_fees(letter: Letter) -> list[LetterFlag]:
    late = cents(letter.inputs.lt_late_fees_after_acceleration)
    if late <= 0:
        return []
    message = Message(MSG_LATE_FEES, money={"amount": late})
    return [flag(letter, "late_fees_after_acceleration", "warning", message, late)]


def _state_name(state: str | None) -> str:
    return load_rules()[state].name if state else ""


def expense_flag(letter: Letter, item: str) -> LetterFlag | None:
    """Compare one expense with its range row; None when within it (or no row applies)."""
    row = range_for(item, letter.state)
    if row is None:
        return None
    charged = cents(getattr(letter.inputs, EXPENSE_ITEMS[item]))
    days = letter.inputs.lt_storage_days
    daily = row.unit == "per_day"
    excess = days * max(charged - row.high_cents, 0) if daily else max(charged - row.high_cents, 0)
    if excess <= 0:
        return None
    money = {"rate" if daily else "amount": charged, "limit": row.high_cents, "excess": excess}
    params = {"days": str(days)} if daily else {}
    if row.confidence == "confirmed":
        msgid = (
            MSG_EXPENSE_CAP_DAILY
            if daily
            else (MSG_EXPENSE_BARRED if row.high_cents == 0 else MSG_EXPENSE_CAP)
        )
        params |= {"state": _state_name(row.state), "citation": row.source.title}
        severity: Severity = "warning"
        source = row.source
    else:
        msgid = MSG_EXPENSE_SCREEN_DAILY if daily else MSG_EXPENSE_SCREEN
        params |= {"citation": letter.cite("expenses")}
        severity = "info"
        source = letter.sources["nclc_1_4_9"]
    return LetterFlag(
        code=f"expense_{item}",
        severity=severity,
        title=ITEM_TITLES[item],
        message=Message(msgid, params, money=money),
        amount_cents=excess,
        ask=Message(ASK_EXPENSE),
        source=source,
        confidence=row.confidence,
    )


def expenses(letter: Letter) -> list[LetterFlag]:
    """Each expense against its statutory limit or the app's screen."""
    found = (expense_flag(letter, item) for item in EXPENSE_ITEMS)
    return [item for item in found if item is not None]


def attorney_fees(letter: Letter) -> list[LetterFlag]:
    """Attorney's fees only as the contract allows (unless already flagged as an expense)."""
    attorney = cents(letter.inputs.lt_attorney_fees)
    if attorney <= 0 or expense_flag(letter, "attorney_fees") is not None:
        return []
    message = Message(
        MSG_ATTORNEY, {"citation": letter.cite("expenses")}, money={"amount": attorney}
    )
    return [flag(letter, "attorney_fees", "info", message, None)]


# -- 4. the sale itself: an insider buyer (9-615(f)) ----------------------------------------------
def related_buyer(letter: Letter) -> list[LetterFlag]:
    inputs = letter.inputs
    if not inputs.lt_buyer_related:
        return []
    related = {"citation": letter.cite("related_buyer")}
    proceeds, recomputed = letter.proceeds, letter.recomputed
    if inputs.lt_fmv is None:
        message = Message(MSG_RELATED_NEEDS_FMV, related)
        return [flag(letter, "related_buyer", "info", message, None)]
    fmv = cents(inputs.lt_fmv)
    if fmv <= proceeds:
        message = Message(MSG_RELATED_NOT_LOW, related, money={"fmv": fmv, "proceeds": proceeds})
        return [flag(letter, "related_buyer", "info", message, 0)]
    on_fmv = max(net(letter.obligation, fmv, letter.expenses, letter.credits), 0)
    money = {
        "proceeds": proceeds,
        "fmv": fmv,
        "deficiency": on_fmv,
        "recomputed": recomputed,
        "reduction": recomputed - on_fmv,
    }
    message = Message(MSG_RELATED_FMV, related, money=money)
    return [flag(letter, "related_buyer", "warning", message, recomputed - on_fmv)]


# -- 5. a sale without notice or not commercially reasonable (9-626, 9-625(c)(2)) ------------------
def minimum_damages(finance_charge_cents: int, principal_cents: int) -> int:
    """9-625(c)(2): the credit service charge plus 10 percent of the principal, in cents.

    The statute's other measure, for a credit sale, is the time-price differential plus 10
    percent of the cash price; the reader enters whichever pair the contract shows. It is
    owed once per obligation (9-628(e)) and not for a missing 9-616 explanation alone
    (9-628(d)), which is why only a sale without notice or not commercially reasonable
    triggers the flag. Rounded half up to the cent.
    """
    return finance_charge_cents + div_round_half_up(principal_cents, 10)


def _min_damages_flag(letter: Letter) -> LetterFlag:
    inputs = letter.inputs
    cite = {"citation": letter.cite("minimum_damages")}
    if inputs.lt_finance_charge is None or inputs.lt_principal is None:
        return flag(letter, "minimum_damages", "info", Message(MSG_MIN_DAMAGES_NEEDS, cite), None)
    finance, principal = cents(inputs.lt_finance_charge), cents(inputs.lt_principal)
    amount = minimum_damages(finance, principal)
    money = {
        "finance_charge": finance,
        "ten_percent": div_round_half_up(principal, 10),
        "damages": amount,
    }
    message = Message(MSG_MIN_DAMAGES, cite, money=money)
    return flag(letter, "minimum_damages", "warning", message, amount)


def noncompliant_sale(letter: Letter) -> list[LetterFlag]:
    inputs = letter.inputs
    if inputs.lt_notice_given and inputs.lt_commercially_reasonable:
        return []
    params = {
        "citation": letter.cite("presumption"),
        # The uniform text's own subsection: not every state enacted it (Ohio's 1309.626
        # has no consumer carve-out).
        "consumer_citation": ucc.pinpoint("consumer_rule"),
    }
    message = Message(MSG_NONCOMPLIANT, params, money={"deficiency": letter.recomputed})
    # 9-626(b): the consumer rule is left to the courts, so the flag is unconfirmed.
    noncompliant = flag(
        letter, "noncompliant_sale", "warning", message, letter.recomputed, confidence="unconfirmed"
    )
    return [noncompliant, _min_damages_flag(letter)]


Check = Callable[[Letter], list[LetterFlag]]
#: Every check, in the order the flags are shown.
CHECKS: tuple[Check, ...] = (
    arithmetic,
    surplus,
    missing_rebate,
    missing_addons,
    late_fees,
    expenses,
    attorney_fees,
    related_buyer,
    noncompliant_sale,
)


def flags_for(letter: Letter) -> list[LetterFlag]:
    """Every flag the letter raises, check by check."""
    return [item for check in CHECKS for item in check(letter)]
