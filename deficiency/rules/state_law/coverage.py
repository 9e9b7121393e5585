"""Does a state's protection reach the reader's facts? The States page, in the reader's terms.

Why: a map coloured by each state's headline protection ("no deficiency after a trustee
sale") misleads a reader whose facts fall outside it (a short sale, a court foreclosure, a
rental, a car). :func:`coverage` applies the same :func:`.decide.decide` the Calculator
uses to the reader's facts in each state, and names every protection that does not reach
them, with the condition it needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from deficiency.core.engine import Result, evaluate_lenient
from deficiency.core.scenario import Scenario
from deficiency.rules.state_law.decide import decide
from deficiency.rules.state_law.decision import Decision
from deficiency.rules.state_law.facts import (
    covered,
    is_dwelling,
    process_of,
    purchase_money_path_ok,
    scope_message,
)
from deficiency.rules.state_law.goods import auto_warnings, decide_goods
from deficiency.rules.state_law.messages import (
    MSG_CONFIRMATION_RULE,
    MSG_DEED_IN_LIEU,
    MSG_FAIR_VALUE_DISCRETIONARY,
    MSG_LOAN_DATE,
    MSG_NOTE,
    MSG_REDEMPTION_ASK,
    MSG_SCOPE,
    MSG_SHORT_CANCELLATION,
    MSG_SHORT_WAIVER,
)
from deficiency.rules.state_law.rows import PROCESSES, StateRule, load_rules
from deficiency.text.markers import N_, Message

Category = Literal["barred_after_trustee_sale", "fair_value_credit", "allowed"]

# -- does a state's protection reach the reader's facts? (the States page) ---------------
#: "yes": barred on these facts; "partly": a fair-value credit reduces it; "no": nothing in
#: the state's rules reaches these facts; "depends": it turns on a fact the scenario lacks.
CoverageStatus = Literal["yes", "partly", "no", "depends"]
COVERAGE_LABELS: dict[str, str] = {
    "yes": N_("Yes"),
    "partly": N_("Partly: it lowers the deficiency"),
    "no": N_("No"),
    "depends": N_("Depends on facts not entered"),
}
#: The reader's own situation, as a phrase used inside the sentences below.
MSG_CASE: dict[str, str] = {
    "short_sale": N_("your short sale"),
    "deed_in_lieu": N_("your deed in lieu of foreclosure"),
    "judicial": N_("your court (judicial) foreclosure"),
    "nonjudicial": N_("your trustee (nonjudicial) sale"),
    "foreclosure": N_("your foreclosure"),
    "repossession": N_("the sale after your repossession"),
    "voluntary_surrender": N_("the sale after your voluntary surrender"),
}
#: Each kind of protection a row can hold, named with its state.
MSG_PROTECTION: dict[str, str] = {
    "trustee_bar": N_("{state}'s no-deficiency rule for trustee sales"),
    "court_bar": N_("{state}'s no-deficiency rule for court foreclosures"),
    "purchase_money": N_("{state}'s purchase-money protection"),
    "short_sale": N_("{state}'s short-sale protection"),
    "fair_value": N_("{state}'s fair-value credit"),
    "home_equity": N_("{state}'s home-equity protection"),
    "seller_financed": N_("{state}'s protection for seller-financed purchases"),
    "deed_in_lieu": N_("{state}'s release of liability on a deed in lieu"),
}
#: Why a protection does not reach the reader's facts: the condition it needs, and theirs.
MSG_UNMET: dict[str, str] = {
    "trustee": N_(
        "{protection} applies only after a trustee (nonjudicial) foreclosure sale, not after "
        "{case}."
    ),
    "court": N_(
        "{protection} applies only after a court (judicial) foreclosure, not after {case}."
    ),
    "foreclosure": N_("{protection} applies only after a foreclosure, not after {case}."),
    "foreclosure_or_short_sale": N_(
        "{protection} applies only after a foreclosure or a short sale, not after {case}."
    ),
    "short_sale": N_("{protection} applies only after a short sale, not after {case}."),
    "purchase_money": N_(
        "{protection} covers only a loan used to buy the home; you said this loan was not."
    ),
    "home_equity": N_(
        "{protection} covers only a home-equity loan; you did not mark this loan as one."
    ),
    "lender_bought": N_(
        "{protection} applies only when the lender or a related party bought the property at "
        "the sale; you did not say it did."
    ),
    "loan_date": N_(
        "{protection} covers only loans made on or after {date}; you entered an earlier date."
    ),
    "scope": N_("{protection} does not cover the property as you described it."),
    "seller_financed": N_(
        "{protection} covers only a loan from the seller for the rest of the price; you did "
        "not say the seller financed it."
    ),
    "deed_in_lieu": N_("{protection} applies only after a deed in lieu, not after {case}."),
    "liability_kept": N_(
        "{protection} does not apply because you agreed in writing to stay liable."
    ),
}
MSG_COVER_PROCESS = {
    "nonjudicial": N_(
        "You did not say how the home was foreclosed: {state}'s protection reaches a trustee "
        "(nonjudicial) sale but not a court (judicial) foreclosure."
    ),
    "judicial": N_(
        "You did not say how the home was foreclosed: {state}'s protection reaches a court "
        "(judicial) foreclosure but not a trustee (nonjudicial) sale."
    ),
}
MSG_COVER_NOT_MORTGAGE = N_(
    "The protections on the map are for home loans; your car or other goods loan follows "
    "UCC Article 9, the same in every state (see below the table)."
)
MSG_COVER_CAPTION = N_(
    "“Covers your situation” applies each state's rules to the facts you entered in the "
    "calculator: {case}."
)


def map_category(code: str) -> Category:
    """The map colour of a jurisdiction: trustee-sale bar, fair-value credit, or neither."""
    rule = load_rules()[code]
    if rule.bar_nonjudicial != "none":
        return "barred_after_trustee_sale"
    if rule.fair_value not in ("none", "discretionary"):
        return "fair_value_credit"
    return "allowed"


#: Warnings of a decision that make the answer turn on a fact the scenario does not hold
#: (a waiver in the agreement, who financed the purchase, when the loan was made...).
_DEPENDS_ON: frozenset[str] = frozenset(
    {
        MSG_SHORT_WAIVER,
        MSG_SHORT_CANCELLATION,
        MSG_LOAN_DATE,
        MSG_REDEMPTION_ASK,
        MSG_CONFIRMATION_RULE,
        MSG_NOTE["short_sale_unread"],
        MSG_FAIR_VALUE_DISCRETIONARY,
        MSG_DEED_IN_LIEU,
    }
)


@dataclass(frozen=True)
class Coverage:
    """Whether a state's rules reach the reader's facts, and why, in their own terms."""

    code: str
    status: CoverageStatus
    reasons: tuple[Message, ...]

    @property
    def label(self) -> str:
        """The message id of the status ("Yes", "No"...), translated by the shell."""
        return COVERAGE_LABELS[self.status]


def _case(scenario: Scenario, process: str) -> Message:
    """The reader's situation as a phrase: "your short sale", "your trustee sale"..."""
    path = scenario.path or "short_sale"
    if path == "foreclosure" and process:
        return Message(MSG_CASE[process])
    return Message(MSG_CASE[path])


