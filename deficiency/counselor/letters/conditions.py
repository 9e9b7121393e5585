"""Which letters fit the facts entered, and why: one small function per condition.

Each condition reads :class:`~deficiency.counselor.letters.facts.Facts` and returns the
sentence that tells the reader why the letter fits (a :class:`Message` with the figures of
the analysis), or ``None`` when it does not hold. A letter is offered when its first
condition holds (:data:`CONDITIONS`: the one it needs), and its other conditions that hold
add their reasons. So "is this letter offered?" and "what does the page say about it?" are
the same code, and a test of one is a test of the other.
"""

from __future__ import annotations

from collections.abc import Callable

from deficiency.counselor.letters import fields as figures
from deficiency.counselor.letters.facts import Facts
from deficiency.counselor.letters.messages import (
    R_BARRED,
    R_COLLECTIBLE,
    R_DISPUTE_ALL,
    R_DISPUTE_REST,
    R_FURNISHER,
    R_LIMITED,
    R_OFFER_SETTLEMENT,
    R_OFFER_WHATIF,
    R_PURSUED,
    R_QUESTIONS,
    R_REPORT_BARRED,
    R_REPORT_FORGIVEN,
    R_REPORT_REMOVAL,
    R_REPORT_SETTLED,
    R_REPOSSESSION,
    R_REPOSSESSION_LETTER,
    R_TIME_PASSED,
)
from deficiency.counselor.letters.templates import load_templates
from deficiency.rules import ucc
from deficiency.text.markers import Message

Condition = Callable[[Facts], Message | None]


# -- the request for an explanation (UCC § 9-616) ---------------------------------------------
def sale_of_goods_with_deficiency(facts: Facts) -> Message | None:
    """A repossession or other Article 9 sale, with a deficiency on the Calculator or claimed
    in the lender's letter (the Letter check)."""
    if facts.scenario.loan == "mortgage":
        return None
    days = {"days": str(load_templates()["explanation"].constants["days"])}
    cited = {**days, "citation": ucc.cite_rule("explanation_request", facts.scenario.state)}
    deficiency = facts.analysis.result.deficiency
    if deficiency > 0:
        return Message(R_REPOSSESSION, cited, money={"deficiency": deficiency})
    check = facts.check
    if check is None:
        return None
    claimed = max(check.recomputed_cents, check.stated_cents or 0)
    if claimed <= 0:
        return None
    return Message(R_REPOSSESSION_LETTER, cited, money={"deficiency": claimed})


def letter_check_questions(facts: Facts) -> Message | None:
    """The Letter check raised points the letter asks about."""
    if facts.check is None:
        return None
    template = load_templates()["explanation"]
    asked = figures.questions(facts.check, template, facts.scenario.state)
    if not asked:
        return None
    return Message(R_QUESTIONS, {"count": str(len(asked))})


# -- the validation request ---------------------------------------------------------------------
def deficiency_pursued(facts: Facts) -> Message | None:
    """A deficiency the lender pursues: a collector may contact the reader about it."""
    deficiency = facts.analysis.result.deficiency
    if facts.scenario.action != "collect" or deficiency <= 0:
        return None
    template = load_templates()["validation"]
    params = {
        "days": str(template.constants["days"]),
        "citation": str(template.constants["citation_dispute"]),
    }
    return Message(R_PURSUED, params, money={"deficiency": deficiency})


def barred_disputed_in_full(facts: Facts) -> Message | None:
    if not facts.analysis.state.barred:
        return None
    return Message(R_DISPUTE_ALL, {"citation": facts.analysis.state.citation})


def limited_disputed_above(facts: Facts) -> Message | None:
    if not figures.limited(facts):
        return None
    law = facts.analysis.state
    return Message(
        R_DISPUTE_REST, {"citation": law.citation}, {"collectible": law.collectible_cents}
    )


# -- the settlement offer ---------------------------------------------------------------------
def collectible_to_settle(facts: Facts) -> Message | None:
    """The lender pursues (or settles) a deficiency that state law lets it collect, and the
    reader has an offer above zero."""
    collectible = facts.analysis.state.collectible_cents
    offer = facts.offer
    if facts.scenario.action == "forgive" or collectible <= 0 or offer is None:
        return None
    if facts.scenario.action == "settle" and facts.scenario.settlement_date is not None:
        return None  # settled already: the dispute letters hold the lender to it
    if offer.result.borrower_owes <= 0:
        return None
    return Message(R_COLLECTIBLE, money={"collectible": collectible})


