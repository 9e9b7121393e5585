"""The credit-report outcome of one scenario, step by step: reporting, removal, the state-law
bar, eligibility for a new mortgage, the score. Each step collects the sources it cites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from deficiency.core.dates import add_months, shift
from deficiency.core.engine import Result
from deficiency.core.scenario import PATHS_BY_LOAN, SCORE_BANDS, Scenario
from deficiency.rules.credit.messages import (
    BOUND_EVENTS,
    CITE_150K,
    COMMENT_TEXT,
    CONDITION_TEXT,
    MSG_150K,
    MSG_ALREADY_REMOVED,
    MSG_BARRED_DE,
    MSG_BARRED_INACCURATE,
    MSG_BARRED_ZERO,
    MSG_BK7_REMOVAL,
    MSG_BK13_REMOVAL,
    MSG_BK_ACCOUNTS,
    MSG_CHARGE_OFF_TIMING,
    MSG_CHARGE_OFF_VARIES,
    MSG_CODE_65,
    MSG_CURRENT_EXCEPTION,
    MSG_CURRENT_NO,
    MSG_CURRENT_YES,
    MSG_DISPUTE_30,
    MSG_DISPUTE_45,
    MSG_DISPUTE_DOCS,
    MSG_DISPUTE_NOTICE,
    MSG_FANNIE_CHARGE_OFF,
    MSG_FANNIE_EC,
    MSG_FANNIE_EC_FORECLOSURE,
    MSG_FANNIE_SAME_MORTGAGE,
    MSG_FHA_EC,
    MSG_FORGIVEN,
    MSG_JUDGMENT,
    MSG_MONTH_END,
    MSG_NEED_BK_DATE,
    MSG_NEED_DISCHARGE,
    MSG_NEED_DOFD,
    MSG_NEED_FILING,
    MSG_NEED_SALE_DATE,
    MSG_NO_FIXED_PERIOD,
    MSG_NO_OUTER_LIMIT,
    MSG_NO_RESTART,
    MSG_NO_RESTART_NODATE,
    MSG_NO_SHORT_SALE_CODE,
    MSG_OUTER_BOUND,
    MSG_OUTER_BOUND_NOW,
    MSG_OUTER_LIMIT,
    MSG_OUTER_LIMIT_IF,
    MSG_PAID_FULL,
    MSG_REMOVAL,
    MSG_SCORE_ABOUT,
    MSG_SCORE_BK,
    MSG_SCORE_DIL,
    MSG_SCORE_NO_FIGURE,
    MSG_SETTLED,
    MSG_USDA_EC,
    MSG_VA_EC,
    MSG_VA_SHORT_SALE,
    MSG_VARIES,
    MSG_WAIT_CH13_PLAN,
    MSG_WAIT_MEANING,
    MSG_WAIT_NONE,
    MSG_WAIT_NOT_MORTGAGE,
    MSG_WAIT_NOT_MORTGAGE_BK,
    STATUS_TEXT,
    WAIT_TEXT,
    WHEN_EARLIER,
    WHEN_LATER,
    WHEN_LATER_AFTER,
    WHEN_NOW,
)
from deficiency.rules.credit.result import (
    CreditResult,
    Eligibility,
    ReportingStep,
    ScoreRange,
)
from deficiency.rules.credit.tables import (
    PROGRAM_NAMES,
    PROGRAMS,
    CreditTables,
    OutcomeRow,
    load_tables,
)
from deficiency.rules.tables import Source
from deficiency.text.markers import Message


class _Cites:
    """Collects sources in first-use order, without duplicates."""

    def __init__(self, tables: CreditTables):
        self._tables = tables
        self._seen: dict[str, Source] = {}

    def take(self, ids: Iterable[str]) -> tuple[Source, ...]:
        out = []
        for source_id in ids:
            source = self._tables.sources[source_id]
            self._seen.setdefault(source_id, source)
            out.append(source)
        return tuple(out)

    def all(self) -> tuple[Source, ...]:
        return tuple(self._seen.values())

    def checked(self) -> dt.date | None:
        """The newest check date among the sources cited so far (``None``: none cited)."""
        return max((self._tables.checked[i] for i in self._seen), default=None)


def _outcome_key(scenario: Scenario, result: Result, barred: bool) -> tuple[str, str, str, bool]:
    """Which outcome row applies: barred by law, nothing owed, or the lender's action."""
    path = scenario.path or PATHS_BY_LOAN[scenario.loan][0]
    if barred:
        return scenario.loan, path, "*", True
    if result.deficiency == 0:
        return scenario.loan, path, "none", False
    return scenario.loan, path, scenario.action, False


