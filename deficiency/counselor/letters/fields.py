"""Each letter's fields: the figures, dates and citations its template's placeholders take.

Why here and nowhere else: a letter a reader signs must say exactly what the app computed,
so every amount, date and citation is read from the analysis (:func:`analyze`), the Letter
check, the offer's analysis and the app's deadlines (:func:`deficiency.core.delay.countdowns`),
never recomputed. Amounts stay integer cents and dates stay dates until a page or a PDF
formats them for the reader (:class:`deficiency.text.markers.Message`), so the English letter
and its translation carry the same figures.

``facts`` are the names a template's ``when``/``unless`` test (:data:`FACTS` lists them per
letter, so a typo in a template fails its check instead of hiding a sentence); ``lists`` are
the sentences a ``list`` block shows one per item (the Letter check's questions, the
report's conflicts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from deficiency.core import delay
from deficiency.counselor.letter import EXPENSE_ITEMS, LetterCheck, cents
from deficiency.counselor.letters.facts import Facts
from deficiency.counselor.letters.templates import Template, load_common, load_templates
from deficiency.rules import credit, ucc
from deficiency.text.markers import Message

#: The facts each letter's template may test with ``when``/``unless``.
FACTS: dict[str, frozenset[str]] = {
    "explanation": frozenset({"sale_date", "figures", "questions", "check", "lender_deadline"}),
    "validation": frozenset({"figures", "barred", "limited", "lender_deadline"}),
    "settlement": frozenset({"cancelled", "taxable", "untaxed", "form_1099c", "lender_deadline"}),
    "defense": frozenset({"barred", "limited", "time_passed", "unconfirmed", "lender_deadline"}),
    "dispute_bureau": frozenset(
        {"barred", "settled", "forgiven", "removal", "removal_ahead", "dispute_due"}
    ),
    "dispute_furnisher": frozenset(
        {"barred", "settled", "forgiven", "removal", "removal_ahead", "dispute_due"}
    ),
}
#: The lists each letter's template may show with ``list``.
LISTS: dict[str, frozenset[str]] = {
    "explanation": frozenset({"questions"}),
    "dispute_bureau": frozenset({"problems"}),
    "dispute_furnisher": frozenset({"problems"}),
}
#: Letter check flags that are claims of the reader's, not questions for the lender.
NOT_QUESTIONS = frozenset({"minimum_damages"})


@dataclass(frozen=True)
class Fields:
    """What one letter's placeholders take, and the facts and lists its blocks test."""

    params: dict[str, Any] = field(default_factory=dict)
    money: dict[str, int] = field(default_factory=dict)
    dates: dict[str, dt.date] = field(default_factory=dict)
    facts: frozenset[str] = frozenset()
    lists: Mapping[str, tuple[Message, ...]] = field(default_factory=dict)

    def message(self, msgid: str, extra: Mapping[str, Any] | None = None) -> Message:
        """A sentence of the template with every field at hand (``extra``: the page's own,
        such as the names typed for the download)."""
        return Message(msgid, {**self.params, **(extra or {})}, self.money, self.dates)

    @property
    def figures(self) -> dict[str, Any]:
        """Every figure of the letter by name: what the tests compare with ``analyze``."""
        return {**self.params, **self.money, **self.dates}


class _Builder:
    """Collects one letter's fields step by step."""

    def __init__(self, template: Template) -> None:
        self.params: dict[str, Any] = {key: str(value) for key, value in template.constants.items()}
        self.money: dict[str, int] = dict(template.money)
        self.dates: dict[str, dt.date] = {}
        self.facts: set[str] = set()
        self.lists: dict[str, tuple[Message, ...]] = {}

    def fact(self, name: str, holds: bool = True) -> None:
        if holds:
            self.facts.add(name)

    def done(self) -> Fields:
        return Fields(self.params, self.money, self.dates, frozenset(self.facts), self.lists)


# -- shared steps ------------------------------------------------------------------------------
def _event(facts: Facts) -> Message:
    """The reader's event by its path ("the foreclosure sale of the home")."""
    return Message(load_common().events[facts.scenario.path])


def _countdown(facts: Facts, label: str) -> delay.Countdown | None:
    """One of the app's deadlines (the Calculator's countdowns), by its label."""
    items = delay.countdowns(facts.analysis, facts.today, facts.scenario.dispute_date)
    return next((item for item in items if item.label.msgid == label), None)


def _lender_deadline(fields: _Builder, facts: Facts) -> delay.Countdown | None:
    """The lender's deadline to seek the deficiency; a ``lender_deadline`` fact while it is
    still ahead (a passed one is the defense letter's own sentence)."""
    found = _countdown(facts, delay.LABEL_LENDER_DEADLINE)
    if found is not None:
        fields.params["deadline_citation"] = str(found.label.params.get("citation", ""))
        fields.dates["lender_deadline"] = found.date
        fields.fact("lender_deadline", found.date >= facts.today)
    return found


def limited(facts: Facts) -> bool:
    """State law lets the lender collect less than the deficiency, without barring it (a
    fair-value credit)."""
    law = facts.analysis.state
    return (
        not law.barred
        and law.fair_value_credit_cents > 0
        and law.collectible_cents < facts.analysis.result.deficiency
    )


