"""The result of a letter check: each flag and the letter redone in the legal order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from deficiency.core.engine import Item
from deficiency.core.money import cents_str
from deficiency.counselor.letter.inputs import LetterInputs, encode_letter
from deficiency.rules.tables import Confidence, Source
from deficiency.text.markers import Message

Severity = Literal["error", "warning", "info"]


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
