"""What the credit section returns: the reporting sequence, removal, eligibility, score."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from deficiency.rules.credit.messages import (
    LABEL_BK_DISCHARGED,
    LABEL_BK_FILED,
    LABEL_BK_LIMIT,
    LABEL_BK_REMOVAL,
    LABEL_CHARGE_OFF,
    LABEL_DOFD,
    LABEL_ELIGIBLE,
    LABEL_OUTER_BOUND,
    LABEL_OUTER_LIMIT,
    LABEL_OUTER_LIMIT_IF,
    LABEL_REMOVAL,
    LABEL_SETTLEMENT,
    LABEL_TODAY,
    LIMIT_BOUND,
    LIMIT_IF,
    MSG_PROGRAM_LIST,
    MSG_RECOVERY_MONTHS,
    MSG_RECOVERY_RANGE,
    MSG_RECOVERY_YEARS,
    MSG_SCORE_RANGE,
    MSG_STEP,
    SALE_LABELS,
)
from deficiency.rules.credit.tables import PROGRAM_NAMES
from deficiency.rules.tables import Source
from deficiency.text.markers import Message


@dataclass(frozen=True)
class ReportingStep:
    """One stage of how the account is reported: one that happened, the status now, or a
    possible later one with the condition that would lead to it (e.g. 96 now; later, if
    charged off, 97; after 97, if settled, 64 + AU)."""

    step: int  # the row's number in the outcome table
    after: int | None  # the step it follows (``None``: the sale or transfer itself)
    condition: str  # completed | charged_off | collection | paid | settled
    status_code: str
    status_text: Message
    special_comment: str | None
    special_comment_text: Message | None
    balance_cents: int  # the balance reported at this stage
    date: dt.date | None  # when known (the sale date, or the dates passed to assess)
    varies_by_lender: bool
    confidence: str
    sources: tuple[Source, ...]
    #: ``earlier`` (happened, and the account has moved on), ``now`` (the status the account
    #: most likely carries today) or ``later`` (only if ``condition`` happens).
    when: str
    #: "Now (most likely)", "Later, if you pay the remaining balance in full"...
    when_text: Message

    @property
    def code(self) -> str:
        """The status code with its special comment, as reports show them ("64 + AU")."""
        return self.status_code + (f" + {self.special_comment}" if self.special_comment else "")

    @property
    def line(self) -> Message:
        """The step as one sentence: when (and if), what it means, the code."""
        params = {"when": self.when_text, "text": self.status_text, "code": self.code}
        return Message(MSG_STEP, params)


@dataclass(frozen=True)
class Eligibility:
    """When one program's waiting period for a new mortgage is over (``None``: unknown/none)."""

    program: str
    date: dt.date | None
    months: int | None  # the waiting period that set the date
    event: str | None  # the waiting-period event that set the date
    start: dt.date | None  # the date that period is counted from
    extenuating: bool  # the shorter extenuating-circumstances period was used
    confidence: str
    notes: tuple[Message, ...]
    sources: tuple[Source, ...]
    #: Whether any waiting period of this program concerns the scenario at all. A car's
    #: repossession sets none (a bankruptcy does): its rows are left out, not "Not known".
    applies: bool = True


