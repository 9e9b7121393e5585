"""The checks every input schema shares: amounts, yes/no, dates, codes, whole numbers.

Why one module: the scenario, the lender's letter and the Form 1099-C boxes all take
dollar amounts, flags and dates from the same places (a link, the JSON command line, a
page) and must refuse the same bad values with the same sentence. Each check raises a
``PydanticCustomError`` whose message is a translatable id (:mod:`deficiency.text.markers`);
:func:`issues_from_error` turns a failed validation into one :class:`FieldIssue` per key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, ValidationError
from pydantic_core import PydanticCustomError

from deficiency.core.money import MAX_AMOUNT, parse_decimal
from deficiency.text.markers import N_

MIN_DATE = dt.date(1980, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
MAX_TEXT = 64  # longest value echoed back in an error message

# -- message ids (translated by the shell) ------------------------------------------------
MSG_AMOUNT = N_(
    "{key}: “{value}” is not allowed. Enter an amount from $0 to $100,000,000 "
    "with at most 2 decimals."
)
MSG_CHOICE = N_("{key}: “{value}” is not allowed. Choose one of: {allowed}.")
MSG_BOOL = N_("{key}: “{value}” is not allowed. Use yes or no.")
MSG_DATE = N_("{key}: “{value}” is not allowed. Enter a date (YYYY-MM-DD) from {min} to {max}.")
MSG_INT = N_("{key}: “{value}” is not allowed. Enter a whole number from {min} to {max}.")
MSG_UNKNOWN = N_("{key}: unknown setting.")
MSG_INVALID = N_("{key}: “{value}” is not allowed.")


@dataclass(frozen=True)
class FieldIssue:
    """One invalid input: which key, what value, and why (a translatable message id)."""

    key: str
    value: str
    message: str
    params: Mapping[str, str] = field(default_factory=dict)
    #: Which of ``value`` and ``params`` are dollar amounts (plain ``"50000.00"`` text), so
    #: a reader sees them in their own number format ("$50,000.00", "50.000,00 US$").
    money_params: frozenset[str] = frozenset()

    def text(
        self,
        gettext: Any = None,
        *,
        label: Callable[[str], str] | None = None,
        money: Callable[[Decimal], str] | None = None,
    ) -> str:
        """The message in the reader's language (``gettext`` from their catalog).

        Without ``label`` and ``money`` it names the stable key and plain numbers (the JSON
        command line, logs). On screen the shell passes both, so the reader sees the field
        as it is labelled on the page and amounts as they are written in their language.
        """
        template = gettext(self.message) if gettext else self.message
        values = {"value": self.value, **self.params}
        if money is not None:
            for name in self.money_params:
                try:
                    values[name] = money(Decimal(values[name]))
                except (KeyError, ArithmeticError, ValueError):
                    continue
        key = label(self.key) if label is not None else self.key
        return template.format(key=key, **values)


class ScenarioError(ValueError):
    """Raised when inputs cannot be validated; carries one issue per bad key."""

    def __init__(self, issues: list[FieldIssue]):
        super().__init__("; ".join(issue.text() for issue in issues))
        self.issues = issues


def short(value: Any) -> str:
    """A bounded, printable echo of a bad value (never rendered as HTML by the shell)."""
    text = str(value)
    text = "".join(ch if ch.isprintable() else "\ufffd" for ch in text)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def amount(value: Any) -> Decimal:
    """Parse a dollar amount: 0 to 100,000,000, at most two decimals, finite, not bool."""
    if isinstance(value, bool):
        raise PydanticCustomError("amount", MSG_AMOUNT)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise PydanticCustomError("amount", MSG_AMOUNT)
        number = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            number = parse_decimal(value)
        except ValueError:
            raise PydanticCustomError("amount", MSG_AMOUNT) from None
    else:
        raise PydanticCustomError("amount", MSG_AMOUNT)
    if not number.is_finite() or number < 0 or number > MAX_AMOUNT:
        raise PydanticCustomError("amount", MSG_AMOUNT)
    if number != number.quantize(Decimal("0.01")):
        raise PydanticCustomError("amount", MSG_AMOUNT)
    return number.quantize(Decimal("0.01"))


def optional_amount(value: Any) -> Decimal | None:
    """An amount, or ``None`` for a blank (not on the letter, not known)."""
    if value is None or value == "":
        return None
    return amount(value)


_TRUE = {"yes", "true", "1", "on", "y"}
_FALSE = {"no", "false", "0", "off", "n"}


def flag(value: Any) -> bool:
    """Yes or no, as a link or a form writes it (``yes``/``no``, ``true``, ``1``...)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise PydanticCustomError("flag", MSG_BOOL)