def _event_dates(
    key: tuple[str, str, str, bool],
    scenario: Scenario,
    result: Result,
    charged_off_on: dt.date | None,
    settled_on: dt.date | None,
) -> dict[str, dt.date | None]:
    """When each condition of the outcome table happened, as far as the scenario says.

    A settlement counts only when the action is to settle (as it always did): paying the
    agreed amount is ``paid`` when it covers the whole deficiency, ``settled`` when part is
    forgiven (CRRG FAQ 34: AU only for less than the full balance). No input says whether the
    balance went to collection: that stays a possible later step.
    """
    dates: dict[str, dt.date | None] = {
        "completed": scenario.sale_date,
        "charged_off": charged_off_on,
        "collection": None,
        "paid": None,
        "settled": None,
    }
    if key[2] == "settle":
        dates["settled" if result.cancelled_debt > 0 else "paid"] = settled_on
    return dates


def _walk(
    rows: tuple[OutcomeRow, ...], dates: dict[str, dt.date | None], today: dt.date
) -> tuple[list[OutcomeRow], list[OutcomeRow]]:
    """The steps reached by ``today`` (the last is the status now), and the possible later ones.

    Step 1, the sale or transfer, is always reached: the app is about what follows it. From
    each reached step the account moves on by the earliest of its next steps whose event has
    happened (a dated event on or before ``today``). The later steps are everything that can
    still follow the status now, in the table's order, each after the step it follows.
    """
    children: dict[int, list[OutcomeRow]] = {row.step: [] for row in rows}
    for row in rows:
        if row.after is not None:
            children[row.after].append(row)

    def day(row: OutcomeRow) -> dt.date | None:
        return dates[row.condition]

    reached = [rows[0]]
    while True:
        ready = [
            (when, row.step, row)
            for row in children[reached[-1].step]
            if (when := day(row)) is not None and when <= today
        ]
        if not ready:
            break
        reached.append(min(ready)[2])
    later: list[OutcomeRow] = []

    def follow(step: int) -> None:
        for row in children[step]:
            later.append(row)
            follow(row.step)

    follow(reached[-1].step)
    return reached, later


