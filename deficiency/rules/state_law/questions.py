"""Which facts a state's rule turns on: the questions the Calculator asks for a state.

Why: the form should ask only what can change the answer. A Texas short sale needs only
``home_equity``; a California foreclosure needs the process, purchase-money status,
occupancy and units; a Minnesota foreclosure by advertisement needs the redemption period;
any car loan needs the four Article 9 facts.
"""

from __future__ import annotations

from deficiency.rules.state_law.facts import fair_value_paths
from deficiency.rules.state_law.rows import StateRule

#: The order the questions are asked in (the scenario keys of the state-law facts).
ORDER: tuple[str, ...] = (
    "foreclosure",
    "strict_foreclosure",
    "redemption_period",
    "purchase_money",
    "seller_financed",
    "loan_date",
    "owner_occupied",
    "units",
    "acres",
    "agricultural",
    "home_equity",
    "lender_bought",
    "fmv",
    "sale_date",
    "sale_confirmed",
    "notice_given",
    "liability_kept",
)
GOODS_QUESTIONS: tuple[str, ...] = (
    "notice_given",
    "commercially_reasonable",
    "lender_bought",
    "fmv",
)
#: The facts each ``code:condition`` qualifier (and deadline scope) reads.
CONDITION_FACTS: dict[str, tuple[str, ...]] = {
    "judicial": ("foreclosure",),
    "nonjudicial": ("foreclosure",),
    "strict": ("strict_foreclosure",),
    "owner_occupied_dwelling": ("owner_occupied", "units"),
    "agricultural": ("agricultural",),
    "lender_bought": ("lender_bought",),
}
PROCESS_WHEN: frozenset[str] = frozenset({"judicial", "nonjudicial", "lender_bought_nonjudicial"})


def _purchase_money(rule: StateRule, foreclosure: bool, asked: set[str], scopes: list[str]) -> None:
    if rule.bar_purchase_money != "none" and (rule.purchase_money_paths == "all" or foreclosure):
        asked.add("purchase_money")
        scopes.append(rule.bar_purchase_money)
        if rule.bar_loans_from is not None:
            asked.add("loan_date")  # e.g. Nevada: only loans made on or after 2009-10-01
        if rule.purchase_money_paths == "judicial":
            asked.add("foreclosure")
    if rule.bar_seller_financed and (rule.seller_financed_paths == "all" or foreclosure):
        asked.add("seller_financed")
        if rule.seller_financed_paths == "judicial":
            asked.add("foreclosure")


def _conditions(rule: StateRule, asked: set[str]) -> None:
    """The facts the qualifiers of the row's prerequisites, notes and deadlines read."""
    conditions = {*rule.prerequisite_when, *rule.note_when, rule.deadline_scope}
    conditions |= {rule.deadline_process, rule.request_deadline_process}
    for condition in conditions:
        asked.update(CONDITION_FACTS.get(condition, ()))


def _foreclosure(rule: StateRule, asked: set[str], scopes: list[str]) -> None:
    if (
        rule.bar_nonjudicial != "none"
        or rule.bar_judicial != "none"
        or rule.fair_value_when in PROCESS_WHEN
    ):
        asked.add("foreclosure")
    scopes += [rule.bar_nonjudicial, rule.bar_judicial]
    if "short_redemption" in (rule.bar_nonjudicial, rule.bar_judicial):
        asked.add("redemption_period")
    if rule.deadline_scope in ("dwelling", "owner_occupied_dwelling"):
        scopes.append(rule.deadline_scope)
    if rule.deadline_amount is not None or rule.request_deadline_amount is not None:
        asked.add("sale_date")
    if "deficiency_notice" in rule.prerequisites:
        asked.add("notice_given")
    if rule.fair_value == "confirmation_bar":
        asked.add("sale_confirmed")
    if rule.fair_value == "strict_or_half":
        asked.add("strict_foreclosure")
    _conditions(rule, asked)


def _fair_value(rule: StateRule, path: str, asked: set[str], scopes: list[str]) -> None:
    if rule.fair_value not in ("none", "discretionary") and path in fair_value_paths(rule):
        asked.add("fmv")
        if rule.fair_value_when in ("lender_bought", "lender_bought_nonjudicial"):
            asked.add("lender_bought")
        if rule.fair_value_when == "owner_occupied":
            asked.add("owner_occupied")
        if rule.fair_value_when == "owner_occupied_dwelling":
            scopes.append("owner_occupied_dwelling")


def _property(rule: StateRule, scopes: list[str], asked: set[str]) -> None:
    for scope in scopes:
        if scope in ("owner_occupied", "owner_occupied_dwelling"):
            asked.add("owner_occupied")
        if scope in ("dwelling", "owner_occupied_dwelling"):
            if rule.max_units is not None:
                asked.add("units")
            if rule.max_acres is not None:
                asked.add("acres")


def questions_for(rule: StateRule | None, loan: str, path: str | None) -> tuple[str, ...]:
    """The scenario keys this state's rule depends on for this loan and path."""
    if loan != "mortgage":
        return GOODS_QUESTIONS
    if rule is None:
        return ("state",)
    asked: set[str] = set()
    scopes: list[str] = []
    foreclosure = path == "foreclosure"
    if rule.bar_home_equity:
        asked.add("home_equity")
    _purchase_money(rule, foreclosure, asked, scopes)
    if foreclosure:
        _foreclosure(rule, asked, scopes)
    if path == "short_sale" and rule.short_sale_bar == "statute":
        scopes.append("dwelling")
    if path == "deed_in_lieu" and rule.bar_deed_in_lieu:
        asked.add("liability_kept")
    _fair_value(rule, path or "", asked, scopes)
    _property(rule, scopes, asked)
    if not rule.nonjudicial_available:
        asked.discard("foreclosure")
    return tuple(key for key in ORDER if key in asked)
