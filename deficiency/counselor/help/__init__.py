"""Where to get help, routed by situation; relocation money; an FHA short-sale price check.

Why this module exists: the figures tell a borrower what they may owe; the next question
is who can help, and a wrong turn is costly. A deficiency lawsuit has an answer deadline
that a default judgment follows; foreclosure counseling is free from HUD-approved agencies,
so anyone charging upfront is a warning sign; a car loan's Form 1099-C is outside what the
free volunteer tax sites may prepare. :func:`help_for` picks the resources that fit an
analysis. :func:`relocation_help` says what moving money a program offers after a short
sale or deed in lieu, and :func:`short_sale_check` says plainly whether an FHA lender is
likely to reject a short-sale price.

Data, not prose: ``data/help_resources.csv`` holds one row per resource with its URL,
phone, the code of its explanatory note, and the source and confidence of the row;
``data/programs_relocation.csv`` and ``data/programs_fha_pfs.csv`` hold the program
amounts and percentages with their sources. Every sentence is a message id here, so the
shell translates it. Files are read and validated on first use, never at import.

About the FHA table: HUD's National Servicing Center FAQ (Mortgagee Letter 2008-43) gives
the minimum net sale proceeds as 88 percent of the as-is appraised value in the first 30
days of marketing, 86 percent in the next 30 days and 84 percent for the rest of the
marketing period. Whether the current Handbook 4000.1 keeps exactly these tiers was not
read, so the rows are marked ``unconfirmed``.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import numpy as np

from deficiency.core.analysis import Analysis
from deficiency.core.money import to_cents
from deficiency.core.scenario import Scenario
from deficiency.rules.tables import DataFileError, packaged_text, read_rows
from deficiency.text.markers import N_, Message

Confidence = Literal["confirmed", "unconfirmed"]
CONFIDENCES: tuple[str, ...] = ("confirmed", "unconfirmed")
BASIS_POINTS = 10_000

#: The situations a resource answers, in the order :func:`help_for` lists them.
SITUATIONS: tuple[str, ...] = ("sued", "default", "cancelled_debt", "scam")

HELP_COLUMNS: tuple[str, ...] = (
    "situation",
    "resource",
    "url",
    "phone",
    "note",
    "source_title",
    "source_url",
    "confidence",
)
RELOCATION_COLUMNS: tuple[str, ...] = (
    "program",
    "path",
    "amount",
    "conditions",
    "source",
    "confidence",
)
PFS_COLUMNS: tuple[str, ...] = (
    "program",
    "from_day",
    "to_day",
    "min_net_bp",
    "source",
    "confidence",
)

# -- message ids ------------------------------------------------------------------------------
#: The name of each resource (the ``resource`` column).
RESOURCE_NAMES: dict[str, str] = {
    "answer_deadline": N_("If you are served with a lawsuit"),
    "lawhelp": N_("LawHelp.org: free legal aid by state"),
    "lsc": N_("Legal Services Corporation: find legal aid"),
    "hud_counselor": N_("A HUD-approved housing counselor (free)"),
    "hud_phone": N_("HUD housing counseling line"),
    "litc": N_("Low Income Taxpayer Clinic"),
    "vita_scope": N_("Free tax help (VITA/TCE): what it can prepare"),
    "paid_preparer": N_("A paid tax professional"),
    "ftc_mars": N_("FTC: mortgage relief scams"),
    "cfpb_scam": N_("CFPB: report a foreclosure relief scam"),
    "fdic_deed": N_("FDIC: beware of mortgage rescue scams"),
}
#: The explanation of each resource (the ``note`` column).
NOTE_TEXT: dict[str, str] = {
    "answer_deadline": N_(
        "The lender may sue you for what is still owed. If you are served, read the summons "
        "at once: it says how many days you have to file a written answer with the court, "
        "usually 20 to 30 days after you were served, depending on the state and the court. "
        "If you miss it, the lender can get a default judgment without a hearing."
    ),
    "legal_aid_directory": N_(
        "Find free civil legal aid in your state. A lawyer can check whether the deficiency "
        "is allowed at all and, if you are sued, help you answer."
    ),
    "legal_aid_income": N_(
        "Programs funded by the Legal Services Corporation usually help households with "
        "income at or below 125 percent of the federal poverty guidelines."
    ),
    "counselor_free": N_(
        "Foreclosure prevention counseling from a HUD-approved agency is free. A counselor "
        "can review your options (modification, short sale, deed in lieu) and talk to your "
        "servicer with you."
    ),
    "counselor_phone": N_("Call to be connected with a housing counseling agency near you."),
    "litc_help": N_(
        "Clinics represent low-income taxpayers in disputes with the IRS for free or a small "
        "fee, including questions about a Form 1099-C and the insolvency exclusion."
    ),
    "vita_scope": N_(
        "Volunteer tax sites may prepare cancelled-debt returns only for nonbusiness credit "
        "card debt or qualifying main-home mortgage debt. A car loan's Form 1099-C, "
        "insolvency or bankruptcy is outside what they can do."
    ),
    "paid_preparer": N_(
        "For a cancelled debt the volunteer sites cannot handle (a car loan, the insolvency "
        "exclusion on Form 982), use a Low Income Taxpayer Clinic or a paid preparer such as "
        "an enrolled agent or a CPA."
    ),
    "scam_upfront_fee": N_(
        "It is illegal for a company to charge you for mortgage help before you have "
        "accepted a written offer of relief from your lender. Never pay upfront."
    ),
    "scam_red_flags": N_(
        "Warning signs of a foreclosure relief scam: a demand for payment upfront, a promise "
        "that a modification is guaranteed, and a hard sell. Report it to the CFPB."
    ),
    "scam_deed": N_(
        "Never sign over the deed to your home to someone who promises to save it, and make "
        "payments only to your servicer."
    ),
}

#: The proper names of the relocation programs (names, like citations: not translated).
PROGRAM_NAMES: dict[str, str] = {"fannie_mae": "Fannie Mae", "fha": "FHA"}
RELOCATION_PATHS: tuple[str, ...] = ("short_sale", "deed_in_lieu")
#: What each condition code of ``programs_relocation.csv`` means.
CONDITION_TEXT: dict[str, str] = {
    "up_to": N_("This is the most offered; the amount paid can be lower."),
    "case_by_case": N_("Not everyone gets it: the servicer decides case by case."),
    "no_contribution": N_(
        "Not paid if you must contribute money or sign a promissory note for the shortfall."
    ),
    "historical": N_(
        "This amount comes from earlier program rules and could not be confirmed as current."
    ),
    "within_90_days": N_(
        "The full amount only if the sale closes within 90 days of your application; less "
        "after that."
    ),
}
#: One sentence per path, so two figures shown side by side (Compare) each name the path
#: they belong to instead of both claiming "this sale".
MSG_RELOCATION: dict[str, str] = {
    "short_sale": N_(
        "If {program} owns or insures your loan, you may get up to {amount} to help you move "
        "after a short sale."
    ),
    "deed_in_lieu": N_(
        "If {program} owns or insures your loan, you may get up to {amount} to help you move "
        "after a deed in lieu of foreclosure."
    ),
}
MSG_RELOCATION_ASSUMED = N_(
    "Who owns or insures the loan was not given; the figure shown is {program}'s. Your "
    "servicer can tell you which program applies."
)

MSG_PFS_MEETS = N_(
    "The net proceeds of {net} meet FHA's minimum of {minimum} ({percent} percent of the "
    "as-is value of {value}) at this stage of marketing."
)
MSG_PFS_REJECT = N_(
    "At this price the net proceeds of {net} are below FHA's minimum of {minimum} "
    "({percent} percent of the as-is value of {value}): the lender is likely to reject it. "
    "A price of at least {price} would meet the minimum."
)
MSG_PFS_TIER = N_("Days {from_day} to {to_day} on the market: at least {percent} percent.")
MSG_PFS_TIER_OPEN = N_("From day {from_day} on the market: at least {percent} percent.")
MSG_PFS_DAYS_UNKNOWN = N_(
    "Days on the market were not given, so the strictest minimum (the first 30 days) was used."
)
MSG_PFS_NET = N_("Net proceeds are the sale price minus the sale costs you entered.")
MSG_PFS_FHA_ONLY = N_(
    "These minimums are FHA's rules for its pre-foreclosure sale program; other lenders set "
    "their own."
)
MSG_PFS_DEFAULT = N_(
    "FHA's pre-foreclosure sale is for a loan already in default (usually at least one "
    "month behind); ask the servicer whether you qualify."
)


class HelpDataError(DataFileError):
    """A help or program data file is malformed or names an unknown code."""


# -- reading the data ------------------------------------------------------------------------
def _packaged(name: str) -> str:
    return packaged_text(__name__, name)


def _rows(text: str, name: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    return read_rows(text, name, columns, HelpDataError)


def _check_url(value: str, where: str, *, required: bool) -> str:
    if not value:
        if required:
            raise HelpDataError(f"{where}: a source URL is required")
        return ""
    if not value.startswith(("https://", "http://")):
        raise HelpDataError(f"{where}: {value!r} is not a web address")
    return value


def _check_confidence(value: str, where: str) -> Confidence:
    if value not in CONFIDENCES:
        raise HelpDataError(f"{where}: confidence must be one of {CONFIDENCES}")
    return value  # type: ignore[return-value]


@dataclass(frozen=True)
class HelpItem:
    """One resource for one situation, with where the claim about it comes from."""

    situation: str
    resource: str
    name: Message
    url: str
    phone: str
    note: Message
    source_title: str
    source_url: str
    confidence: Confidence


def parse_resources(text: str, name: str = "help_resources.csv") -> tuple[HelpItem, ...]:
    """Validate the help table: known situations, resources and notes, a source for each."""
    items: list[HelpItem] = []
    for number, row in _rows(text, name, HELP_COLUMNS):
        where = f"{name} line {number}"
        if row["situation"] not in SITUATIONS:
            raise HelpDataError(f"{where}: unknown situation {row['situation']!r}")
        if row["resource"] not in RESOURCE_NAMES:
            raise HelpDataError(f"{where}: unknown resource {row['resource']!r}")
        if row["note"] not in NOTE_TEXT:
            raise HelpDataError(f"{where}: unknown note {row['note']!r}")
        if not row["source_title"].strip():
            raise HelpDataError(f"{where}: a source title is required")
        phone = row["phone"].strip()
        if phone and not all(ch.isdigit() or ch == "-" for ch in phone):
            raise HelpDataError(f"{where}: phone {phone!r} must be digits and dashes")
        items.append(
            HelpItem(
                situation=row["situation"],
                resource=row["resource"],
                name=Message(RESOURCE_NAMES[row["resource"]]),
                url=_check_url(row["url"].strip(), where, required=False),
                phone=phone,
                note=Message(NOTE_TEXT[row["note"]]),
                source_title=row["source_title"].strip(),
                source_url=_check_url(row["source_url"].strip(), where, required=True),
                confidence=_check_confidence(row["confidence"], where),
            )
        )
    return tuple(items)


@functools.lru_cache(maxsize=1)
def load_resources() -> tuple[HelpItem, ...]:
    """The packaged help table, validated on first use."""
    return parse_resources(_packaged("help_resources.csv"))


# -- routing ---------------------------------------------------------------------------------
def situations_for(analysis: Analysis, today: dt.date | None = None) -> tuple[str, ...]:
    """Which situations an analysis is in, from its own figures.

    * ``sued``: someone can still be made to pay (the lender may sue for it);
    * ``default``: a mortgage whose sale has not happened yet (no sale date, or a future
      one): still in default, when a counselor helps most;
    * ``cancelled_debt``: a Form 1099-C is expected or debt is cancelled;
    * ``scam``: any mortgage scenario (rescue scams target homeowners in default).
    """
    today = today or dt.date.today()
    scenario = analysis.scenario
    found: list[str] = []
    if analysis.owes > 0:
        found.append("sued")
    mortgage = scenario.loan == "mortgage"
    if mortgage and (scenario.sale_date is None or scenario.sale_date >= today):
        found.append("default")
    if analysis.tax.form_1099c_expected or analysis.result.cancelled_debt > 0:
        found.append("cancelled_debt")
    if mortgage:
        found.append("scam")
    return tuple(found)


def help_for(
    analysis: Analysis,
    today: dt.date | None = None,
    situations: Iterable[str] | None = None,
) -> list[HelpItem]:
    """The resources for this analysis, grouped by situation in :data:`SITUATIONS` order.

    ``situations`` overrides the inference (e.g. the reader ticked "I was served").
    """
    chosen = set(situations_for(analysis, today) if situations is None else situations)
    unknown = chosen - set(SITUATIONS)
    if unknown:
        raise ValueError(f"unknown situations: {sorted(unknown)}")
    items = load_resources()
    return [item for key in SITUATIONS if key in chosen for item in items if item.situation == key]


# -- relocation money ------------------------------------------------------------------------
@dataclass(frozen=True)
class RelocationRow:
    program: str
    path: str
    cents: int
    conditions: tuple[str, ...]
    source_url: str
    confidence: Confidence


@dataclass(frozen=True)
class RelocationHelp:
    """Moving money a program may pay after a short sale or deed in lieu (cents, "up to")."""

    program: str
    path: str
    cents: int
    summary: Message
    conditions: tuple[Message, ...]
    source_url: str
    confidence: Confidence
    program_assumed: bool


def parse_relocation(text: str, name: str = "programs_relocation.csv") -> tuple[RelocationRow, ...]:
    """Validate the relocation table: known programs, paths and conditions, exact amounts."""
    out: list[RelocationRow] = []
    seen: set[tuple[str, str]] = set()
    for number, row in _rows(text, name, RELOCATION_COLUMNS):
        where = f"{name} line {number}"
        if row["program"] not in PROGRAM_NAMES:
            raise HelpDataError(f"{where}: unknown program {row['program']!r}")
        if row["path"] not in RELOCATION_PATHS:
            raise HelpDataError(f"{where}: unknown path {row['path']!r}")
        key = (row["program"], row["path"])
        if key in seen:
            raise HelpDataError(f"{where}: {key} appears twice")
        seen.add(key)
        try:
            cents = to_cents(Decimal(row["amount"]))
        except (InvalidOperation, ValueError):
            raise HelpDataError(f"{where}: amount {row['amount']!r} is not exact dollars") from None
        if cents <= 0:
            raise HelpDataError(f"{where}: amount must be positive")
        conditions = tuple(c for c in row["conditions"].split(";") if c)
        for code in conditions:
            if code not in CONDITION_TEXT:
                raise HelpDataError(f"{where}: unknown condition {code!r}")
        out.append(
            RelocationRow(
                program=row["program"],
                path=row["path"],
                cents=cents,
                conditions=conditions,
                source_url=_check_url(row["source"].strip(), where, required=True),
                confidence=_check_confidence(row["confidence"], where),
            )
        )
    return tuple(out)


@functools.lru_cache(maxsize=1)
def load_relocation() -> tuple[RelocationRow, ...]:
    return parse_relocation(_packaged("programs_relocation.csv"))


#: The program assumed when the scenario does not say who owns or insures the loan.
DEFAULT_PROGRAM = "fannie_mae"


def relocation_help(scenario: Scenario, program: str | None = None) -> RelocationHelp | None:
    """The most a program pays to help the borrower move after this short sale or deed in lieu.

    ``None`` for a foreclosure, a repossession or a program without such a payment.
    ``program``: ``fannie_mae`` or ``fha``; when not given, a future ``investor`` scenario
    key is used, else Fannie Mae's figure is shown and flagged as assumed.
    """
    if scenario.loan != "mortgage" or scenario.path not in RELOCATION_PATHS:
        return None
    chosen = program or getattr(scenario, "investor", None)
    assumed = chosen is None
    chosen = chosen or DEFAULT_PROGRAM
    if chosen not in PROGRAM_NAMES:
        return None
    row = next(
        (r for r in load_relocation() if r.program == chosen and r.path == scenario.path), None
    )
    if row is None:
        return None
    name = PROGRAM_NAMES[chosen]
    conditions = [Message(CONDITION_TEXT[code]) for code in row.conditions]
    if assumed:
        conditions.append(Message(MSG_RELOCATION_ASSUMED, {"program": name}))
    return RelocationHelp(
        program=chosen,
        path=row.path,
        cents=row.cents,
        summary=Message(MSG_RELOCATION[row.path], {"program": name}, money={"amount": row.cents}),
        conditions=tuple(conditions),
        source_url=row.source_url,
        confidence=row.confidence,
        program_assumed=assumed,
    )


# -- FHA pre-foreclosure sale: minimum net proceeds ----------------------------------------
@dataclass(frozen=True)
class PfsTier:
    from_day: int
    to_day: int | None
    min_net_bp: int
    source_url: str
    confidence: Confidence


def parse_pfs(text: str, name: str = "programs_fha_pfs.csv") -> tuple[PfsTier, ...]:
    """Validate the FHA table: contiguous day ranges from day 1, percentages that fall."""
    tiers: list[PfsTier] = []
    for number, row in _rows(text, name, PFS_COLUMNS):
        where = f"{name} line {number}"
        if row["program"] != "fha":
            raise HelpDataError(f"{where}: only the FHA program is tabulated")
        try:
            start = int(row["from_day"])
            end = int(row["to_day"]) if row["to_day"] else None
            bp = int(row["min_net_bp"])
        except ValueError:
            raise HelpDataError(f"{where}: days and basis points must be whole numbers") from None
        if not 0 < bp <= BASIS_POINTS or (end is not None and end < start):
            raise HelpDataError(f"{where}: bad range or percentage")
        tiers.append(
            PfsTier(
                start,
                end,
                bp,
                _check_url(row["source"].strip(), where, required=True),
                _check_confidence(row["confidence"], where),
            )
        )
    if not tiers or tiers[0].from_day != 1 or tiers[-1].to_day is not None:
        raise HelpDataError(f"{name}: tiers must start at day 1 and end open")
    for before, after in itertools.pairwise(tiers):
        if before.to_day is None or after.from_day != before.to_day + 1:
            raise HelpDataError(f"{name}: day ranges must be contiguous")
        if after.min_net_bp >= before.min_net_bp:
            raise HelpDataError(f"{name}: the minimum must fall as marketing goes on")
    return tuple(tiers)


@functools.lru_cache(maxsize=1)
def load_pfs() -> tuple[PfsTier, ...]:
    return parse_pfs(_packaged("programs_fha_pfs.csv"))


def pfs_tier(days_marketed: int | None) -> PfsTier:
    """The tier for a number of days on the market (``None``: the first, strictest)."""
    tiers = load_pfs()
    if days_marketed is None:
        return tiers[0]
    if days_marketed < 1:
        raise ValueError("days on the market start at 1")
    for tier in tiers:
        if tier.to_day is None or days_marketed <= tier.to_day:
            return tier
    raise AssertionError("unreachable: the last tier is open")  # pragma: no cover


def pfs_minimum_net(as_is_value: Any, min_net_bp: Any) -> Any:
    """The smallest net proceeds in whole cents that reach ``min_net_bp`` of the value.

    Rounded *up*: a minimum of 88 percent of $100,000.01 is $88,000.01, because
    $88,000.00 would fall short by a fraction of a cent. Ints or int64 arrays.
    """
    product = np.asarray(as_is_value, dtype=np.int64) * np.asarray(min_net_bp, dtype=np.int64)
    result = -((-product) // BASIS_POINTS)
    if np.ndim(result) == 0:
        return int(result)
    return result.astype(np.int64)


def pfs_meets(net: Any, as_is_value: Any, min_net_bp: Any) -> Any:
    """Whether net proceeds reach the minimum, compared exactly (no rounding at all)."""
    lhs = np.asarray(net, dtype=np.int64) * BASIS_POINTS
    rhs = np.asarray(as_is_value, dtype=np.int64) * np.asarray(min_net_bp, dtype=np.int64)
    result = lhs >= rhs
    return bool(result) if np.ndim(result) == 0 else result


@dataclass(frozen=True)
class ShortSaleCheck:
    """Whether an FHA lender is likely to accept this short-sale price; amounts in cents."""

    net_proceeds_cents: int
    as_is_value_cents: int
    min_net_bp: int
    minimum_net_cents: int
    minimum_price_cents: int
    likely_rejected: bool
    from_day: int
    to_day: int | None
    verdict: Message
    notes: tuple[Message, ...]
    source_url: str
    confidence: Confidence


def _percent(bp: int) -> str:
    """Basis points as a plain percent string: 8800 → "88", 8650 → "86.5"."""
    text = f"{Decimal(bp) / 100:.2f}".rstrip("0").rstrip(".")
    return text


def short_sale_check(
    scenario: Scenario,
    as_is_value_cents: int,
    months_since_default: int,
    *,
    days_marketed: int | None = None,
) -> ShortSaleCheck:
    """Check the scenario's sale price against FHA's minimum net proceeds.

    Net proceeds = ``sale_price`` − ``sale_costs``. ``as_is_value_cents``: the FHA "as-is"
    appraised value. ``days_marketed`` picks the tier (unknown: the strictest);
    ``months_since_default`` only adds a note when the loan is not yet in default.
    """
    if as_is_value_cents <= 0:
        raise ValueError("the as-is value must be positive")
    if months_since_default < 0:
        raise ValueError("months since default cannot be negative")
    tier = pfs_tier(days_marketed)
    price = to_cents(scenario.sale_price)
    costs = to_cents(scenario.sale_costs)
    net = price - costs
    minimum = pfs_minimum_net(as_is_value_cents, tier.min_net_bp)
    meets = pfs_meets(net, as_is_value_cents, tier.min_net_bp)
    minimum_price = minimum + costs
    percent = _percent(tier.min_net_bp)
    money = {"net": net, "minimum": minimum, "value": as_is_value_cents}
    if meets:
        verdict = Message(MSG_PFS_MEETS, {"percent": percent}, money=money)
    else:
        verdict = Message(
            MSG_PFS_REJECT, {"percent": percent}, money={**money, "price": minimum_price}
        )
    notes: list[Message] = []
    if tier.to_day is None:
        notes.append(
            Message(MSG_PFS_TIER_OPEN, {"from_day": str(tier.from_day), "percent": percent})
        )
    else:
        notes.append(
            Message(
                MSG_PFS_TIER,
                {"from_day": str(tier.from_day), "to_day": str(tier.to_day), "percent": percent},
            )
        )
    if days_marketed is None:
        notes.append(Message(MSG_PFS_DAYS_UNKNOWN))
    notes.append(Message(MSG_PFS_NET))
    if months_since_default < 1:
        notes.append(Message(MSG_PFS_DEFAULT))
    notes.append(Message(MSG_PFS_FHA_ONLY))
    return ShortSaleCheck(
        net_proceeds_cents=net,
        as_is_value_cents=as_is_value_cents,
        min_net_bp=tier.min_net_bp,
        minimum_net_cents=minimum,
        minimum_price_cents=minimum_price,
        likely_rejected=not meets,
        from_day=tier.from_day,
        to_day=tier.to_day,
        verdict=verdict,
        notes=tuple(notes),
        source_url=tier.source_url,
        confidence=tier.confidence,
    )