def _state_law(fields: _Builder, facts: Facts) -> None:
    """The state-law result: the citation, what is collectible, barred or limited."""
    law = facts.analysis.state
    fields.params["state_citation"] = law.citation
    fields.money["collectible"] = law.collectible_cents
    fields.money["credit"] = law.fair_value_credit_cents
    fields.fact("barred", law.barred)
    fields.fact("limited", limited(facts))


def _deficiency(fields: _Builder, facts: Facts) -> None:
    fields.params["event"] = _event(facts)
    fields.money["deficiency"] = facts.analysis.result.deficiency


# -- 1. the explanation of the deficiency (UCC § 9-616) ----------------------------------------
def _charged(check: LetterCheck, item: str) -> int:
    """What the lender's letter charged for an expense item (storage: days × the daily rate)."""
    if item == "storage_rate":
        return check.storage_cents
    return cents(getattr(check.inputs, EXPENSE_ITEMS[item]))


def questions(check: LetterCheck, template: Template, state: str | None) -> tuple[Message, ...]:
    """One sentence for the lender per point the Letter check raised, with its figures."""
    phrases, out = template.phrases, []
    inputs = check.inputs
    for flag in check.flags:
        code = flag.code
        if code in NOT_QUESTIONS:
            continue
        if code == "arithmetic":
            stated = check.stated_cents or 0
            out.append(
                Message(
                    phrases["arithmetic"],
                    money={
                        "stated": stated,
                        "recomputed": check.recomputed_cents,
                        "difference": abs(stated - check.recomputed_cents),
                    },
                )
            )
        elif code == "surplus":
            cited = {"citation_surplus": ucc.cite_rule("proceeds", state)}
            out.append(Message(phrases["surplus"], cited, money={"surplus": check.surplus_cents}))
        elif code == "missing_interest_rebate":
            cited = {"citation_order": ucc.cite_rule("explanation_order", state)}
            owed = {"obligation": cents(inputs.lt_obligation)}
            out.append(Message(phrases["missing_interest_rebate"], cited, money=owed))
        elif code == "late_fees_after_acceleration":
            late = {"amount": cents(inputs.lt_late_fees_after_acceleration)}
            out.append(Message(phrases["late_fees_after_acceleration"], money=late))
        elif code in ("attorney_fees", "expense_attorney_fees"):
            fees = {"amount": cents(inputs.lt_attorney_fees)}
            out.append(Message(phrases["attorney_fees"], money=fees))
        elif code.startswith("expense_"):
            item = code.removeprefix("expense_")
            named = {"item": Message(template.items[item])}
            out.append(Message(phrases["expense"], named, money={"amount": _charged(check, item)}))
        elif code == "related_buyer":
            cited = {"citation_related": ucc.cite_rule("related_buyer", state)}
            out.append(Message(phrases["related_buyer"], cited))
        else:  # missing_addon_refunds, noncompliant_sale: a fixed request
            out.append(Message(phrases[code]))
    return tuple(out)


def explanation(facts: Facts, template: Template) -> Fields:
    fields = _Builder(template)
    scenario, result = facts.scenario, facts.analysis.result
    state = scenario.state
    fields.params |= {
        "citation": ucc.cite_rule("explanation", state),
        "citation_due": ucc.cite_rule("explanation_request", state),
        "citation_free": ucc.cite_rule("explanation_free", state),
        "citation_damages": ucc.cite_rule("explanation_damages", state),
    }
    if scenario.sale_date is not None:
        fields.dates["sale_date"] = scenario.sale_date
        fields.fact("sale_date")
    if result.deficiency > 0 and facts.check is None:
        # With the lender's letter entered, its own figures (the questions) are the ones to
        # discuss; the Calculator's may be another reckoning of the same sale.
        fields.money |= {
            "total_owed": result.total_owed,
            "applied": result.applied,
            "deficiency": result.deficiency,
        }
        fields.fact("figures")
    if facts.check is not None:
        fields.fact("check")
        asked = questions(facts.check, template, state)
        fields.lists["questions"] = asked
        fields.params["count"] = str(len(asked))
        fields.fact("questions", bool(asked))
    _lender_deadline(fields, facts)
    return fields.done()


# -- 2. the validation request to a debt collector ----------------------------------------------
def validation(facts: Facts, template: Template) -> Fields:
    fields = _Builder(template)
    _deficiency(fields, facts)
    fields.fact("figures", facts.analysis.result.deficiency > 0)
    _state_law(fields, facts)
    _lender_deadline(fields, facts)
    return fields.done()


