"""FHA's pre-foreclosure sale (short sale) minimum net proceeds (``data/programs_fha_pfs.csv``).

HUD's National Servicing Center FAQ (Mortgagee Letter 2008-43) gives the minimum net sale
proceeds as 88 percent of the as-is appraised value in the first 30 days of marketing, 86
percent in the next 30 days and 84 percent for the rest of the marketing period. Whether the
current Handbook 4000.1 keeps exactly these tiers was not read, so the rows are marked
``unconfirmed``. :func:`short_sale_check` says plainly whether an FHA lender is likely to
reject a short-sale price.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

import numpy as np

from deficiency.core.money import to_cents
from deficiency.core.scenario import Scenario
from deficiency.counselor.help.messages import (
    MSG_PFS_DAYS_UNKNOWN,
    MSG_PFS_DEFAULT,
    MSG_PFS_FHA_ONLY,
    MSG_PFS_MEETS,
    MSG_PFS_NET,
    MSG_PFS_REJECT,
    MSG_PFS_TIER,
    MSG_PFS_TIER_OPEN,
)
from deficiency.counselor.help.resources import Confidence, ConfidenceCell, HelpDataError
from deficiency.rules.tables import (
    OptionalWholeNumber,
    Row,
    Source,
    SourceId,
    WholeNumber,
    load_bibliography,
    one_of,
    packaged_text,
    parse_rows,
)
from deficiency.text.markers import Message

BASIS_POINTS = 10_000
PFS_FILE = "programs_fha_pfs.csv"


class PfsCsv(Row):
    program: Annotated[str, one_of(("fha",))]
    from_day: WholeNumber
    to_day: OptionalWholeNumber
    min_net_bp: WholeNumber
    source: SourceId
    confidence: ConfidenceCell


@dataclass(frozen=True)
class PfsTier:
    from_day: int
    to_day: int | None
    min_net_bp: int
    source_url: str
    confidence: Confidence


def _check_tiers(tiers: list[PfsTier], name: str) -> None:
    """Contiguous day ranges from day 1, an open last tier, minimums that fall."""
    if not tiers or tiers[0].from_day != 1 or tiers[-1].to_day is not None:
        raise HelpDataError(f"{name}: tiers must start at day 1 and end open")
    for before, after in itertools.pairwise(tiers):
        if before.to_day is None or after.from_day != before.to_day + 1:
            raise HelpDataError(f"{name}: day ranges must be contiguous")
        if after.min_net_bp >= before.min_net_bp:
            raise HelpDataError(f"{name}: the minimum must fall as marketing goes on")


def parse_pfs(
    text: str, name: str = PFS_FILE, sources: Mapping[str, Source] | None = None
) -> tuple[PfsTier, ...]:
    """Validate the FHA table: contiguous day ranges from day 1, percentages that fall."""
    known = load_bibliography().sources if sources is None else sources
    tiers: list[PfsTier] = []
    for line, row in parse_rows(
        text, name, PfsCsv, HelpDataError, context={"sources": known}, exact=True
    ):
        end = row.to_day
        if not 0 < row.min_net_bp <= BASIS_POINTS or (end is not None and end < row.from_day):
            raise HelpDataError(f"{name} line {line}: bad range or percentage")
        source = known[row.source].url
        tiers.append(PfsTier(row.from_day, end, row.min_net_bp, source, row.confidence))  # type: ignore[arg-type]
    _check_tiers(tiers, name)
    return tuple(tiers)


@functools.lru_cache(maxsize=1)
def load_pfs() -> tuple[PfsTier, ...]:
    return parse_pfs(packaged_text(__package__ or __name__, PFS_FILE))


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
