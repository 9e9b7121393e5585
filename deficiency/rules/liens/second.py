"""A second mortgage or HELOC: what the first loan's foreclosure, short sale or deed in lieu
does to it, rule by rule (California encoded in full, other states cautiously)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from deficiency.core.money import Cents, cents_like, to_cents
from deficiency.core.scenario import Scenario
from deficiency.rules import state_law
from deficiency.rules.liens.messages import (
    MSG_CA_580B,
    MSG_CA_580E,
    MSG_CA_BLACK_SKY,
    MSG_CA_SAME_LENDER_JUDICIAL,
    MSG_CA_SAME_LENDER_UNKNOWN,
    MSG_CA_SIMON,
    MSG_CA_SOLD_OUT,
    MSG_DEED_IN_LIEU,
    MSG_HOME_EQUITY_CHECK,
    MSG_HOME_EQUITY_SECOND,
    MSG_NO_SECOND,
    MSG_NOT_MORTGAGE,
    MSG_OTHER_STATE_PURCHASE_MONEY,
    MSG_OTHER_STATE_SHORT_SALE,
    MSG_SHORT_SALE_COLLECTIBLE,
    MSG_SHORT_SALE_RELEASE,
    MSG_SOLD_OUT,
    MSG_SOLD_OUT_BAR_NOT_SHARED,
    MSG_UNCONFIRMED,
)
from deficiency.rules.liens.rules import Confidence, LienRule, load_rules
from deficiency.text.markers import Message

Status = Literal["none", "protected", "collectible", "not_applicable"]


def second_collectible(protected: Any, balance: Cents) -> Cents:
    """What the second lender can collect: nothing when a rule protects it, else all of it.

    ``protected`` may be a bool or a bool array; ``balance`` cents as int or int64 array.
    A sold-out second is unsecured debt: no sale proceeds reach it, so there is no credit.
    """
    scalar = np.ndim(protected) == 0 and np.ndim(balance) == 0
    return cents_like(np.where(protected, 0, np.maximum(balance, 0)), scalar)


@dataclass(frozen=True)
class SecondLienResult:
    """What happens to a second mortgage or HELOC in this scenario; amounts in cents.

    ``sold_out`` is true when the first lender's foreclosure wiped out the second's lien.
    ``rule`` is the deciding rule in plain words; ``notes`` the steps and caveats.
    """

    status: Status
    balance_cents: int
    collectible_cents: int
    sold_out: bool
    rule: Message
    citation: str
    source_url: str
    confidence: Confidence
    notes: tuple[Message, ...] = ()

    @property
    def protected(self) -> bool:
        return self.status == "protected"

    def messages(self) -> list[Message]:
        return [self.rule, *self.notes]


def _process(scenario: Scenario, rule: state_law.StateRule) -> str:
    """The first loan's foreclosure process: the one given, else the state's usual one."""
    if scenario.foreclosure is not None and rule.nonjudicial_available:
        return scenario.foreclosure
    return rule.usual_process if rule.nonjudicial_available else "judicial"


def _result(
    status: Status,
    balance: int,
    sold_out: bool,
    rule_key: str | LienRule,
    message: Message,
    notes: list[Message],
) -> SecondLienResult:
    rule = rule_key if isinstance(rule_key, LienRule) else load_rules()[rule_key]
    collectible = second_collectible(status == "protected", balance)
    return SecondLienResult(
        status=status,
        balance_cents=balance,
        collectible_cents=collectible if status in ("protected", "collectible") else 0,
        sold_out=sold_out,
        rule=message,
        citation=rule.citation,
        source_url=rule.source_url,
        confidence=rule.confidence,
        notes=tuple(notes),
    )


def _cite(key: str) -> dict[str, str]:
    return {"citation": load_rules()[key].citation}


def _ca_same_lender(
    scenario: Scenario,
    rule: state_law.StateRule,
    balance: int,
    made_with_first: bool | None,
    notes: list[Message],
) -> SecondLienResult | None:
    """One lender, both loans, a foreclosure: Simon (made together) or Black Sky (not)."""
    if _process(scenario, rule) != "nonjudicial":
        notes.append(Message(MSG_CA_SAME_LENDER_JUDICIAL))
        return None
    if made_with_first:
        message = Message(MSG_CA_SIMON, _cite("ca_simon"))
        return _result("protected", balance, True, "ca_simon", message, notes)
    if made_with_first is False:
        message = Message(MSG_CA_BLACK_SKY, _cite("ca_black_sky"), money={"amount": balance})
        return _result("collectible", balance, True, "ca_black_sky", message, notes)
    params = {
        "simon": _cite("ca_simon")["citation"],
        "black_sky": _cite("ca_black_sky")["citation"],
    }
    notes.append(Message(MSG_CA_SAME_LENDER_UNKNOWN, params))
    return None


def _california(
    scenario: Scenario,
    rule: state_law.StateRule,
    balance: int,
    same_lender: bool,
    purchase_money: bool,
    made_with_first: bool | None,
    notes: list[Message],
) -> SecondLienResult:
    money = {"amount": balance}
    path = scenario.path
    sold_out = path == "foreclosure"
    # 580b(a)(3) first: it protects a purchase-money second on any path ("in any event").
    dwelling = scenario.units <= (rule.max_units or 4)
    if purchase_money and scenario.owner_occupied and dwelling:
        message = Message(MSG_CA_580B, _cite("ca_580b_junior"))
        return _result("protected", balance, sold_out, "ca_580b_junior", message, notes)
    if path == "short_sale" and dwelling:
        message = Message(MSG_CA_580E, _cite("ca_580e"))
        return _result("protected", balance, False, "ca_580e", message, notes)
    if path == "foreclosure":
        if same_lender:
            decided = _ca_same_lender(scenario, rule, balance, made_with_first, notes)
            if decided is not None:
                return decided
        message = Message(MSG_CA_SOLD_OUT, _cite("ca_sold_out"), money=money)
        return _result("collectible", balance, True, "ca_sold_out", message, notes)
    # A short sale of more than 4 units (580e does not apply), or a deed in lieu.
    msgid = MSG_SHORT_SALE_COLLECTIBLE if path == "short_sale" else MSG_DEED_IN_LIEU
    return _result("collectible", balance, False, "ca_sold_out", Message(msgid, money=money), notes)


def _other_state_notes(
    scenario: Scenario, rule: state_law.StateRule, purchase_money: bool, notes: list[Message]
) -> None:
    """The state's own rules for the first loan, named as possible protections to check."""
    state = {"state": rule.name}
    if purchase_money and rule.bar_purchase_money != "none":
        citation = rule.purchase_money_citation or rule.citation
        notes.append(Message(MSG_OTHER_STATE_PURCHASE_MONEY, {**state, "citation": citation}))
    if scenario.path == "short_sale" and rule.short_sale_bar != "none":
        citation = rule.short_sale_citation or rule.citation
        notes.append(Message(MSG_OTHER_STATE_SHORT_SALE, {**state, "citation": citation}))
    first_barred = scenario.path == "foreclosure" and (
        rule.bar_nonjudicial != "none" or rule.bar_judicial != "none"
    )
    if first_barred:
        notes.append(Message(MSG_SOLD_OUT_BAR_NOT_SHARED, state))
    notes.append(Message(MSG_UNCONFIRMED, state))