def case_caption(scenario: Scenario) -> Message:
    """The sentence above the States table saying which facts its coverage column uses.

    A foreclosure without a process is just "your foreclosure": the usual process differs
    by state, and the column says state by state when the answer turns on it.
    """
    return Message(MSG_COVER_CAPTION, {"case": _case(scenario, scenario.foreclosure or "")})


class _Reasons:
    """The reasons gathered for one state: each protection that misses, in the reader's terms."""

    def __init__(self, rule: StateRule, scenario: Scenario, process: str):
        self.rule, self.scenario, self.process = rule, scenario, process
        self.state = {"state": rule.name}
        self.case = _case(scenario, process)
        self.out: list[Message] = []

    def miss(self, protection: str, requirement: str, **extra: Any) -> None:
        named = Message(MSG_PROTECTION[protection], self.state)
        params = {"protection": named, "case": self.case}
        self.out.append(Message(MSG_UNMET[requirement], params, dates=extra))

    def outside(self, protection: str, scope: str) -> None:
        self.miss(protection, "scope")
        note = scope_message(scope, self.rule)
        if note is not None:
            self.out.append(note)


def _process_bars(r: _Reasons) -> None:
    rule, scenario, process = r.rule, r.scenario, r.process
    foreclosure = scenario.path == "foreclosure"
    if rule.bar_nonjudicial != "none":
        if not (foreclosure and process == "nonjudicial"):
            r.miss("trustee_bar", "trustee")
        elif not covered(rule.bar_nonjudicial, rule, scenario):
            r.outside("trustee_bar", rule.bar_nonjudicial)
    if rule.bar_judicial != "none":
        if not (foreclosure and process == "judicial"):
            r.miss("court_bar", "court")
        elif not covered(rule.bar_judicial, rule, scenario):
            r.outside("court_bar", rule.bar_judicial)