def _reporting(
    scenario: Scenario,
    result: Result,
    barred: bool,
    today: dt.date,
    tables: CreditTables,
    cites: _Cites,
    charged_off_on: dt.date | None,
    settled_on: dt.date | None,
) -> tuple[tuple[ReportingStep, ...], list[Message]]:
    key = _outcome_key(scenario, result, barred)
    cites.take(("cfpb_metro2",))  # the meaning of every code shown
    dates = _event_dates(key, scenario, result, charged_off_on, settled_on)
    rows = tables.outcomes[key]
    # Settling for the whole balance is a payment in full, for less a settlement: only the
    # one that matches the agreed amount is a possible later step.
    skip = {"paid" if result.cancelled_debt > 0 else "settled"} if key[2] == "settle" else set()
    reached, later = _walk(tuple(r for r in rows if r.condition not in skip), dates, today)
    by_step = {row.step: row for row in rows}

    def code(row: OutcomeRow) -> str:
        return row.status_code + (f" + {row.special_comment}" if row.special_comment else "")

    def when(row: OutcomeRow, place: str) -> Message:
        if place != "later":
            return Message(WHEN_NOW if place == "now" else WHEN_EARLIER)
        condition = Message(CONDITION_TEXT[row.condition])
        if row.after == reached[-1].step:
            return Message(WHEN_LATER, {"condition": condition})
        parent = by_step[row.after or 1]
        return Message(WHEN_LATER_AFTER, {"code": code(parent), "condition": condition})

    placed = [(row, "earlier") for row in reached[:-1]]
    placed += [(reached[-1], "now"), *((row, "later") for row in later)]
    steps = tuple(
        ReportingStep(
            step=row.step,
            after=row.after,
            condition=row.condition,
            status_code=row.status_code,
            status_text=Message(STATUS_TEXT[row.status_code]),
            special_comment=row.special_comment,
            special_comment_text=(
                Message(COMMENT_TEXT[row.special_comment]) if row.special_comment else None
            ),
            balance_cents=result.deficiency if row.balance == "deficiency" else 0,
            date=dates[row.condition],
            varies_by_lender=row.varies_by_lender,
            confidence=row.confidence,
            sources=cites.take(row.sources),
            when=place,
            when_text=when(row, place),
        )
        for row, place in placed
    )
    _, path, action, _ = key
    paid_in_full = action == "settle" and result.cancelled_debt == 0
    notes: list[Message] = []
    if path == "short_sale":
        notes.append(Message(MSG_NO_SHORT_SALE_CODE))
        cites.take(("fannie_du_2013",))
        if action == "forgive":
            notes.append(Message(MSG_CODE_65))
            cites.take(("hafa_sd_12_02",))
    codes = [step.status_code for step in steps]
    if "97" in codes:
        if path in ("repossession", "voluntary_surrender"):
            notes.append(Message(MSG_CHARGE_OFF_TIMING))
            cites.take(("crrg_faq62",))
        else:
            notes.append(Message(MSG_CHARGE_OFF_VARIES))
    if action == "forgive":
        notes.append(Message(MSG_FORGIVEN))
        cites.take(("crrg_faq34",))
    if action == "settle" and paid_in_full:
        notes.append(Message(MSG_PAID_FULL, money={"paid": result.borrower_owes}))
    elif action == "settle":
        notes.append(
            Message(
                MSG_SETTLED,
                money={"paid": result.borrower_owes, "forgiven": result.cancelled_debt},
            )
        )
        cites.take(("crrg_faq34",))
    if action in ("collect", "settle"):
        notes.append(Message(MSG_JUDGMENT))
        cites.take(("cfpb_ncap",))
    return steps, notes


#: Paths that happen only after a default, so the delinquency behind any later charge-off or
#: collection began on or before their completion (89 is "on a defaulted mortgage"; a
#: repossession or surrender follows one). A short sale counts only when the loan was behind.
AFTER_DEFAULT = frozenset({"foreclosure", "deed_in_lieu", "repossession", "voluntary_surrender"})


class _Removal(NamedTuple):
    removal: dt.date | None
    outer: dt.date | None
    conditional: bool
    bound: dt.date | None
    notes: list[Message]


def _outer_bound(
    scenario: Scenario,
    path: str,
    current: bool | None,
    happened: bool,
    tables: CreditTables,
    cites: _Cites,
) -> tuple[dt.date | None, list[Message]]:
    """No DOFD: the latest the § 1681c(c)(1) limit can be, counted from the completion.

    Why it is a bound: the delinquency that precedes a charge-off or collection of what is
    left after a foreclosure, deed in lieu, repossession or surrender began on or before the
    completion, so DOFD + 180 days + 7 years is at most completion + 180 days + 7 years. It
    fails only if the borrower caught up after the sale and then defaulted again (the note
    says so and asks for the DOFD). Never counted from the charge-off date (FTC, Amason).
    """
    sale = scenario.sale_date
    behind = path in AFTER_DEFAULT or (path == "short_sale" and current is False)
    if sale is None or not behind:
        return None, []
    rule = tables.periods["charge_off_limit_bound"]
    bound = shift(sale, rule.years, rule.days)
    cites.take(rule.sources)
    text = MSG_OUTER_BOUND_NOW if happened else MSG_OUTER_BOUND
    params = {"event": Message(BOUND_EVENTS[path]), "cite": rule.citation}
    notes = [Message(text, params, dates={"date": bound, "completed": sale})]
    if bound.day != (sale + dt.timedelta(rule.days)).day:
        notes.append(Message(MSG_MONTH_END))
    return bound, notes