@dataclass(frozen=True)
class ScoreRange:
    """FICO's published score after an event, for one starting band, with recovery time."""

    band: str
    event: str
    low: int
    high: int
    recovery_low_months: int
    recovery_high_months: int
    confidence: str
    sources: tuple[Source, ...]

    @property
    def recovery(self) -> Message:
        """The recovery time as words ("about 7 to 10 years"), for any language."""
        low, high = self.recovery_low_months, self.recovery_high_months
        whole_years = low % 12 == 0 and high % 12 == 0
        if low == high and whole_years:
            return Message(MSG_RECOVERY_YEARS, {"years": str(low // 12)})
        if whole_years:
            return Message(MSG_RECOVERY_RANGE, {"low": str(low // 12), "high": str(high // 12)})
        # FICO's "~9 months" and "~2.5 years": whole months need no decimal separator.
        return Message(MSG_RECOVERY_MONTHS, {"months": str(low)})

    @property
    def label(self) -> Message:
        """The range as a sentence; :attr:`recovery` is shown beside it (its own Message)."""
        return Message(
            MSG_SCORE_RANGE, {"band": self.band, "low": str(self.low), "high": str(self.high)}
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "band": self.band,
            "low": self.low,
            "high": self.high,
            "recovery": self.recovery.text(),
        }


class TimelineEvent(NamedTuple):
    """One point on the credit timeline chart."""

    date: dt.date
    label: Message
    kind: str


@dataclass(frozen=True)
class CreditResult:
    """The credit-report side of a scenario. Dates are plain dates; prose is Messages."""

    # How the account is reported.
    status_code: str
    status_text: Message
    special_comment: str | None
    special_comment_text: Message | None
    sequence: tuple[ReportingStep, ...]
    varies_by_lender: bool
    varies_text: Message | None
    reporting_notes: tuple[Message, ...]
    # When it falls off.
    dofd: dt.date | None
    removal_date: dt.date | None
    #: § 1681c(c)(1)'s limit, DOFD + 180 days + 7 years; set when the account was, or may
    #: later be, charged off or sent to collection (see ``removal_outer_limit_conditional``).
    removal_outer_limit: dt.date | None
    removal_notes: tuple[Message, ...]
    bankruptcy_date: dt.date | None
    bankruptcy_discharge: dt.date | None
    bankruptcy_removal: dt.date | None
    bankruptcy_removal_limit: dt.date | None
    # State law meets the report.
    barred: bool
    barred_notes: tuple[Message, ...]
    dispute_notes: tuple[Message, ...]
    # A new mortgage.
    path: str
    sale_date: dt.date | None
    charged_off_on: dt.date | None
    settled_on: dt.date | None
    eligibility: tuple[Eligibility, ...]
    mortgage_notes: tuple[Message, ...]
    # Score.
    score_band: str | None
    score_ranges: tuple[ScoreRange, ...]
    late_ranges: tuple[ScoreRange, ...]  # the 30/90-day lates that usually came first
    score_notes: tuple[Message, ...]
    # Everything cited, and the reference day.
    sources: tuple[Source, ...]
    today: dt.date
    #: When the rules behind this result were last checked: the newest ``checked`` date of
    #: the sources it cites (never ``today``, which says nothing about the rules).
    rules_checked: dt.date | None = None
    #: The outer limit applies only if a later step (a charge-off or a collection) happens.
    removal_outer_limit_conditional: bool = False
    #: No DOFD entered: the latest the outer limit can be, counted from the completion of the
    #: sale or transfer (an estimate: the delinquency began on or before it).
    removal_outer_limit_bound: dt.date | None = None

    @property
    def now(self) -> ReportingStep:
        """The step the account most likely carries today (the headline status)."""
        return next(step for step in self.sequence if step.when == "now")

    @property
    def earlier_steps(self) -> tuple[ReportingStep, ...]:
        """Steps that happened before the status now (e.g. 94 before a charge-off's 97)."""
        return tuple(step for step in self.sequence if step.when == "earlier")

    @property
    def later_steps(self) -> tuple[ReportingStep, ...]:
        """Possible later steps, each with the condition that would lead to it, in order."""
        return tuple(step for step in self.sequence if step.when == "later")

    @property
    def outer_limit_text(self) -> Message | None:
        """The outer limit for a summary table's date cell when it is not a plain date: "…, if
        charged off or sent to collection", or "No later than … (estimate)"; ``None`` when
        the plain date (or its absence) says it all."""
        if self.removal_outer_limit is not None and self.removal_outer_limit_conditional:
            return Message(LIMIT_IF, dates={"date": self.removal_outer_limit})
        if self.removal_outer_limit is None and self.removal_outer_limit_bound is not None:
            return Message(LIMIT_BOUND, dates={"date": self.removal_outer_limit_bound})
        return None

    @property
    def mortgage_eligible(self) -> dict[str, dt.date | None]:
        """Program → first date a new mortgage is possible (``None``: unknown or not set)."""
        return {item.program: item.date for item in self.eligibility}

    @property
    def eligibility_notes(self) -> tuple[Message, ...]:
        """Every program's notes, a sentence several programs share said once for all.

        Why: FHA, VA and USDA often have the same rule (no wait if you were current before a
        short sale, the same 36 months...). Three copies of one paragraph that differ only
        in the name read like three rules; one "FHA, VA and USDA: ..." says it is one.
        """
        groups: dict[tuple[Any, ...], tuple[Message, list[str]]] = {}
        for item in self.eligibility:
            for note in item.notes:
                others = sorted((k, str(v)) for k, v in note.params.items() if k != "program")
                key = (note.msgid, *others, *sorted(note.money.items()), *note.dates.items())
                names = groups.setdefault(key, (note, []))[1]
                name = note.params.get("program")
                if name is not None and name not in names:
                    names.append(str(name))
        out: list[Message] = []
        for note, names in groups.values():
            if len(names) < 2:
                out.append(note)
                continue
            joined = {"programs": ", ".join(names[:-1]), "last": names[-1]}
            params = {**note.params, "program": Message(MSG_PROGRAM_LIST, joined)}
            out.append(Message(note.msgid, params, note.money, note.dates))
        return tuple(out)

    @property
    def waiting_periods(self) -> tuple[Eligibility, ...]:
        """The programs whose waiting periods concern this scenario, for display.

        Why: the mortgage waiting periods follow a foreclosure, short sale, deed in lieu or a
        bankruptcy, never a car's repossession; listing them for a car loan as "Not known"
        suggests a date is missing when none applies (``mortgage_notes`` says so instead).
        """
        return tuple(item for item in self.eligibility if item.applies)

    @property
    def score_after(self) -> ScoreRange | None:
        """The range for the chosen starting band (``None`` without a band or a figure)."""
        if self.score_band is None:
            return None
        return next((r for r in self.score_ranges if r.band == self.score_band), None)

    def messages(self) -> list[Message]:
        """Every Message in the result (for rendering checks and translation audits)."""
        found: list[Message] = [self.status_text, *self.reporting_notes, *self.removal_notes]
        found += [*self.barred_notes, *self.dispute_notes, *self.mortgage_notes, *self.score_notes]
        for value in (self.special_comment_text, self.varies_text):
            if value is not None:
                found.append(value)
        for step in self.sequence:
            found += [step.status_text, step.when_text, step.line]
            found += [v for v in step.when_text.params.values() if isinstance(v, Message)]
            if step.special_comment_text is not None:
                found.append(step.special_comment_text)
        if self.outer_limit_text is not None:
            found.append(self.outer_limit_text)
        for item in self.eligibility:
            found += item.notes
        for score in (*self.score_ranges, *self.late_ranges):
            found += [score.label, score.recovery]
        found += [event.label for event in timeline(self)]
        return found

    def timeline(self) -> list[TimelineEvent]:
        """The events for the timeline chart (see :func:`timeline`)."""
        return timeline(self)

    def as_json(self) -> dict[str, Any]:
        """The ``credit`` section of the CLI report (English texts, ISO dates)."""
        score = self.score_after
        codes = {step.step: step.status_code for step in self.sequence}
        return {
            "status_code": self.status_code,
            "status_text": self.status_text.text(),
            "special_comment": self.special_comment,
            "removal_date": _iso(self.removal_date),
            "removal_outer_limit": _iso(self.removal_outer_limit),
            "removal_outer_limit_conditional": self.removal_outer_limit_conditional,
            "removal_outer_limit_no_later_than": _iso(self.removal_outer_limit_bound),
            "later_steps": [
                {
                    "code": step.status_code,
                    "special_comment": step.special_comment,
                    "after": codes.get(step.after),
                    "condition": step.condition,
                }
                for step in self.later_steps
            ],
            "mortgage_eligible": {p: _iso(d) for p, d in self.mortgage_eligible.items()},
            "score_after": score.as_json() if score is not None else None,
            "sources": [source.as_json() for source in self.sources],
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def timeline(credit: CreditResult) -> list[TimelineEvent]:
    """Dated events for a timeline chart, in date order; the dates are the result's own fields.

    Default (DOFD), bankruptcy filing and discharge, the sale, charge-off and settlement when
    known, removal and its outer limit, the bankruptcy's removal, each program's eligibility
    date, and today.
    """
    events: list[TimelineEvent] = []

    def add(day: dt.date | None, label: Message, kind: str) -> None:
        if day is not None:
            events.append(TimelineEvent(day, label, kind))

    add(credit.dofd, Message(LABEL_DOFD), "dofd")
    add(credit.bankruptcy_date, Message(LABEL_BK_FILED), "bankruptcy")
    add(credit.bankruptcy_discharge, Message(LABEL_BK_DISCHARGED), "discharge")
    add(credit.sale_date, Message(SALE_LABELS[credit.path]), "sale")
    add(credit.charged_off_on, Message(LABEL_CHARGE_OFF), "charge_off")
    add(credit.settled_on, Message(LABEL_SETTLEMENT), "settlement")
    add(credit.removal_date, Message(LABEL_REMOVAL), "removal")
    outer = LABEL_OUTER_LIMIT_IF if credit.removal_outer_limit_conditional else LABEL_OUTER_LIMIT
    add(credit.removal_outer_limit, Message(outer), "removal_limit")
    add(credit.removal_outer_limit_bound, Message(LABEL_OUTER_BOUND), "removal_limit_bound")
    add(credit.bankruptcy_removal, Message(LABEL_BK_REMOVAL), "bankruptcy_removal")
    if credit.bankruptcy_removal_limit != credit.bankruptcy_removal:
        add(credit.bankruptcy_removal_limit, Message(LABEL_BK_LIMIT), "bankruptcy_limit")
    for item in credit.eligibility:
        label = Message(LABEL_ELIGIBLE, {"program": PROGRAM_NAMES[item.program]})
        add(item.date, label, f"eligible_{item.program}")
    add(credit.today, Message(LABEL_TODAY), "today")
    return sorted(events, key=lambda event: event.date)
