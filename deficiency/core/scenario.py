"""The scenario schema: one set of keys for the Python API, the JSON command line and the URL.

The keys are a public interface (shared links must keep working for years): add keys, never
rename them or change their meaning. Every key is documented in the README; the schema
version travels as ``v`` in links.

Validation uses pydantic; every failure becomes a :class:`FieldIssue` naming the key, the
value and the allowed range, as a translatable message id (see :mod:`deficiency.text.markers`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from deficiency.core.money import parse_decimal
from deficiency.core.validators import (
    MAX_DATE,
    MIN_DATE,
    MSG_CHOICE,
    MSG_INT,
    MSG_INVALID,
    MSG_UNKNOWN,
    Amount,
    FieldIssue,
    Flag,
    OptionalAmount,
    OptionalDate,
    OptionalFlag,
    ScenarioError,
    choice,
    int_range,
    optional_choice,
    optional_int_range,
    short,
)
from deficiency.text.markers import N_

SCHEMA_VERSION = "1"

LoanType = Literal["mortgage", "auto", "other"]
Path = Literal["short_sale", "foreclosure", "deed_in_lieu", "repossession", "voluntary_surrender"]
Action = Literal["collect", "forgive", "settle"]
ForeclosureType = Literal["judicial", "nonjudicial"]
Bankruptcy = Literal["none", "chapter7", "chapter13"]
FilingStatus = Literal[
    "single", "married_joint", "married_separate", "head_of_household", "surviving_spouse"
]
ScoreBand = Literal["680", "720", "780"]
Investor = Literal["fannie_mae", "fha"]
RedemptionPeriod = Literal["five_weeks", "six_months", "twelve_months"]

LOAN_TYPES: tuple[str, ...] = ("mortgage", "auto", "other")
PATHS_BY_LOAN: dict[str, tuple[str, ...]] = {
    "mortgage": ("short_sale", "foreclosure", "deed_in_lieu"),
    "auto": ("repossession", "voluntary_surrender"),
    "other": ("repossession", "voluntary_surrender"),
}
ALL_PATHS: tuple[str, ...] = (
    "short_sale",
    "foreclosure",
    "deed_in_lieu",
    "repossession",
    "voluntary_surrender",
)
ACTIONS: tuple[str, ...] = ("collect", "forgive", "settle")
FORECLOSURE_TYPES: tuple[str, ...] = ("judicial", "nonjudicial")
BANKRUPTCY_KINDS: tuple[str, ...] = ("none", "chapter7", "chapter13")
FILING_STATUSES: tuple[str, ...] = (
    "single",
    "married_joint",
    "married_separate",
    "head_of_household",
    "surviving_spouse",
)
SCORE_BANDS: tuple[str, ...] = ("680", "720", "780")
INVESTORS: tuple[str, ...] = ("fannie_mae", "fha")
REDEMPTION_PERIODS: tuple[str, ...] = ("five_weeks", "six_months", "twelve_months")

#: The 50 states and DC, by USPS code.
STATE_CODES: tuple[str, ...] = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY",
)  # fmt: skip

#: Amount keys that are fees and costs added to what is owed, in breakdown order.
FEE_KEYS: tuple[str, ...] = (
    "interest",
    "late_fees",
    "legal_fees",
    "sale_costs",
    "holding_costs",
    "other_fees",
)
#: Every amount key that enters the deficiency formula.
FORMULA_AMOUNT_KEYS: tuple[str, ...] = ("balance", *FEE_KEYS, "sale_price", "credits")

DATE_KEYS: tuple[str, ...] = (
    "sale_date",
    "loan_date",
    "dofd",
    "discharge_date",
    "bankruptcy_date",
    "charge_off_date",
    "settlement_date",
    "dispute_date",
)
# -- message ids of this schema (the shared ones: deficiency.core.validators) --------------
MSG_NUMBER = N_(
    "{key}: “{value}” is not allowed. Enter a number from {min} to {max} with at most 2 decimals."
)
MSG_RATE = N_(
    "{key}: “{value}” is not allowed. Enter a yearly rate in percent from 0 to 100 "
    "with at most 3 decimals."
)
MSG_PATH = N_("{key}: “{value}” does not apply to this loan type. Choose one of: {allowed}.")
MSG_SETTLEMENT = N_(
    "{key}: “{value}” is more than the deficiency ({deficiency}); a settlement cannot exceed it."
)
MSG_VERSION = N_("{key}: “{value}” is not a known link version; read as version 1.")
MSG_REPEATED = N_(
    "{key}: the link gives it more than once ({value}), so we cannot tell which is meant; left out."
)


def _acres(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise PydanticCustomError("acres", MSG_NUMBER)
    try:
        number = parse_decimal(str(value)) if not isinstance(value, Decimal) else value
    except ValueError:
        raise PydanticCustomError("acres", MSG_NUMBER) from None
    if not number.is_finite() or number < 0 or number > 1_000_000:
        raise PydanticCustomError("acres", MSG_NUMBER)
    if number != number.quantize(Decimal("0.01")):
        raise PydanticCustomError("acres", MSG_NUMBER)
    return number.quantize(Decimal("0.01"))


def _units(value: Any) -> int:
    if isinstance(value, bool):
        raise PydanticCustomError("units", MSG_INT)
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 6:
        raise PydanticCustomError("units", MSG_INT)
    number = int(text)
    if not 1 <= number <= 1000:
        raise PydanticCustomError("units", MSG_INT)
    return number


def _rate(value: Any) -> Decimal:
    """An annual interest rate in percent: 0 to 100, at most 3 decimals (6.875)."""
    if isinstance(value, bool):
        raise PydanticCustomError("rate", MSG_RATE)
    try:
        number = parse_decimal(str(value)) if not isinstance(value, Decimal) else value
    except ValueError:
        raise PydanticCustomError("rate", MSG_RATE) from None
    if not number.is_finite() or not 0 <= number <= 100:
        raise PydanticCustomError("rate", MSG_RATE)
    if number != number.quantize(Decimal("0.001")):
        raise PydanticCustomError("rate", MSG_RATE)
    return number.quantize(Decimal("0.001"))


def _state(value: Any) -> str | None:
    if value is None or value == "":
        return None
    text = str(value).strip().upper()
    if text not in STATE_CODES:
        raise PydanticCustomError("choice", MSG_CHOICE)
    return text


class Scenario(BaseModel):
    """A validated what-if scenario. Immutable; build new ones with :func:`replace`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # -- issue 2: the loan, the sale, fees and the lender's action ----------------------
    loan: Annotated[LoanType, BeforeValidator(choice(LOAN_TYPES))] = "mortgage"
    #: ``None`` means the loan type's usual path (short sale for a mortgage, repossession else).
    path: Annotated[Path | None, BeforeValidator(optional_choice(ALL_PATHS))] = None
    balance: Amount = Decimal("0.00")
    interest: Amount = Decimal("0.00")
    late_fees: Amount = Decimal("0.00")
    legal_fees: Amount = Decimal("0.00")
    sale_costs: Amount = Decimal("0.00")
    holding_costs: Amount = Decimal("0.00")
    other_fees: Amount = Decimal("0.00")
    sale_price: Amount = Decimal("0.00")
    credits: Amount = Decimal("0.00")
    action: Annotated[Action, BeforeValidator(choice(ACTIONS))] = "collect"
    settlement: Amount = Decimal("0.00")

    # -- issue 5: state law -------------------------------------------------------------
    state: Annotated[str | None, BeforeValidator(_state)] = None
    #: ``None`` means the state's usual foreclosure process.
    foreclosure: Annotated[
        ForeclosureType | None, BeforeValidator(optional_choice(FORECLOSURE_TYPES))
    ] = None
    purchase_money: Flag = True
    owner_occupied: Flag = True
    units: Annotated[int, BeforeValidator(_units)] = 1
    acres: Annotated[Decimal, BeforeValidator(_acres)] = Decimal("0.25")
    home_equity: Flag = False
    lender_bought: Flag = False
    fmv: OptionalAmount = None
    sale_date: OptionalDate = None
    #: When the loan was made (rules that apply only to loans made after a date, e.g. NV 2009).
    loan_date: OptionalDate = None
    notice_given: Flag = True
    commercially_reasonable: Flag = True

    # -- issue 6: tax -------------------------------------------------------------------
    #: ``None`` means: follow the state-law result and the loan type.
    recourse: OptionalFlag = None
    basis: OptionalAmount = None
    main_home: Flag = True
    bankruptcy: Annotated[Bankruptcy, BeforeValidator(choice(BANKRUPTCY_KINDS))] = "none"
    total_liabilities: OptionalAmount = None
    total_assets: OptionalAmount = None
    discharge_date: OptionalDate = None
    filing_status: Annotated[FilingStatus, BeforeValidator(choice(FILING_STATUSES))] = "single"
    taxable_income: Amount = Decimal("0.00")
    # -- issue 15: the gain on the property (tax) ---------------------------------------
    #: Owned more than one year before the sale: a gain is long-term (IRC § 1222(3)).
    held_over_one_year: Flag = True
    #: Owned the home and lived in it as the main home for at least 2 of the 5 years before
    #: the sale (IRC § 121(a)); only read when ``main_home``.
    owned_and_lived_2_of_5: Flag = True
    #: Gain on another main home was excluded in the 2 years before this sale (§ 121(b)(3)).
    prior_home_exclusion: Flag = False

    # -- issue 7: credit ----------------------------------------------------------------
    dofd: OptionalDate = None
    bankruptcy_date: OptionalDate = None
    extenuating: Flag = False
    score: Annotated[ScoreBand | None, BeforeValidator(optional_choice(SCORE_BANDS))] = None
    #: Every mortgage and installment payment on time in the 12 months before the short sale
    #: (FHA/USDA no-wait exception); ``None`` = not known.
    current_before_sale: OptionalFlag = None
    charge_off_date: OptionalDate = None
    settlement_date: OptionalDate = None

    # -- issue 10: second liens, co-borrowers, time and money around the sale -----------
    #: A second mortgage or HELOC on the same home (0: none).
    second_balance: Amount = Decimal("0.00")
    second_lender_same: Flag = False
    second_purchase_money: Flag = False
    #: Both loans made together (California's same-lender rule); ``None`` = not known.
    second_made_with_first: OptionalFlag = None
    #: Other people who signed the note (each can owe the whole deficiency).
    coborrowers: Annotated[int, BeforeValidator(int_range(0, 10, "coborrowers"))] = 0
    #: The note's yearly interest rate, in percent (cost of waiting).
    rate: Annotated[Decimal, BeforeValidator(_rate)] = Decimal("0.000")
    #: When a credit-report dispute was sent (the bureau's 30-day clock).
    dispute_date: OptionalDate = None
    #: Who owns or insures the loan (relocation help, short-sale minimums).
    investor: Annotated[Investor | None, BeforeValidator(optional_choice(INVESTORS))] = None
    #: The "as is" appraised value (FHA pre-foreclosure sale minimum net proceeds).
    as_is_value: OptionalAmount = None
    #: Days the home has been marketed for a short sale (FHA's tiers count these).
    days_marketed: Annotated[
        int | None, BeforeValidator(optional_int_range(0, 3650, "days_marketed"))
    ] = None

    # -- issue 15: facts a state's deficiency rule turns on ------------------------------
    #: The seller financed the purchase (the loan is owed to the person who sold the home).
    seller_financed: Flag = False
    #: The redemption period after a foreclosure by advertisement (Minnesota); ``None`` =
    #: not known.
    redemption_period: Annotated[
        RedemptionPeriod | None, BeforeValidator(optional_choice(REDEMPTION_PERIODS))
    ] = None
    #: The property is used for farming (agricultural production).
    agricultural: Flag = False
    #: Title passed to the lender by strict foreclosure, without a sale (Connecticut);
    #: ``None`` = not known.
    strict_foreclosure: OptionalFlag = None
    #: A court confirmed the foreclosure sale (Georgia); ``None`` = not known.
    sale_confirmed: OptionalFlag = None
    #: At a deed in lieu, the borrower agreed in writing to stay liable for the rest.
    liability_kept: Flag = False

    @model_validator(mode="after")
    def _resolve_path(self) -> Scenario:
        allowed = PATHS_BY_LOAN[self.loan]
        if self.path is None:
            object.__setattr__(self, "path", allowed[0])
        elif self.path not in allowed:
            raise PydanticCustomError("path", MSG_PATH)
        return self

    # -- derived, never stored: computed by the engine -----------------------------------
    @property
    def total_fees(self) -> Decimal:
        """Sum of every fee and cost key (interest included), for the running total."""
        return sum((getattr(self, key) for key in FEE_KEYS), Decimal("0.00"))