def _removal(
    scenario: Scenario,
    steps: tuple[ReportingStep, ...],
    owed_later: bool,
    current: bool | None,
    today: dt.date,
    tables: CreditTables,
    cites: _Cites,
) -> _Removal:
    """The usual removal (DOFD + 7 years) and § 1681c(c)(1)'s outer limit.

    The outer limit concerns charge-offs and collections (their codes are marked in
    ``credit_status_codes.csv``): exact when the account reached one, conditional ("if
    charged off or sent to collection") when one is only a possible later step, and none
    otherwise. Without a DOFD it can only be bounded from the completion (:func:`_outer_bound`).
    """
    usual, limit_rule = tables.periods["adverse_item"], tables.periods["charge_off_limit"]
    triggers = tables.outer_limit_codes
    happened = any(s.status_code in triggers for s in steps if s.when != "later")
    possible = any(s.status_code in triggers for s in steps if s.when == "later")
    notes: list[Message] = []
    dofd = scenario.dofd
    if dofd is None:
        notes.append(Message(MSG_NEED_DOFD))
        bound = None
        if happened or possible:
            path = scenario.path or PATHS_BY_LOAN[scenario.loan][0]
            bound, bound_notes = _outer_bound(scenario, path, current, happened, tables, cites)
            notes += bound_notes
        if owed_later:
            notes.append(Message(MSG_NO_RESTART_NODATE))
        return _Removal(None, None, False, bound, notes)
    removal = shift(dofd, usual.years, usual.days)
    cites.take(usual.sources)
    notes.append(
        Message(MSG_REMOVAL, {"cite": usual.citation}, dates={"date": removal, "dofd": dofd})
    )
    outer: dt.date | None = None
    if happened or possible:
        outer = shift(dofd, limit_rule.years, limit_rule.days)
        cites.take(limit_rule.sources)
        text = MSG_OUTER_LIMIT if happened else MSG_OUTER_LIMIT_IF
        notes.append(Message(text, {"cite": limit_rule.citation}, dates={"date": outer}))
    else:
        notes.append(Message(MSG_NO_OUTER_LIMIT))
    if removal.day != dofd.day or (
        outer is not None and outer.day != (dofd + dt.timedelta(limit_rule.days)).day
    ):
        notes.append(Message(MSG_MONTH_END))
    if owed_later:
        notes.append(Message(MSG_NO_RESTART, dates={"dofd": dofd}))
        cites.take(("experian_dofd_collection",))
    if today >= removal:
        notes.append(Message(MSG_ALREADY_REMOVED))
    notes.append(Message(MSG_150K, {"cite": CITE_150K}))
    return _Removal(removal, outer, outer is not None and not happened, None, notes)


def _bankruptcy_removal(
    scenario: Scenario, tables: CreditTables, cites: _Cites
) -> tuple[dt.date | None, dt.date | None, list[Message]]:
    if scenario.bankruptcy == "none":
        return None, None, []
    filed = scenario.bankruptcy_date
    if filed is None:
        return None, None, [Message(MSG_NEED_BK_DATE)]
    notes: list[Message] = []
    if scenario.bankruptcy == "chapter7":
        rule = tables.periods["bankruptcy_ch7"]
        removal = limit = shift(filed, rule.years, rule.days)
        cites.take(rule.sources)
        notes.append(
            Message(
                MSG_BK7_REMOVAL, {"cite": rule.citation}, dates={"date": removal, "filed": filed}
            )
        )
    else:
        practice, statute = (
            tables.periods["bankruptcy_ch13_practice"],
            tables.periods["bankruptcy_ch13_limit"],
        )
        removal = shift(filed, practice.years, practice.days)
        limit = shift(filed, statute.years, statute.days)
        cites.take(practice.sources + statute.sources)
        notes.append(
            Message(
                MSG_BK13_REMOVAL,
                {"cite": statute.citation},
                dates={"date": removal, "limit": limit},
            )
        )
    notes.append(Message(MSG_BK_ACCOUNTS))
    if removal.day != filed.day:
        notes.append(Message(MSG_MONTH_END))
    return removal, limit, notes


def _barred_notes(
    barred: bool, tables: CreditTables, cites: _Cites
) -> tuple[list[Message], list[Message]]:
    """State law bars the deficiency: what the report should show, and how to dispute it."""
    if not barred:
        return [], []
    cites.take(("gross_v_citimortgage", "cfpb_metro2"))
    notes = [Message(MSG_BARRED_ZERO), Message(MSG_BARRED_DE), Message(MSG_BARRED_INACCURATE)]
    base, extra = tables.periods["dispute_reinvestigation"], tables.periods["dispute_extension"]
    notice = tables.periods["dispute_notice_business_days"]
    cites.take(base.sources + extra.sources + notice.sources)
    dispute = [
        Message(MSG_DISPUTE_30, {"days": str(base.days), "cite": base.citation}),
        Message(
            MSG_DISPUTE_45,
            {
                "days": str(base.days),
                "extra": str(extra.days),
                "total": str(base.days + extra.days),
                "cite": extra.citation,
            },
        ),
        Message(MSG_DISPUTE_NOTICE, {"days": str(notice.days), "cite": notice.citation}),
        Message(MSG_DISPUTE_DOCS),
    ]
    return notes, dispute


