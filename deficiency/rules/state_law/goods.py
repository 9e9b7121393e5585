"""Cars and other goods: UCC Article 9 (uniform in every state) and the states' own limits.

Article 9 decides what follows from a sale without notice or to an insider; a few states
add small-balance bars or a fair-market-value rule for consumer goods
(``data/auto_rules.csv``). Those depend on facts of the original sale the scenario does
not hold (the cash price, who extended the credit), so they are shown as warnings.
"""

from __future__ import annotations

from deficiency.core.engine import Result
from deficiency.core.money import to_cents
from deficiency.core.scenario import Scenario
from deficiency.rules import ucc
from deficiency.rules.state_law.amounts import collectible
from deficiency.rules.state_law.decision import Decision
from deficiency.rules.state_law.messages import (
    MSG_AUTO_BAR,
    MSG_AUTO_FMV,
    MSG_AUTO_FMV_AMOUNT,
    MSG_AUTO_FMV_LOAN,
    MSG_AUTO_FMV_LOAN_AMOUNT,
    MSG_AUTO_UNREASONABLE_BAR,
    MSG_UCC_ALLOWED,
    MSG_UCC_CONSUMER_INCLUDED,
    MSG_UCC_CONSUMER_RULE,
    MSG_UCC_MIN_DAMAGES,
    MSG_UCC_PRESUMPTION,
    MSG_UCC_RELATED_BUYER,
    MSG_UCC_RELATED_SIGNIFICANT,
)
from deficiency.rules.state_law.questions import questions_for
from deficiency.rules.state_law.rows import load_auto_rules, load_rules
from deficiency.text.markers import Message


def fmv_cents(scenario: Scenario) -> int | None:
    """The entered fair market value in cents, ``None`` when not known."""
    return None if scenario.fmv is None else to_cents(scenario.fmv)


def decide_goods(scenario: Scenario) -> Decision:
    """UCC Article 9 (uniform in every state) for a car or other goods.

    Cited as the state enacted it (``ucc.cite``/``ucc.section``): the reader is sent to the
    state's own code, or to the uniform text where the table has no row for the state.
    """
    questions = questions_for(None, scenario.loan, scenario.path or "repossession")
    state = scenario.state
    if not scenario.notice_given or not scenario.commercially_reasonable:
        # 9-626(a)(3)-(4): the rebuttable presumption that a compliant sale would have
        # brought the whole debt, so the deficiency is zero unless the lender proves less.
        # For consumer transactions uniform 9-626(b) leaves the rule to the courts; Ohio's
        # enacted section has no such carve-out, so there the warning says the rule covers
        # consumer loans too. Still unconfirmed: the enacted presumption's own wording was
        # not read in every state (see ucc_sections.csv).
        s626 = ucc.section("9-626", state)
        scope = (
            Message(MSG_UCC_CONSUMER_INCLUDED, {"citation": s626.citation})
            if s626.consumer_transactions == "included"
            else Message(MSG_UCC_CONSUMER_RULE)
        )
        return Decision(
            barred=True,
            fair_value=False,
            rule=Message(MSG_UCC_PRESUMPTION),
            citation=ucc.cite_rule("presumption", state),
            source_url=s626.url,
            confidence="unconfirmed",
            lender_failure=True,
            warnings=(
                scope,
                Message(MSG_UCC_MIN_DAMAGES, {"citation": ucc.cite_rule("minimum_damages", state)}),
            ),
            questions=questions,
        )
    if scenario.lender_bought:
        cite_615f = ucc.cite_rule("related_buyer", state)
        warning = Message(MSG_UCC_RELATED_SIGNIFICANT, {"citation": cite_615f})
        return Decision(
            barred=False,
            fair_value=True,
            rule=Message(MSG_UCC_ALLOWED),
            credit_rule=Message(MSG_UCC_RELATED_BUYER),
            citation=cite_615f,
            source_url=ucc.section("9-615", state).url,
            confidence="confirmed",
            warnings=(warning,),
            fmv_citation=cite_615f,
            questions=questions,
        )
    return Decision(
        barred=False,
        fair_value=False,
        rule=Message(MSG_UCC_ALLOWED),
        citation=ucc.cite_rule("proceeds", state),
        source_url=ucc.section("9-615", state).url,
        confidence="confirmed",
        questions=questions,
    )


#: The fair-market-value rules for goods, by the kind of credit they cover: (without a
#: value entered, with it). Massachusetts: a dealer's installment contract; Florida: a
#: consumer finance loan.
_AUTO_FMV: dict[str, tuple[str, str]] = {
    "retail_installment_sale": (MSG_AUTO_FMV, MSG_AUTO_FMV_AMOUNT),
    "consumer_loan": (MSG_AUTO_FMV_LOAN, MSG_AUTO_FMV_LOAN_AMOUNT),
    "credit_sale": (MSG_AUTO_FMV, MSG_AUTO_FMV_AMOUNT),
    "consumer_credit": (MSG_AUTO_FMV, MSG_AUTO_FMV_AMOUNT),
}


def auto_warnings(scenario: Scenario, result: Result) -> list[Message]:
    """State small-balance limits for goods: warnings only (their scope can't be checked)."""
    if scenario.state is None:
        return []
    name = load_rules()[scenario.state].name
    balance = to_cents(scenario.balance)
    out: list[Message] = []
    for rule in load_auto_rules()[scenario.state]:
        params = {"state": name, "citation": rule.citation}
        if rule.effect == "unreasonable_sale_bar":
            # Said only when the reader says the sale was not commercially reasonable.
            if not scenario.commercially_reasonable:
                out.append(Message(MSG_AUTO_UNREASONABLE_BAR, params))
            continue
        if rule.effect == "fmv_credit":
            # The amount the rule starts at (a consumer finance loan's $2,000), from the data.
            starts = {} if rule.threshold_cents is None else {"threshold": rule.threshold_cents}
            fmv = fmv_cents(scenario)
            if fmv is None:
                out.append(Message(_AUTO_FMV[rule.scope][0], params, money=starts))
            else:
                at_most, _ = collectible(
                    False, True, result.deficiency, to_cents(scenario.sale_price), fmv
                )
                message = _AUTO_FMV[rule.scope][1]
                out.append(Message(message, params, money={"amount": at_most, **starts}))
            continue
        threshold = rule.threshold_cents or 0
        if rule.measure in ("unpaid_balance", "amount_owing"):
            # The balance at default is at least the loan balance: above the threshold,
            # the rule cannot apply and no warning is shown.
            within = balance < threshold if rule.comparison == "lt" else balance <= threshold
            if not within:
                continue
        out.append(
            Message(
                MSG_AUTO_BAR[(rule.measure, rule.comparison)],
                params,
                money={"threshold": threshold},
            )
        )
    return out