#: Keys in schema order (the order of the README table and of links).
SCENARIO_KEYS: tuple[str, ...] = tuple(Scenario.model_fields)
DEFAULTS = Scenario()

_ALLOWED_TEXT: dict[str, str] = {
    "loan": " | ".join(LOAN_TYPES),
    "action": " | ".join(ACTIONS),
    "foreclosure": " | ".join(FORECLOSURE_TYPES),
    "bankruptcy": " | ".join(BANKRUPTCY_KINDS),
    "filing_status": " | ".join(FILING_STATUSES),
    "score": " | ".join(SCORE_BANDS),
    "state": ", ".join(STATE_CODES),
    "investor": " | ".join(INVESTORS),
    "redemption_period": " | ".join(REDEMPTION_PERIODS),
}


def _params_for(key: str, loan: str = "mortgage") -> dict[str, str]:
    """Placeholder values for a key's error message (ranges and allowed values)."""
    if key == "path":
        return {"allowed": " | ".join(PATHS_BY_LOAN.get(loan, PATHS_BY_LOAN["mortgage"]))}
    if key in _ALLOWED_TEXT:
        return {"allowed": _ALLOWED_TEXT[key]}
    if key == "units":
        return {"min": "1", "max": "1000"}
    if key == "coborrowers":
        return {"min": "0", "max": "10"}
    if key == "days_marketed":
        return {"min": "0", "max": "3650"}
    if key == "acres":
        return {"min": "0", "max": "1000000"}
    if key in DATE_KEYS:
        return {"min": MIN_DATE.isoformat(), "max": MAX_DATE.isoformat()}
    return {}