def _current_before_sale(scenario: Scenario, given: bool | None) -> bool | None:
    """Were all payments made on time in the 12 months before a short sale? ``None``: unknown.

    An explicit answer wins. Otherwise a DOFD before the sale date means the delinquency that
    led to the sale was still open at the sale, so at least one payment in the 12 months before
    it was not made within the month due: the exception is not available.
    """
    if given is not None:
        return given
    dofd, sale = scenario.dofd, scenario.sale_date
    if dofd is not None and sale is not None and dofd < sale:
        return False
    return None


def _wait_events(
    scenario: Scenario, steps: tuple[ReportingStep, ...], charged_off_on: dt.date | None
) -> list[tuple[str, dt.date | None]]:
    """The scenario's (waiting-period event, start date) pairs.

    Bankruptcy starts are ``None`` here: each program names its own (discharge, or filing for
    Chapter 13 plan payments), so :func:`_program` looks them up.
    """
    events: list[tuple[str, dt.date | None]] = []
    if scenario.loan == "mortgage":
        events.append((scenario.path or "short_sale", scenario.sale_date))
        if charged_off_on and any(step.condition == "charged_off" for step in steps):
            events.append(("charge_off", charged_off_on))
    if scenario.bankruptcy == "chapter7":
        events.append(("bankruptcy_ch7", None))
    elif scenario.bankruptcy == "chapter13":
        events.append(("bankruptcy_ch13", None))
    return events


def _program_notes(
    program: str,
    events: list[tuple[str, dt.date | None]],
    scenario: Scenario,
    steps: tuple[ReportingStep, ...],
    charged_off_on: dt.date | None,
) -> list[Message]:
    """Program-specific caveats: extenuating circumstances, VA short sales, Fannie Mae rules."""
    names = {event for event, _ in events}
    notes: list[Message] = []
    if scenario.extenuating and events and program == "fannie_mae":
        if "foreclosure" in names:
            notes.append(Message(MSG_FANNIE_EC_FORECLOSURE))
        notes.append(Message(MSG_FANNIE_EC))
    elif scenario.extenuating and names & {"foreclosure", "short_sale", "deed_in_lieu"}:
        ec = {"fha": MSG_FHA_EC, "va": MSG_VA_EC, "usda": MSG_USDA_EC}[program]
        notes.append(Message(ec))
    if program == "va" and "short_sale" in names:
        notes.append(Message(MSG_VA_SHORT_SALE))
    if program == "fannie_mae" and scenario.loan == "mortgage":
        if not charged_off_on and any(step.condition == "charged_off" for step in steps):
            notes.append(Message(MSG_FANNIE_CHARGE_OFF))
        if scenario.bankruptcy != "none" and "foreclosure" in names:
            notes.append(Message(MSG_FANNIE_SAME_MORTGAGE))
    return notes


