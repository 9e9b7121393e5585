"""What the law says for a scenario, before any amount is known (so sweeps reuse it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from deficiency.text.markers import Message


class Deadline(NamedTuple):
    """A time limit: ``amount`` ``unit`` from ``event``, what must be done by then (``kind``)."""

    amount: int
    unit: str
    event: str
    citation: str
    kind: str = "action"


@dataclass(frozen=True)
class Decision:
    """The rule that applies to a scenario: barred, credited at fair value, or allowed.

    ``rule`` is the sentence shown as the state-law result; ``credit_rule`` replaces it
    when a fair-value credit actually reduces the deficiency, and ``credit_share`` is the
    part of (value − price) credited ((1, 2): Connecticut's half credit). ``value_bar``: the
    deficiency is barred when the property's value exceeds the sale price (Georgia's
    confirmation rule), then ``value_rule`` is the sentence shown. ``deadline`` is the
    lender's time limit when it applies to the facts, ``request_deadline`` the borrower's
    time to apply for the fair-value credit. ``fmv_missing`` asks for the fair market value
    when the rule needs it. ``questions`` are the scenario keys the rule depends on.
    ``lender_failure``: the bar follows from the lender's own failure to follow the rules of
    the sale (UCC 9-626's presumption), not from a statute about the loan: see
    :attr:`nonrecourse`.
    """

    barred: bool
    fair_value: bool
    rule: Message
    citation: str
    source_url: str
    confidence: str
    warnings: tuple[Message, ...] = ()
    credit_rule: Message | None = None  # the summary used when a fair-value credit applies
    deadline: Deadline | None = None
    fmv_citation: str = ""
    questions: tuple[str, ...] = ()
    credit_share: tuple[int, int] = (1, 1)
    value_bar: bool = False
    value_rule: Message | None = None
    request_deadline: Deadline | None = None
    fmv_missing: Message | None = None
    lender_failure: bool = False

    @property
    def nonrecourse(self) -> bool | None:
        """Whether the tax rules treat the loan as nonrecourse (no personal liability), or
        ``None`` when the rule says nothing about it.

        A statute barring deficiencies on a kind of loan makes it behave as nonrecourse
        (Pub 4681), and a state that allows one leaves it recourse. A car loan whose
        deficiency is presumed zero because the lender sold without notice or not in a
        commercially reasonable way says nothing of liability: the borrower was personally
        liable as on any car loan (the tax section's usual case), and nothing is cancelled,
        since a proper sale is presumed to have brought the whole debt.
        """
        return None if self.lender_failure else self.barred