def _issues_from(error: ValidationError, data: Mapping[str, Any]) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    loan = str(data.get("loan", "mortgage"))
    for err in error.errors():
        key = str(err["loc"][0]) if err["loc"] else "path"
        raw = data.get(key, err.get("input"))
        if err["type"] == "extra_forbidden":
            message = MSG_UNKNOWN
        elif err["type"] in (
            "amount",
            "choice",
            "flag",
            "date",
            "units",
            "acres",
            "path",
            "rate",
            "coborrowers",
            "days_marketed",
        ):
            message = str(err["msg"])
        else:
            message = MSG_INVALID
        issues.append(FieldIssue(key, short(raw), message, _params_for(key, loan)))
    return issues


def validate(data: Mapping[str, Any]) -> Scenario:
    """Validate a whole scenario strictly: any bad key raises :class:`ScenarioError`."""
    try:
        return Scenario.model_validate(dict(data))
    except ValidationError as exc:
        raise ScenarioError(_issues_from(exc, data)) from None


def validate_lenient(data: Mapping[str, Any]) -> tuple[Scenario, list[FieldIssue]]:
    """Keep every valid key, drop each bad one with an issue: how a shared link is opened.

    Keys are checked one at a time against the defaults so one bad value never costs the
    reader the rest of the scenario; then cross-key rules (path for the loan type) run.
    """
    issues: list[FieldIssue] = []
    accepted: dict[str, Any] = {}
    for key, value in data.items():
        if key not in Scenario.model_fields:
            issues.append(FieldIssue(short(key), short(value), MSG_UNKNOWN))
            continue
        if key == "path":
            accepted[key] = value  # depends on the loan type: checked below
            continue
        try:
            Scenario.model_validate({key: value})
        except ValidationError as exc:
            issues.extend(_issues_from(exc, {key: value}))
            continue
        accepted[key] = value
    try:
        scenario = Scenario.model_validate(accepted)
    except ValidationError as exc:
        issues.extend(_issues_from(exc, accepted))
        accepted.pop("path", None)
        scenario = Scenario.model_validate(accepted)
    return scenario, issues