def _program(
    program: str,
    events: list[tuple[str, dt.date | None]],
    scenario: Scenario,
    current: bool | None,
    tables: CreditTables,
    cites: _Cites,
) -> tuple[Eligibility, list[Message]]:
    """One program's date: the latest of its waiting periods, or ``None`` if a start is unknown.

    Why the latest: a lender must find every applicable waiting period over (e.g. a foreclosure
    and a bankruptcy), so the binding one is the one that ends last.
    """
    name = PROGRAM_NAMES[program]
    notes: list[Message] = []
    candidates: list[tuple[dt.date, int, str, dt.date, bool]] = []
    unknown = False
    used: list[str] = []
    confidence = "confirmed"
    for event, given_start in events:
        row = tables.waiting[(program, event)]
        used += row.sources
        if row.confidence == "unconfirmed":
            confidence = "unconfirmed"
        if row.standard_months is None:
            notes.append(Message(MSG_NO_FIXED_PERIOD, {"program": name}))
            continue
        months, extenuating = row.standard_months, False
        if event == "short_sale" and row.current_exception_months is not None:
            if current is True:
                months = row.current_exception_months
                notes.append(Message(MSG_CURRENT_YES, {"program": name}))
            elif current is False:
                notes.append(Message(MSG_CURRENT_NO, {"program": name}))
            else:
                notes.append(Message(MSG_CURRENT_EXCEPTION, {"program": name}))
        shorter = row.extenuating_months
        if scenario.extenuating and shorter is not None and shorter < months:
            months, extenuating = shorter, True
        start = given_start
        if event.startswith("bankruptcy"):
            plan = row.anchor == "filing"
            start = scenario.bankruptcy_date if plan else scenario.discharge_date
            missing = MSG_NEED_FILING if plan else MSG_NEED_DISCHARGE
        else:
            missing = MSG_NEED_SALE_DATE
        if start is None:
            unknown = True
            notes.append(Message(missing, {"program": name}))
            continue
        day = add_months(start, months)
        candidates.append((day, months, event, start, extenuating))
        dates = {"date": day, "start": start}
        params = {"program": name, "months": str(months)}
        if months == 0:
            notes.append(Message(MSG_WAIT_NONE, {"program": name}, dates={"start": start}))
        elif row.anchor == "filing":
            notes.append(Message(MSG_WAIT_CH13_PLAN, params, dates=dates))
        else:
            notes.append(Message(WAIT_TEXT[event], params, dates=dates))
    best = max(candidates) if candidates and not unknown else None
    item = Eligibility(
        program=program,
        date=best[0] if best else None,
        months=best[1] if best else None,
        event=best[2] if best else None,
        start=best[3] if best else None,
        extenuating=best[4] if best else False,
        confidence=confidence,
        notes=(),
        sources=cites.take(dict.fromkeys(used)),
        applies=bool(events),
    )
    return item, notes


def _eligibility(
    scenario: Scenario,
    steps: tuple[ReportingStep, ...],
    current: bool | None,
    charged_off_on: dt.date | None,
    tables: CreditTables,
    cites: _Cites,
) -> tuple[tuple[Eligibility, ...], list[Message]]:
    """Each program's first date for a new mortgage, with its notes; and general notes."""
    events = _wait_events(scenario, steps, charged_off_on)
    results = []
    for program in PROGRAMS:
        item, notes = _program(program, events, scenario, current, tables, cites)
        notes += _program_notes(program, events, scenario, steps, charged_off_on)
        results.append(replace(item, notes=tuple(notes)))
    general: list[Message] = []
    if scenario.loan != "mortgage":
        general.append(Message(MSG_WAIT_NOT_MORTGAGE))
        if scenario.bankruptcy != "none":
            general.append(Message(MSG_WAIT_NOT_MORTGAGE_BK))
    if any(item.date is not None for item in results):
        general.append(Message(MSG_WAIT_MEANING))
    return tuple(results), general


def _score(
    scenario: Scenario, owed_after: bool, tables: CreditTables, cites: _Cites
) -> tuple[tuple[ScoreRange, ...], list[Message]]:
    path = scenario.path or PATHS_BY_LOAN[scenario.loan][0]
    notes: list[Message] = []
    if scenario.bankruptcy != "none":
        event = "bankruptcy"
        notes.append(Message(MSG_SCORE_BK))
    elif scenario.loan != "mortgage":
        cites.take(("nclc_repossession", "experian_repossession"))
        return (), [Message(MSG_SCORE_NO_FIGURE)]
    elif path == "foreclosure":
        event = "foreclosure"
    else:
        event = "short_sale_deficiency" if owed_after else "short_sale_no_deficiency"
        if path == "deed_in_lieu" and owed_after:
            notes.append(Message(MSG_SCORE_DIL))
    notes.append(Message(MSG_SCORE_ABOUT))
    return _ranges(scenario, (event,), tables, cites), notes