def _home_equity(
    scenario: Scenario, rule: state_law.StateRule, balance: int, notes: list[Message]
) -> SecondLienResult:
    """A second lien on a homestead that did not buy it is, in a state like Texas, usually a
    home-equity loan or HELOC, which the state makes nonrecourse. The state row's citation
    is confirmed; reading "not purchase money" as "home equity" is an assumption
    (home-improvement liens are recourse): unconfirmed."""
    cited = LienRule(
        "state_home_equity",
        rule.home_equity_citation or rule.citation,
        rule.source_url,
        "unconfirmed",
    )
    notes.append(Message(MSG_HOME_EQUITY_CHECK))
    message = Message(MSG_HOME_EQUITY_SECOND, {"state": rule.name, "citation": cited.citation})
    return _result("protected", balance, scenario.path == "foreclosure", cited, message, notes)


def _elsewhere(
    scenario: Scenario, balance: int, purchase_money: bool, notes: list[Message]
) -> SecondLienResult:
    """Every other state (or none chosen): collectible, cautiously."""
    if scenario.state is not None:
        rule = state_law.load_rules()[scenario.state]
        if rule.bar_home_equity and not purchase_money and scenario.owner_occupied:
            return _home_equity(scenario, rule, balance, notes)
        _other_state_notes(scenario, rule, purchase_money, notes)
    money = {"amount": balance}
    if scenario.path == "foreclosure":
        message = Message(MSG_SOLD_OUT, _cite("sold_out_general"), money=money)
    elif scenario.path == "short_sale":
        message = Message(MSG_SHORT_SALE_COLLECTIBLE, money=money)
    else:
        message = Message(MSG_DEED_IN_LIEU, money=money)
    sold_out = scenario.path == "foreclosure"
    return _result("collectible", balance, sold_out, "sold_out_general", message, notes)


def assess_second_lien(
    scenario: Scenario,
    second_balance_cents: int,
    same_lender: bool,
    purchase_money: bool,
    *,
    made_with_first: bool | None = None,
) -> SecondLienResult:
    """What happens to a second mortgage or HELOC of ``second_balance_cents``.

    The scenario's path is what happens to the *first* loan: a foreclosure by the first
    lender sells the second out; a short sale needs the second's release; a deed in lieu
    leaves the second in place. ``same_lender``: one lender holds both loans;
    ``purchase_money``: the second loan helped buy the home; ``made_with_first``: the two
    loans were made together (``None`` = not known; it matters only for California's
    same-lender rule after a trustee sale).
    """
    balance = max(int(second_balance_cents), 0)
    if scenario.loan != "mortgage":
        return SecondLienResult(
            "not_applicable", balance, 0, False, Message(MSG_NOT_MORTGAGE), "", "", "confirmed"
        )
    if balance == 0:
        return SecondLienResult("none", 0, 0, False, Message(MSG_NO_SECOND), "", "", "confirmed")
    notes: list[Message] = []
    if scenario.path == "short_sale":
        notes.append(Message(MSG_SHORT_SALE_RELEASE, money={"amount": balance}))
    if scenario.state == "CA":
        rule = state_law.load_rules()["CA"]
        return _california(
            scenario, rule, balance, same_lender, purchase_money, made_with_first, notes
        )
    return _elsewhere(scenario, balance, purchase_money, notes)


def second_lien_of(scenario: Scenario) -> SecondLienResult | None:
    """The second lien of a scenario from its own keys (None: no second mortgage entered)."""
    balance = to_cents(scenario.second_balance)
    if not balance or scenario.loan != "mortgage":
        return None
    return assess_second_lien(
        scenario,
        balance,
        scenario.second_lender_same,
        scenario.second_purchase_money,
        made_with_first=scenario.second_made_with_first,
    )