def replace(scenario: Scenario, **changes: Any) -> Scenario:
    """A new validated scenario with some keys changed (re-runs every check)."""
    data = scenario.model_dump()
    data.update(changes)
    if "loan" in changes and "path" not in changes:
        data["path"] = None
    return validate(data)


def choices(model: type[BaseModel], name: str) -> tuple[str, ...]:
    """The codes a choice field accepts, read from its type: what a page offers.

    Why here: the pages once typed these lists again (``["", "fannie_mae", "fha"]``,
    ``*"ABCDEFGH"``), so a code added to the schema would be refused by nobody and offered
    by no one. ``""`` comes first for an optional field and stands for "not known"; a
    yes/no field that may be unknown offers ``("", "yes", "no")``. A field whose codes a
    validator checks rather than its type names them in ``json_schema_extra["choices"]``.
    """
    info = model.model_fields[name]
    extra = info.json_schema_extra
    if isinstance(extra, dict) and "choices" in extra:
        named = tuple(str(code) for code in extra["choices"])  # type: ignore[union-attr]
        return ("", *named) if info.default is None else named
    annotation = info.annotation
    members = get_args(annotation) if get_origin(annotation) is not Literal else (annotation,)
    optional = type(None) in members
    codes: list[str] = []
    for member in members:
        if get_origin(member) is Literal:
            codes.extend(str(code) for code in get_args(member))
        elif member is bool:
            codes.extend(("yes", "no"))
    if not codes:
        raise ValueError(f"{model.__name__}.{name} is not a choice field")
    return ("", *codes) if optional else tuple(codes)


def max_length(model: type[BaseModel], name: str) -> int:
    """The longest text a free-text field accepts (``json_schema_extra["max_length"]``)."""
    extra = model.model_fields[name].json_schema_extra
    if not isinstance(extra, dict) or "max_length" not in extra:
        raise ValueError(f"{model.__name__}.{name} declares no max_length")
    return int(extra["max_length"])  # type: ignore[arg-type]