# -- 3. the settlement offer ---------------------------------------------------------------------
def settlement(facts: Facts, template: Template) -> Fields:
    fields = _Builder(template)
    _deficiency(fields, facts)
    offer = facts.offer
    fields.money["collectible"] = facts.analysis.state.collectible_cents
    if offer is not None:
        taxes = offer.tax
        fields.money |= {
            "offer": offer.result.borrower_owes,
            "forgiven": offer.result.cancelled_debt,
            "cancelled": taxes.cancelled_debt,
            "taxable": taxes.taxable_cancelled_debt,
            "tax": taxes.estimated_federal_tax,
        }
        fields.params["rate"] = taxes.marginal_rate
        fields.fact("cancelled", taxes.cancelled_debt > 0)
        fields.fact("taxable", taxes.taxable_cancelled_debt > 0)
        fields.fact("untaxed", taxes.cancelled_debt > 0 and taxes.taxable_cancelled_debt == 0)
        fields.fact("form_1099c", taxes.form_1099c_expected)
    if facts.offer_percent is not None:
        fields.params["percent"] = str(facts.offer_percent)
    _lender_deadline(fields, facts)
    return fields.done()


# -- 4. the state-law defense ---------------------------------------------------------------------
def defense(facts: Facts, template: Template) -> Fields:
    fields = _Builder(template)
    _deficiency(fields, facts)
    _state_law(fields, facts)
    law = facts.analysis.state
    found = _lender_deadline(fields, facts)
    if found is not None and facts.analysis.owes > 0 and found.date < facts.today:
        fields.dates["deadline"] = found.date
        fields.fact("time_passed")
    fields.fact("unconfirmed", law.confidence != "confirmed")
    return fields.done()


# -- 5. the credit report disputes ----------------------------------------------------------------
def past_removal(facts: Facts) -> bool:
    """The account is past the day the credit bureaus delete it."""
    removal = facts.analysis.credit.removal_date
    return facts.scenario.dofd is not None and removal is not None and removal <= facts.today


def settled(facts: Facts) -> bool:
    return facts.scenario.action == "settle" and facts.analysis.result.deficiency > 0


def forgiven(facts: Facts) -> bool:
    barred = facts.analysis.state.barred
    return (
        facts.scenario.action == "forgive" and facts.analysis.result.deficiency > 0 and not barred
    )


def problems(facts: Facts, fields: _Builder) -> tuple[Message, ...]:
    """One sentence per conflict between what the report should show and the facts."""
    phrases = load_templates()["dispute_bureau"].phrases
    out: list[Message] = []

    def add(key: str) -> None:
        out.append(Message(phrases[key], dict(fields.params), fields.money, fields.dates))

    if "barred" in fields.facts:
        add("barred")
    if "settled" in fields.facts:
        add("settled_on" if "settlement_date" in fields.dates else "settled")
    if "forgiven" in fields.facts:
        add("forgiven")
    if "removal" in fields.facts:
        add("removal_limit" if "limit" in fields.dates else "removal")
    return tuple(out)


def dispute(facts: Facts, template: Template) -> Fields:
    fields = _Builder(template)
    _deficiency(fields, facts)
    law, report, scenario = facts.analysis.state, facts.analysis.credit, facts.scenario
    fields.params["state_citation"] = law.citation
    fields.params["days"] = str(credit.load_tables().periods["dispute_reinvestigation"].days)
    fields.fact("barred", law.barred)
    if settled(facts):
        fields.money["settlement"] = facts.analysis.result.borrower_owes
        if scenario.settlement_date is not None:
            fields.dates["settlement_date"] = scenario.settlement_date
        fields.fact("settled")
    fields.fact("forgiven", forgiven(facts))
    if report.removal_date is not None:
        fields.dates["removal"] = report.removal_date
        fields.fact("removal_ahead", report.removal_date > facts.today)
    if past_removal(facts):
        fields.fact("removal")
        fields.dates["dofd"] = scenario.dofd  # type: ignore[assignment] - checked above
        # The legal limit only when it surely applies: the credit rules may hold it for a
        # charge-off or a collection that has not happened (``removal_outer_limit_conditional``).
        limit = report.removal_outer_limit
        conditional = getattr(report, "removal_outer_limit_conditional", False)
        if limit is not None and not conditional and limit <= facts.today:
            fields.dates["limit"] = limit
    answer = _countdown(facts, delay.LABEL_DISPUTE_ANSWER)
    if answer is not None and scenario.dispute_date is not None:
        fields.dates |= {"dispute_date": scenario.dispute_date, "dispute_due": answer.date}
        fields.params["dispute_citation"] = str(answer.label.params.get("citation", ""))
        fields.fact("dispute_due")
    fields.lists["problems"] = problems(facts, fields)
    return fields.done()


#: Each letter's fields, by kind.
BUILDERS: dict[str, Callable[[Facts, Template], Fields]] = {
    "explanation": explanation,
    "validation": validation,
    "settlement": settlement,
    "defense": defense,
    "dispute_bureau": dispute,
    "dispute_furnisher": dispute,
}


def fields_for(kind: str, facts: Facts) -> Fields:
    """The fields of the letter ``kind`` for these facts."""
    return BUILDERS[kind](facts, load_templates()[kind])


__all__ = [
    "BUILDERS",
    "FACTS",
    "LISTS",
    "NOT_QUESTIONS",
    "Fields",
    "fields_for",
    "forgiven",
    "limited",
    "past_removal",
    "questions",
    "settled",
]