def _ranges(
    scenario: Scenario, events: Iterable[str], tables: CreditTables, cites: _Cites
) -> tuple[ScoreRange, ...]:
    """FICO 2011 rows for the chosen starting band, or for all three when none is chosen."""
    bands = (scenario.score,) if scenario.score else SCORE_BANDS
    out = []
    for event in events:
        for band in bands:
            row = tables.fico[(band, event)]
            out.append(
                ScoreRange(
                    band=band,
                    event=event,
                    low=row.low,
                    high=row.high,
                    recovery_low_months=row.recovery_low_months,
                    recovery_high_months=row.recovery_high_months,
                    confidence=row.confidence,
                    sources=cites.take(row.sources),
                )
            )
    return tuple(out)


def assess(
    scenario: Scenario,
    result: Result,
    barred: bool = False,
    today: dt.date | None = None,
    *,
    current_before_sale: bool | None = None,
    charged_off_on: dt.date | None = None,
    settled_on: dt.date | None = None,
) -> CreditResult:
    """The likely credit-report outcome of ``scenario`` (whose figures are ``result``).

    ``barred``: the state-law module found that state law bars this deficiency.
    ``today``: the reference day for the timeline (defaults to the system date).
    ``current_before_sale``: for FHA/USDA/VA short-sale exceptions, whether every mortgage and
    installment payment in the 12 months before the short sale was made within the month due
    (``None``: unknown; a DOFD before the sale date implies ``False``).
    ``charged_off_on`` / ``settled_on``: when the remaining balance was charged off or settled,
    if known. The headline status is the status *now*: the sale's own code (94, 89, 96...)
    until a dated charge-off or settlement on or before ``today`` moves it on; what may follow
    is in ``sequence`` as later steps with their conditions. These dates never move the
    removal date or the outer limit, which are counted from the DOFD.
    """
    tables = load_tables()
    cites = _Cites(tables)
    today = today or dt.date.today()
    steps, reporting_notes = _reporting(
        scenario, result, barred, today, tables, cites, charged_off_on, settled_on
    )
    now = next(step for step in steps if step.when == "now")
    varies = any(step.varies_by_lender for step in steps)
    owed_later = not barred and result.deficiency > 0 and scenario.action in ("collect", "settle")
    current = _current_before_sale(scenario, current_before_sale)
    removal = _removal(scenario, steps, owed_later, current, today, tables, cites)
    bk_removal, bk_limit, bk_notes = _bankruptcy_removal(scenario, tables, cites)
    barred_notes, dispute_notes = _barred_notes(barred, tables, cites)
    eligibility, mortgage_notes = _eligibility(
        scenario, steps, current, charged_off_on, tables, cites
    )
    ranges, score_notes = _score(scenario, owed_later, tables, cites)
    # A mortgage with a DOFD went through late payments first: FICO published those too.
    late: tuple[ScoreRange, ...] = ()
    if scenario.loan == "mortgage" and scenario.dofd is not None:
        late = _ranges(scenario, ("late_30", "late_90"), tables, cites)
    return CreditResult(
        status_code=now.status_code,
        status_text=now.status_text,
        special_comment=now.special_comment,
        special_comment_text=now.special_comment_text,
        sequence=steps,
        varies_by_lender=varies,
        varies_text=Message(MSG_VARIES) if varies else None,
        reporting_notes=tuple(reporting_notes),
        dofd=scenario.dofd,
        removal_date=removal.removal,
        removal_outer_limit=removal.outer,
        removal_notes=tuple(removal.notes + bk_notes),
        bankruptcy_date=scenario.bankruptcy_date if scenario.bankruptcy != "none" else None,
        bankruptcy_discharge=scenario.discharge_date if scenario.bankruptcy != "none" else None,
        bankruptcy_removal=bk_removal,
        bankruptcy_removal_limit=bk_limit,
        barred=barred,
        barred_notes=tuple(barred_notes),
        dispute_notes=tuple(dispute_notes),
        path=scenario.path or PATHS_BY_LOAN[scenario.loan][0],
        sale_date=scenario.sale_date,
        charged_off_on=charged_off_on,
        settled_on=settled_on,
        eligibility=eligibility,
        mortgage_notes=tuple(mortgage_notes),
        score_band=scenario.score,
        score_ranges=ranges,
        late_ranges=late,
        score_notes=tuple(score_notes),
        sources=cites.all(),
        today=today,
        rules_checked=cites.checked(),
        removal_outer_limit_conditional=removal.conditional,
        removal_outer_limit_bound=removal.bound,
    )
