"""The figures of one deficiency letter as the reader copies them, and how they live in a link.

Every key is prefixed ``lt_`` so a link carries a scenario and a letter at once; only
non-default keys are written, values are stable codes and plain numbers, and a bad value
costs only its own key (:func:`decode_letter`). The keys are a public interface: add keys,
never rename them or change their meaning.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError
from pydantic_core import PydanticCustomError

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
from deficiency.counselor.letter.messages import MSG_LATE_FEES_ABOVE
from deficiency.interface.querycodes import query_code as _code

#: Every letter key starts with this, so a URL can carry a scenario and a letter at once.
PREFIX = "lt_"
MAX_STORAGE_DAYS = 3650
ZERO = Decimal("0.00")

#: Expense items that can have a range row, with the inputs key they are read from.
EXPENSE_ITEMS: dict[str, str] = {
    "repo_fee": "lt_repo_fee",
    "storage_rate": "lt_storage_rate",
    "reconditioning": "lt_reconditioning",
    "auction_fee": "lt_auction_fee",
    "other_expenses": "lt_other_expenses",
    "attorney_fees": "lt_attorney_fees",
}


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
                money_params=frozenset({"value", "obligation"}),  # the reader's money format
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
