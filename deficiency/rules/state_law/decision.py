"""What the law says for a scenario, before any amount is known (so sweeps reuse it)."""

from __future__ import annotations

from dataclasses import dataclass

from deficiency.text.markers import Message


@dataclass(frozen=True)
class Decision:
    """The rule that applies to a scenario: barred, credited at fair value, or allowed.

    ``rule`` is the sentence shown as the state-law result; ``credit_rule`` replaces it
    when a fair-value credit actually reduces the deficiency. ``deadline`` is (amount,
    unit, start event, citation) of the lender's time limit when it applies to the facts.
    ``questions`` are the scenario keys the rule depends on (what the form asks).
    """

    barred: bool
    fair_value: bool
    rule: Message
    citation: str
    source_url: str
    confidence: str
    warnings: tuple[Message, ...] = ()
    credit_rule: Message | None = None  # the summary used when a fair-value credit applies
    deadline: tuple[int, str, str, str] | None = None  # amount, unit, event, citation
    fmv_citation: str = ""
    questions: tuple[str, ...] = ()