def optional_flag(value: Any) -> bool | None:
    """Yes, no, or ``None`` for not known (blank or ``auto``)."""
    if value is None or value == "" or (isinstance(value, str) and value.lower() == "auto"):
        return None
    return flag(value)


def optional_date(value: Any) -> dt.date | None:
    """An ISO date (``YYYY-MM-DD``) from 1980 to 2100, or ``None`` for a blank."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        parsed = value
    elif isinstance(value, str) and len(value) == 10 and value.isascii():
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("date", MSG_DATE) from None
    else:
        raise PydanticCustomError("date", MSG_DATE)
    if not MIN_DATE <= parsed <= MAX_DATE:
        raise PydanticCustomError("date", MSG_DATE)
    return parsed


def choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    """A check that the value is one of ``options`` (codes, never translated labels)."""

    def check(value: Any) -> str:
        text = str(value).strip() if isinstance(value, str) else value
        if text not in options:
            raise PydanticCustomError("choice", MSG_CHOICE)
        return text

    return check


def optional_choice(options: tuple[str, ...]) -> Callable[[Any], str | None]:
    """:func:`choice`, or ``None`` for a blank."""
    inner = choice(options)

    def check(value: Any) -> str | None:
        if value is None or value == "":
            return None
        return inner(value)

    return check


def int_range(low: int, high: int, kind: str) -> Callable[[Any], int]:
    """A whole number from ``low`` to ``high`` (ASCII digits only, no signs or exponents)."""

    def check(value: Any) -> int:
        if isinstance(value, bool):
            raise PydanticCustomError(kind, MSG_INT)
        text = str(value).strip()
        if not text.isascii() or not text.isdigit() or len(text) > 6:
            raise PydanticCustomError(kind, MSG_INT)
        number = int(text)
        if not low <= number <= high:
            raise PydanticCustomError(kind, MSG_INT)
        return number

    return check


def optional_int_range(low: int, high: int, kind: str) -> Callable[[Any], int | None]:
    """:func:`int_range`, or ``None`` for a blank."""
    inner = int_range(low, high, kind)

    def check(value: Any) -> int | None:
        if value is None or value == "":
            return None
        return inner(value)

    return check


Amount = Annotated[Decimal, BeforeValidator(amount)]
OptionalAmount = Annotated[Decimal | None, BeforeValidator(optional_amount)]
Flag = Annotated[bool, BeforeValidator(flag)]
OptionalFlag = Annotated[bool | None, BeforeValidator(optional_flag)]
OptionalDate = Annotated[dt.date | None, BeforeValidator(optional_date)]

#: The error types the checks above raise: their message is a message id of this module.
CUSTOM_ERRORS = frozenset({"amount", "flag", "days", "choice", "date", "text"})


def issues_from_error(
    error: ValidationError,
    data: Mapping[str, Any],
    params_for: Callable[[str], Mapping[str, str]],
    rename: Callable[[str], str] = lambda key: key,
) -> list[FieldIssue]:
    """One :class:`FieldIssue` per pydantic error, named by the key the reader typed.

    ``rename`` maps a model field back to the query key (``fc_amount`` → ``fc2_amount``).
    Only the checks' own error types carry their message id; anything else is reported
    with the generic :data:`MSG_INVALID`, never with pydantic's English text.
    """
    issues: list[FieldIssue] = []
    for err in error.errors():
        field_name = str(err["loc"][0]) if err["loc"] else ""
        key = rename(field_name)
        raw = data.get(key, err.get("input"))
        if err["type"] == "extra_forbidden":
            message = MSG_UNKNOWN
        elif err["type"] in CUSTOM_ERRORS:
            message = str(err["msg"])
        else:
            message = MSG_INVALID
        issues.append(FieldIssue(short(key), short(raw), message, dict(params_for(field_name))))
    return issues