def _path_bars(r: _Reasons) -> None:
    rule, scenario = r.rule, r.scenario
    if rule.short_sale_bar == "statute":
        if scenario.path != "short_sale":
            r.miss("short_sale", "short_sale")
        elif not is_dwelling(rule, scenario.units, scenario.acres):
            r.outside("short_sale", "dwelling")
    if rule.bar_deed_in_lieu:
        if scenario.path != "deed_in_lieu":
            r.miss("deed_in_lieu", "deed_in_lieu")
        elif scenario.liability_kept:
            r.miss("deed_in_lieu", "liability_kept")


def _purchase_money(r: _Reasons) -> None:
    rule, scenario, process = r.rule, r.scenario, r.process
    if rule.bar_purchase_money != "none":
        paths = rule.purchase_money_paths
        if not scenario.purchase_money:
            r.miss("purchase_money", "purchase_money")
        elif not purchase_money_path_ok(paths, scenario, process):
            r.miss("purchase_money", "foreclosure" if paths == "foreclosure" else "court")
        elif not covered(rule.bar_purchase_money, rule, scenario):
            r.outside("purchase_money", rule.bar_purchase_money)
        elif (
            rule.bar_loans_from is not None
            and scenario.loan_date is not None
            and scenario.loan_date < rule.bar_loans_from
        ):
            r.miss("purchase_money", "loan_date", date=rule.bar_loans_from)
    if rule.bar_seller_financed:
        paths = rule.seller_financed_paths
        if not scenario.seller_financed:
            r.miss("seller_financed", "seller_financed")
        elif not purchase_money_path_ok(paths, scenario, process):
            r.miss("seller_financed", "foreclosure" if paths == "foreclosure" else "court")


def _fair_value(r: _Reasons) -> None:
    rule, scenario, process = r.rule, r.scenario, r.process
    if rule.fair_value == "none":
        return
    foreclosure = scenario.path == "foreclosure"
    when = rule.fair_value_when
    both = rule.fair_value_paths == "foreclosure_short_sale"
    if scenario.path not in (("foreclosure", "short_sale") if both else ("foreclosure",)):
        r.miss("fair_value", "foreclosure_or_short_sale" if both else "foreclosure")
    elif when == "judicial" and process != "judicial" and foreclosure:
        r.miss("fair_value", "court")
    elif when in ("nonjudicial", "lender_bought_nonjudicial") and process != "nonjudicial":
        if foreclosure:
            r.miss("fair_value", "trustee")
    elif when in ("lender_bought", "lender_bought_nonjudicial") and not scenario.lender_bought:
        r.miss("fair_value", "lender_bought")
    elif when == "owner_occupied" and not scenario.owner_occupied:
        r.outside("fair_value", "owner_occupied")
    elif when == "owner_occupied_dwelling" and not covered(when, rule, scenario):
        r.outside("fair_value", when)


def _unmet(rule: StateRule, scenario: Scenario, process: str) -> list[Message]:
    """Each protection of the row that does not reach these facts, with the reason.

    Mirrors the steps of :mod:`.decide` one by one, so the reason given is the one that
    actually kept the protection from applying.
    """
    reasons = _Reasons(rule, scenario, process)
    _process_bars(reasons)
    _path_bars(reasons)
    _purchase_money(reasons)
    _fair_value(reasons)
    if rule.bar_home_equity and not scenario.home_equity:
        reasons.miss("home_equity", "home_equity")
    return reasons.out


_SCOPE_IDS: frozenset[str] = frozenset(MSG_SCOPE.values())


def _strength(decision: Decision) -> int:
    """How far a decision protects: 2 barred, 1 a credit or a bar by value, 0 neither."""
    return 2 if decision.barred else int(decision.fair_value or decision.value_bar)


