"""One state's row applied to one scenario: the facts each step of the decision reads.

:class:`Case` carries the row, the scenario, the foreclosure process that applies and the
notes gathered so far; it builds the "no deficiency" decision and the caveats of the row
that fit the facts (prerequisites, notes, the parts that could not be confirmed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from deficiency.core.scenario import Scenario
from deficiency.rules.state_law.decision import Decision
from deficiency.rules.state_law.facts import condition_holds, fair_value_paths, scope_message
from deficiency.rules.state_law.messages import (
    MSG_BAR_SHORT_SALE,
    MSG_NOTE,
    MSG_PREREQUISITE,
    MSG_UNCONFIRMED_PART,
    NOTE_FIGURES,
)
from deficiency.rules.state_law.questions import questions_for
from deficiency.rules.state_law.rows import StateRule
from deficiency.text.markers import Message

#: Notes that matter whatever the path; every other note is about foreclosure.
NOTES_ANY_PATH: frozenset[str] = frozenset(
    {"refinance_unclear", "refinance_2013", "sold_out_junior"}
)
NOTES_DEED_IN_LIEU: frozenset[str] = frozenset({"dil_deadline"})
NOTES_SHORT_SALE: frozenset[str] = frozenset({"short_sale_unread"})
#: Notes that qualify a bar, so they are shown with it (Washington's exceptions for
#: commercial loans, Arizona's homes that were never finished or lived in).
NOTES_WITH_BAR: frozenset[str] = frozenset({"commercial_exceptions", "dwelling_in_use"})
#: Prerequisites that are the reader's own step to a credit (shown only with the credit).
REQUEST_PREREQUISITES: frozenset[str] = frozenset({"fmv_hearing", "fmv_request"})


def cite(rule: StateRule, code: str) -> str:
    """The citation the row gives for one prerequisite or note code."""
    if code in rule.prerequisites:
        return rule.prerequisite_citations[rule.prerequisites.index(code)]
    return rule.note_citations[rule.notes.index(code)]


@dataclass
class Case:
    """One row applied to one scenario: the facts every step reads, and the notes so far."""

    rule: StateRule
    scenario: Scenario
    loan_date: dt.date | None
    process: str
    warnings: list[Message] = field(default_factory=list)

    @property
    def state(self) -> dict[str, str]:
        return {"state": self.rule.name}

    @property
    def questions(self) -> tuple[str, ...]:
        return questions_for(self.rule, self.scenario.loan, self.scenario.path)

    def common(self) -> dict[str, str]:
        return {"source_url": self.rule.source_url, "confidence": self.rule.confidence}

    def holds(self, condition: str) -> bool:
        return condition_holds(condition, self.rule, self.scenario, self.process)

    def requires(self, code: str) -> bool:
        """Whether the row lists prerequisite ``code`` and its condition holds here."""
        rule = self.rule
        if code not in rule.prerequisites:
            return False
        return self.holds(rule.prerequisite_when[rule.prerequisites.index(code)])

    def fair_value_when_holds(self) -> bool:
        """Whether the fair-value rule's condition (``fair_value_when``) covers the facts."""
        scenario, process = self.scenario, self.process
        if self.rule.fair_value == "none" or scenario.path not in fair_value_paths(self.rule):
            return False
        when = self.rule.fair_value_when
        if when == "always":
            return True
        if when == "owner_occupied":
            return scenario.owner_occupied
        if when == "lender_bought_nonjudicial":
            return scenario.lender_bought and process == "nonjudicial"
        return self.holds(when)

    # -- the caveats of the row -------------------------------------------------------------
    def prerequisite_warnings(self, credit: bool) -> list[Message]:
        """The row's prerequisites that fit the facts (the reader's requests only with a credit)."""
        rule = self.rule
        if self.scenario.path != "foreclosure":
            return []
        out: list[Message] = []
        for code in rule.prerequisites:
            if code in REQUEST_PREREQUISITES and not credit:
                continue
            if code == "court_confirmation" and self.scenario.sale_confirmed is True:
                continue
            if self.requires(code):
                out.append(Message(MSG_PREREQUISITE[code], {"citation": cite(rule, code)}))
        return out

    def note_fits(self, code: str) -> bool:
        path = self.scenario.path
        fits = (
            (path == "foreclosure" and code not in NOTES_SHORT_SALE)
            or code in NOTES_ANY_PATH
            or (path == "deed_in_lieu" and code in NOTES_DEED_IN_LIEU)
            or (path == "short_sale" and code in NOTES_SHORT_SALE)
        )
        return fits and self.holds(self.rule.note_when[self.rule.notes.index(code)])

    def note_warnings(self, only: frozenset[str] | None = None) -> list[Message]:
        """The row's notes that fit the path and facts (``only``: just these codes)."""
        out: list[Message] = []
        for code in self.rule.notes:
            if (only is None or code in only) and self.note_fits(code):
                params = {**self.state, "citation": cite(self.rule, code)}
                money, dates = NOTE_FIGURES.get(code, ({}, {}))
                out.append(Message(MSG_NOTE[code], params, money, dates))
        return out

    def unconfirmed_warnings(
        self, barred: bool, shown: list[Message], deadline: bool = False
    ) -> list[Message]:
        """What could not be confirmed in the parts of the row these facts reach.

        A part is a kind of rule ("deadline", "short_sale"...) or a note code, reached when
        that note is among the messages ``shown``; each is said once. ``deadline``: a time
        limit of the row applies to these facts.
        """
        scenario, rule = self.scenario, self.rule
        foreclosure = scenario.path == "foreclosure"
        shown_ids = {message.msgid for message in shown}
        reached = {
            "absence": not barred,
            "nonjudicial": foreclosure and self.process == "nonjudicial",
            "fair_value": not barred and scenario.path in fair_value_paths(rule),
            "deadline": deadline,
            "short_sale": scenario.path == "short_sale",
        }
        parts = []
        for part in rule.unconfirmed:
            key = part if part in reached else "note"
            hit = reached[part] if part in reached else MSG_NOTE[part] in shown_ids
            if hit and key not in parts:
                parts.append(key)
        return [Message(MSG_UNCONFIRMED_PART[part], self.state) for part in parts]

    # -- the decision "no deficiency" --------------------------------------------------------
    def barred(
        self, message: str, citation: str, scope: str = "", by_process: bool = False
    ) -> Decision:
        """The decision "no deficiency", with the notes that explain which facts led there.

        The process note only matters when the bar depends on the process; the scope note
        says which property the bar covers; the row's notes that qualify a bar follow.
        """
        notes = list(self.warnings) if by_process else []
        scope_note = scope_message(scope, self.rule) if scope else None
        if scope_note is not None:
            notes.append(scope_note)
        notes += self.note_warnings(NOTES_WITH_BAR)
        notes += self.unconfirmed_warnings(True, notes)
        params = dict(self.state)
        if message == MSG_BAR_SHORT_SALE:
            params["units"] = str(self.rule.max_units)
        return Decision(
            barred=True,
            fair_value=False,
            rule=Message(message, params),
            citation=citation,
            warnings=tuple(notes),
            questions=self.questions,
            **self.common(),  # type: ignore[arg-type]
        )