def the_offer(facts: Facts) -> Message | None:
    offer = facts.offer
    if offer is None:
        return None
    money = {"offer": offer.result.borrower_owes, "forgiven": offer.result.cancelled_debt}
    if facts.offer_source == "settlement":
        return Message(R_OFFER_SETTLEMENT, money=money)
    return Message(R_OFFER_WHATIF, {"percent": str(facts.offer_percent)}, money=money)


# -- the state-law defense --------------------------------------------------------------------
def _defended(facts: Facts) -> bool:
    """A deficiency the lender still pursues (a settlement or a forgiveness ends it)."""
    return facts.scenario.action == "collect" and facts.analysis.result.deficiency > 0


def state_bars(facts: Facts) -> Message | None:
    law = facts.analysis.state
    if not (_defended(facts) and law.barred):
        return None
    return Message(R_BARRED, {"citation": law.citation, "rule": law.rule})


def state_limits(facts: Facts) -> Message | None:
    law = facts.analysis.state
    if not (_defended(facts) and figures.limited(facts)):
        return None
    money = {"collectible": law.collectible_cents, "credit": law.fair_value_credit_cents}
    return Message(R_LIMITED, {"citation": law.citation, "rule": law.rule}, money)


def time_to_sue_passed(facts: Facts) -> Message | None:
    if not _defended(facts):
        return None
    found = figures.fields_for("defense", facts)
    if "time_passed" not in found.facts:
        return None
    cited = {"citation": found.params["deadline_citation"]}
    return Message(R_TIME_PASSED, cited, dates={"deadline": found.dates["deadline"]})


def state_law_defense(facts: Facts) -> Message | None:
    """Any of the three defenses: the letter needs one."""
    return state_bars(facts) or state_limits(facts) or time_to_sue_passed(facts)


# -- the credit report disputes -------------------------------------------------------------
def barred_reported(facts: Facts) -> Message | None:
    law = facts.analysis.state
    if not law.barred:
        return None
    return Message(R_REPORT_BARRED, {"citation": law.citation})


def settled_reported(facts: Facts) -> Message | None:
    if not figures.settled(facts):
        return None
    return Message(R_REPORT_SETTLED, money={"settlement": facts.analysis.result.borrower_owes})


def forgiven_reported(facts: Facts) -> Message | None:
    return Message(R_REPORT_FORGIVEN) if figures.forgiven(facts) else None


def past_removal_date(facts: Facts) -> Message | None:
    if not figures.past_removal(facts):
        return None
    removal = facts.analysis.credit.removal_date
    return Message(R_REPORT_REMOVAL, dates={"removal": removal})


def report_conflicts(facts: Facts) -> Message | None:
    """Any of the conflicts between the report and the facts: the dispute needs one."""
    return (
        barred_reported(facts)
        or settled_reported(facts)
        or forgiven_reported(facts)
        or past_removal_date(facts)
    )


def furnisher_too(facts: Facts) -> Message | None:
    return Message(R_FURNISHER)


def _reporting_reasons() -> tuple[Condition, ...]:
    return (barred_reported, settled_reported, forgiven_reported, past_removal_date)


#: Per letter: the condition it needs (``None``: the letter is not offered), then the reasons
#: shown when it is. A reason equal to the first is shown once.
CONDITIONS: dict[str, tuple[Condition, tuple[Condition, ...]]] = {
    "explanation": (
        sale_of_goods_with_deficiency,
        (sale_of_goods_with_deficiency, letter_check_questions),
    ),
    "validation": (
        deficiency_pursued,
        (deficiency_pursued, barred_disputed_in_full, limited_disputed_above),
    ),
    "settlement": (collectible_to_settle, (collectible_to_settle, the_offer)),
    "defense": (state_law_defense, (state_bars, state_limits, time_to_sue_passed)),
    "dispute_bureau": (report_conflicts, _reporting_reasons()),
    "dispute_furnisher": (report_conflicts, (*_reporting_reasons(), furnisher_too)),
}


def reasons_for(kind: str, facts: Facts) -> tuple[Message, ...]:
    """Why the letter ``kind`` fits (empty: it does not fit the facts entered)."""
    needed, shown = CONDITIONS[kind]
    if needed(facts) is None:
        return ()
    found = (condition(facts) for condition in shown)
    return tuple(reason for reason in found if reason is not None)


__all__ = [
    "CONDITIONS",
    "Condition",
    "barred_reported",
    "collectible_to_settle",
    "deficiency_pursued",
    "forgiven_reported",
    "letter_check_questions",
    "past_removal_date",
    "reasons_for",
    "report_conflicts",
    "sale_of_goods_with_deficiency",
    "settled_reported",
    "state_bars",
    "state_law_defense",
    "state_limits",
    "time_to_sue_passed",
]