def _mortgage_coverage(rule: StateRule, scenario: Scenario) -> Coverage:
    here = scenario.model_copy(update={"state": rule.code})
    if here.path == "foreclosure" and here.foreclosure is None and rule.nonjudicial_available:
        # The answer may turn on the process the reader did not give: say so when it does.
        by_process = {
            process: decide(here.model_copy(update={"foreclosure": process}))
            for process in PROCESSES
        }
        judicial, nonjudicial = (_strength(by_process[p]) for p in PROCESSES)
        if judicial != nonjudicial:
            reached = "judicial" if judicial > nonjudicial else "nonjudicial"
            return Coverage(
                rule.code,
                "depends",
                (Message(MSG_COVER_PROCESS[reached], {"state": rule.name}),),
            )
    decision = decide(here)
    if decision.barred:
        scope_notes = tuple(w for w in decision.warnings if w.msgid in _SCOPE_IDS)
        return Coverage(rule.code, "yes", (decision.rule, *scope_notes))
    process, _notes = process_of(rule, here)
    reasons = _unmet(rule, here, process)
    if decision.fair_value:
        # The credit applies; the bars that do not reach these facts are still named.
        return Coverage(rule.code, "partly", (decision.rule, *reasons))
    unknown = [w for w in decision.warnings if w.msgid in _DEPENDS_ON]
    status: CoverageStatus = "depends" if unknown else "no"
    return Coverage(rule.code, status, tuple(reasons + unknown) or (decision.rule,))


def _goods_coverage(code: str, scenario: Scenario, result: Result) -> Coverage:
    """A car or other goods: UCC Article 9 everywhere, plus the state's small-balance rules."""
    here = scenario.model_copy(update={"state": code})
    decision = decide_goods(here)
    if decision.barred:
        return Coverage(code, "yes", (decision.rule,))
    lead = Message(MSG_COVER_NOT_MORTGAGE)
    extra = auto_warnings(here, result)
    if extra:
        return Coverage(code, "depends", (lead, *extra))
    if decision.fair_value:
        return Coverage(code, "partly", (lead, *decision.warnings))
    return Coverage(code, "no", (lead,))


def coverage(scenario: Scenario, code: str, result: Result | None = None) -> Coverage:
    """Whether ``code``'s rules reach the facts of ``scenario``, with the reasons.

    Why: a map coloured by each state's headline protection ("no deficiency after a
    trustee sale") misleads a reader whose facts fall outside it (a short sale, a court
    foreclosure, a rental, a car). This applies the same :func:`decide` the calculator
    uses to the reader's facts in each state, and names every protection that does not
    reach them in their own terms. ``result`` (the engine's figures for ``scenario``) is
    only needed for goods, whose small-balance rules compare amounts.
    """
    if scenario.loan != "mortgage":
        if result is None:
            result = evaluate_lenient(scenario)[0]
        return _goods_coverage(code, scenario, result)
    return _mortgage_coverage(load_rules()[code], scenario)


def rules_table(scenario: Scenario | None = None) -> Any:
    """One row per jurisdiction with codes, citations, source and confidence (a DataFrame).

    With ``scenario``, two more columns say whether each state's rules reach its facts:
    ``covers`` (a :data:`CoverageStatus`) and ``covers_why`` (a tuple of Messages).
    pandas is imported here, not at module import, to keep the core cheap to import.
    """
    import pandas as pd

    result = None
    if scenario is not None and scenario.loan != "mortgage":
        result = evaluate_lenient(scenario)[0]
    records = []
    for code, rule in load_rules().items():
        extra: dict[str, Any] = {}
        if scenario is not None:
            found = coverage(scenario, code, result)
            extra = {"covers": found.status, "covers_why": found.reasons}
        records.append(
            {
                "code": code,
                "name": rule.name,
                "category": map_category(code),
                "usual_process": rule.usual_process,
                "nonjudicial_available": rule.nonjudicial_available,
                "bar_nonjudicial": rule.bar_nonjudicial,
                "bar_judicial": rule.bar_judicial,
                "bar_purchase_money": rule.bar_purchase_money,
                "bar_home_equity": rule.bar_home_equity,
                "short_sale_bar": rule.short_sale_bar,
                "fair_value": rule.fair_value,
                "fair_value_when": rule.fair_value_when,
                "deadline_amount": rule.deadline_amount,
                "deadline_unit": rule.deadline_unit,
                "deadline_from": rule.deadline_from,
                "prerequisites": ";".join(rule.prerequisites),
                "citation": rule.citation,
                "source_url": rule.source_url,
                "verified": rule.verified.isoformat(),
                "confidence": rule.confidence,
                **extra,
            }
        )
    return pd.DataFrame.from_records(records)
