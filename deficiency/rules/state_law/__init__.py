"""State anti-deficiency law and UCC Article 9: how much of a deficiency is collectible.

The engine (:mod:`deficiency.core.engine`) computes the contractual deficiency: what was owed
minus what the sale brought. Whether the lender may *collect* it is a separate, legal
question that depends on the state and the facts: a trustee sale may bar it (California,
Arizona, Washington...), a fair-value rule may credit the borrower with the property's
market value instead of a low auction price (Texas, New York...), a loan type may carry no
personal liability at all (a Texas home-equity loan), and for a car the Uniform Commercial
Code decides what follows from a sale without notice or to an insider.

Why the rules live in data: every rule must be cited and re-verified as statutes change,
so each jurisdiction is one row of ``data/state_law.csv`` with enumerated, structured
columns (no prose) and a citation and source next to every rule. This module validates
that file strictly, turns one row plus a scenario into a decision, and applies the
decision with :func:`collectible`, a formula that works on Python ints and numpy int64
arrays alike, so a what-if sweep uses exactly the rule a single evaluation uses.

Nothing is read at import time: :func:`load_rules` and :func:`load_auto_rules` read and
validate their file on first use and cache the result.

Conservative by design: where the research could not confirm a rule, or a rule depends on
a fact the scenario does not ask (a loan's origination date, who financed a car), the
deficiency is treated as collectible and a warning explains the possible protection.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal, TypeVar

import numpy as np

from deficiency.core.engine import Result, evaluate_lenient
from deficiency.core.engine import sweep as engine_sweep
from deficiency.core.money import cents_str, to_cents
from deficiency.core.scenario import STATE_CODES, Scenario
from deficiency.rules import ucc
from deficiency.rules.tables import DataFileError, packaged_text, read_rows
from deficiency.rules.tax import cancelled_for_tax, resolve_recourse
from deficiency.text.markers import N_, Message

Cents = TypeVar("Cents", int, np.ndarray)
Confidence = Literal["confirmed", "unconfirmed"]
Category = Literal["barred_after_trustee_sale", "fair_value_credit", "allowed"]

# -- vocabularies of the data files -------------------------------------------------------
#: The foreclosure processes; ``usual_process`` is the one assumed when none is given.
PROCESSES: tuple[str, ...] = ("judicial", "nonjudicial")
YES_NO: tuple[str, ...] = ("yes", "no")
#: Which properties a bar covers. "dwelling" = at most ``max_units`` units on at most
#: ``max_acres`` acres (whichever of the two limits the row sets).
BAR_SCOPES: tuple[str, ...] = (
    "none",
    "all",
    "dwelling",
    "owner_occupied",
    "owner_occupied_dwelling",
)
#: Purchase-money bars; "seller_financed" can't be evaluated (the scenario does not say
#: who financed the purchase), so it only produces a warning.
PURCHASE_MONEY_SCOPES: tuple[str, ...] = (
    "none",
    "dwelling",
    "owner_occupied_dwelling",
    "seller_financed",
)
#: When a purchase-money bar applies: after any path, any foreclosure, or a judicial one.
PURCHASE_MONEY_PATHS: tuple[str, ...] = ("all", "foreclosure", "judicial")
#: Short sales: barred by statute for a dwelling; barred only if the agreement contains
#: the lender's waiver; barred only if the lender reports the cancelled debt to the IRS.
SHORT_SALE_BARS: tuple[str, ...] = ("none", "statute", "waiver_required", "cancellation_reported")
#: Fair-value rules. After the cap "never above the deficiency", debt − FMV and
#: debt − max(FMV, price) give the same collectible amount; both spellings are kept so
#: the data says what the statute says. "discretionary": the court may require a credit.
FAIR_VALUE_KINDS: tuple[str, ...] = (
    "none",
    "debt_minus_fmv",
    "debt_minus_greater",
    "discretionary",
)
FAIR_VALUE_WHEN: tuple[str, ...] = (
    "always",
    "judicial",
    "nonjudicial",
    "lender_bought",
    "lender_bought_nonjudicial",
    "owner_occupied",
)
FAIR_VALUE_PATHS: tuple[str, ...] = ("foreclosure", "foreclosure_short_sale")
DEADLINE_UNITS: tuple[str, ...] = ("days", "months", "years")
#: The event a deadline runs from. Only "sale" is a date the scenario has
#: (``sale_date``); the others happen later, so only a lower bound can be shown.
DEADLINE_EVENTS: tuple[str, ...] = (
    "sale",
    "confirmation",
    "deed",
    "ratification",
    "redemption_end",
    "certificate",
)
DEADLINE_PROCESSES: tuple[str, ...] = ("any", "judicial", "nonjudicial")
DEADLINE_SCOPES: tuple[str, ...] = ("all", "dwelling")
PREREQUISITES: tuple[str, ...] = (
    "court_confirmation",
    "deficiency_notice",
    "appraisal",
    "plead_in_complaint",
    "personal_service",
    "separate_action",
    "fmv_hearing",
)
CONFIDENCES: tuple[str, ...] = ("confirmed", "unconfirmed")

# -- auto / personal-property small-balance rules (data/auto_rules.csv) ------------------
AUTO_EFFECTS: tuple[str, ...] = ("no_deficiency", "fmv_credit")
#: What the threshold is compared with. Only "unpaid_balance" and "amount_owing" can be
#: bounded from the scenario (by ``balance``); the others are facts of the original sale.
AUTO_MEASURES: tuple[str, ...] = ("cash_price", "amount_financed", "unpaid_balance", "amount_owing")
AUTO_COMPARISONS: tuple[str, ...] = ("lte", "lt")
AUTO_SCOPES: tuple[str, ...] = (
    "consumer_credit",
    "credit_sale",
    "consumer_loan",
    "retail_installment_sale",
)

STATE_COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "usual_process",
    "nonjudicial_available",
    "bar_nonjudicial",
    "bar_judicial",
    "bar_purchase_money",
    "purchase_money_paths",
    "bar_loans_from",
    "bar_home_equity",
    "max_units",
    "max_acres",
    "short_sale_bar",
    "fair_value",
    "fair_value_when",
    "fair_value_paths",
    "deadline_amount",
    "deadline_unit",
    "deadline_from",
    "deadline_process",
    "deadline_scope",
    "prerequisites",
    "notes",
    "citation",
    "nonjudicial_citation",
    "judicial_citation",
    "purchase_money_citation",
    "home_equity_citation",
    "short_sale_citation",
    "fair_value_citation",
    "deadline_citation",
    "prerequisites_citation",
    "notes_citation",
    "source_url",
    "verified",
    "confidence",
)
AUTO_COLUMNS: tuple[str, ...] = (
    "code",
    "effect",
    "measure",
    "comparison",
    "threshold",
    "scope",
    "citation",
    "source_url",
    "verified",
    "confidence",
)

# -- UCC Article 9: the uniform pinpoints; each state's enacted section and its address come
# from data/ucc_sections.csv through deficiency.rules.ucc (never one state's code for all) -------
UCC_CITE_615 = "UCC § 9-615(a), (d)"
UCC_CITE_615F = "UCC § 9-615(f)"
UCC_CITE_626 = "UCC § 9-626"
UCC_CITE_625 = "UCC § 9-625(c)(2)"
UCC_CITE_616 = "UCC § 9-616"

# -- message ids (translated by the shell) ------------------------------------------------
MSG_CHOOSE_STATE = N_("Choose a state to see whether its law bars or limits this deficiency.")
MSG_ALLOWED = N_(
    "No {state} rule found that bars or reduces this deficiency on these facts; the lender "
    "may pursue it."
)
MSG_BAR_NONJUDICIAL = N_("No deficiency after a trustee (nonjudicial) sale in {state}.")
MSG_BAR_NONJUDICIAL_HOME = N_(
    "No deficiency after a trustee (nonjudicial) sale of a qualifying home in {state}."
)
MSG_BAR_JUDICIAL = N_(
    "No deficiency after a court (judicial) foreclosure of a qualifying home in {state}."
)
MSG_BAR_PURCHASE_MONEY = N_(
    "No deficiency on a loan used to buy a qualifying home in {state} (purchase-money loan)."
)
MSG_BAR_HOME_EQUITY = N_(
    "A {state} home-equity loan carries no personal liability, so no deficiency is owed."
)
MSG_BAR_SHORT_SALE = N_(
    "No deficiency after a lender-approved short sale of a home with up to {units} units "
    "in {state}."
)
MSG_BAR_NOTICE = N_(
    "No deficiency in {state}: the lender did not send the required pre-sale deficiency notice."
)
MSG_FAIR_VALUE = N_(
    "{state} credits you with the property's fair market value instead of the sale price, "
    "which cuts the deficiency by {credit}."
)
MSG_FAIR_VALUE_RULE = N_(
    "{state} limits the deficiency to the debt minus the property's fair market value."
)

MSG_SCOPE: dict[tuple[str, bool, bool], str] = {
    # (scope, has units limit, has acres limit) -> the plain conditions of the rule
    ("dwelling", True, True): N_(
        "The rule covers a home with at most {units} units on at most {acres} acres."
    ),
    ("dwelling", True, False): N_("The rule covers a home with at most {units} units."),
    ("dwelling", False, True): N_("The rule covers property of at most {acres} acres."),
    ("owner_occupied", False, False): N_("The rule covers a home the borrower lives in."),
    ("owner_occupied", True, False): N_("The rule covers a home the borrower lives in."),
    ("owner_occupied", False, True): N_("The rule covers a home the borrower lives in."),
    ("owner_occupied", True, True): N_("The rule covers a home the borrower lives in."),
    ("owner_occupied_dwelling", True, True): N_(
        "The rule covers a home the borrower lives in, with at most {units} units "
        "on at most {acres} acres."
    ),
    ("owner_occupied_dwelling", True, False): N_(
        "The rule covers a home the borrower lives in, with at most {units} units."
    ),
    ("owner_occupied_dwelling", False, True): N_(
        "The rule covers a home the borrower lives in, on at most {acres} acres."
    ),
}

MSG_PROCESS_ASSUMED = {
    "judicial": N_(
        "Foreclosure type not given: assumed a court (judicial) foreclosure, the usual "
        "process in {state}."
    ),
    "nonjudicial": N_(
        "Foreclosure type not given: assumed a trustee (nonjudicial) sale, the usual "
        "process in {state}."
    ),
}
MSG_NONJUDICIAL_UNAVAILABLE = N_(
    "{state} homes are foreclosed in court, so the sale is treated as a judicial foreclosure."
)
MSG_LOAN_DATE = N_(
    "{state} bars this deficiency if a bank or other financial institution made the loan on "
    "or after {date}, you used it to buy the home, lived in it, and never refinanced "
    "({citation}). Without the loan date this tool assumes it may still be owed."
)
MSG_SELLER_FINANCED = N_(
    "If the seller financed your purchase (a note marked as purchase money), {state} bars "
    "any deficiency on that loan ({citation})."
)
MSG_SHORT_WAIVER = N_(
    "In {state} a short-sale deficiency is barred only if the short-sale agreement contains "
    "the lender's signed waiver stating the amount waived ({citation}); otherwise it may be "
    "collected."
)
MSG_SHORT_CANCELLATION = N_(
    "In {state} the lender may not collect the rest after a short sale if it reports the "
    "cancelled debt to the IRS (Form 1099-C) and gives you written evidence of that "
    "({citation})."
)
MSG_SHORT_SALE_ASK = N_(
    "Before closing a short sale, ask for a written waiver of the deficiency in the "
    "lender's approval letter."
)
MSG_DEED_IN_LIEU = N_(
    "After a deed in lieu, whether a deficiency survives depends on the written agreement: "
    "ask for a full release of the debt."
)
MSG_FMV_MISSING = N_(
    "Enter the property's fair market value: {state} limits the deficiency to the debt "
    "minus that value ({citation})."
)
MSG_FAIR_VALUE_DISCRETIONARY = N_(
    "A {state} court may require the lender to credit the property's fair market value "
    "({citation})."
)
MSG_DEADLINE = N_("The lender must seek the deficiency by {deadline} ({citation}).")
MSG_DEADLINE_NEEDS_DATE = N_("Enter the sale date to see the lender's deadline ({citation}).")
MSG_DEADLINE_LATER = {
    "confirmation": N_(
        "The lender's deadline ({citation}) runs from the court's confirmation of the sale, "
        "so it falls no earlier than {deadline}."
    ),
    "deed": N_(
        "The lender's deadline ({citation}) runs from delivery of the deed after the sale, "
        "so it falls no earlier than {deadline}."
    ),
    "ratification": N_(
        "The lender's deadline ({citation}) runs from the court's ratification of the "
        "auditor's report, so it falls no earlier than {deadline}."
    ),
    "redemption_end": N_(
        "The lender's deadline ({citation}) runs from the end of the redemption period, so it "
        "falls no earlier than {deadline}."
    ),
    "certificate": N_(
        "The lender's deadline ({citation}) runs from the clerk's certificate after the sale, "
        "so it falls no earlier than {deadline}."
    ),
}
MSG_DEADLINE_PASSED = N_(
    "The deadline of {deadline} has passed: unless the lender acted in time, it may have "
    "lost the right to a deficiency judgment."
)

MSG_PREREQUISITE = {
    "court_confirmation": N_(
        "The lender needs a court order confirming the sale before it can seek a deficiency "
        "({citation})."
    ),
    "deficiency_notice": N_(
        "The lender must have sent a written pre-sale notice warning you of deficiency "
        "liability ({citation})."
    ),
    "appraisal": N_(
        "A court-ordered appraisal of the property is required, and it can reduce the "
        "deficiency ({citation})."
    ),
    "plead_in_complaint": N_(
        "The lender must have asked for the deficiency in its foreclosure complaint ({citation})."
    ),
    "personal_service": N_(
        "A deficiency judgment requires that you were personally served or appeared in the "
        "case ({citation})."
    ),
    "separate_action": N_(
        "The lender must bring a separate lawsuit for the deficiency ({citation})."
    ),
    "fmv_hearing": N_(
        "You can ask the court to set the property's fair market value; the deficiency is "
        "reduced accordingly ({citation})."
    ),
}

MSG_NOTE = {
    "dwelling_in_use": N_(
        "For loans made after 2014 the {state} protection does not cover a home that was never "
        "finished or never used as a home ({citation})."
    ),
    "seller_financed": N_(
        "If the seller financed your purchase, {state} bars any deficiency on that loan "
        "({citation})."
    ),
    "one_action_rule": N_(
        "{state} has a one-action rule: the lender must generally foreclose on the property "
        "before suing you on the debt ({citation})."
    ),
    "refinance_unclear": N_(
        "Whether a purchase-money protection covers a refinanced loan depends on when and how "
        "it was refinanced; ask a lawyer."
    ),
    "fmv_bid_required": N_(
        "In {state} the lender must bid at least its good-faith estimate of the property's "
        "value; a lower bid is a defense to the deficiency ({citation})."
    ),
    "court_discretion": N_(
        "The court decides whether to enter a deficiency judgment at all ({citation})."
    ),
    "dil_deadline": N_(
        "The one-year limit also runs from the lender's acceptance of a deed in lieu ({citation})."
    ),
    "resale_possible": N_(
        "Instead of refusing confirmation, a {state} court may order a new sale, after which "
        "a deficiency can still be sought ({citation})."
    ),
    "process_varies": N_(
        "Both court and trustee foreclosures are used in {state} and the result can differ: "
        "check which one was used."
    ),
    "redemption_waiver": N_(
        "In {state} a lender can give up the deficiency in exchange for a shorter redemption "
        "period; check whether it did ({citation})."
    ),
    "alternative_procedures": N_(
        "Several {state} foreclosure procedures, such as a voluntary foreclosure, rule out a "
        "deficiency ({citation})."
    ),
    "enforcement_limit": N_(
        "In {state} a deficiency judgment on a farm or a one- or two-family home generally "
        "cannot be enforced after two years ({citation})."
    ),
    "appraisal_waiver": N_(
        "In {state} a sale without an appraisal (under a waiver of appraisal) wipes out the "
        "deficiency ({citation})."
    ),
    "redemption_period": N_(
        "The {state} bar applies when the redemption period was six months or five weeks, as "
        "is usual for homes; a longer redemption period may allow a deficiency ({citation})."
    ),
    "sold_out_junior": N_(
        "A second-mortgage or home-equity lender whose lien was wiped out by another lender's "
        "foreclosure may still sue on its note in {state}."
    ),
    "good_faith_bid": N_(
        "{state} courts review whether the foreclosure price was fair; a very low price can "
        "reduce or defeat the deficiency ({citation})."
    ),
    "trust_indenture_judicial": N_(
        "If the loan was a trust indenture, {state} bars a deficiency even after a court "
        "foreclosure ({citation})."
    ),
    "assignee_cap": N_(
        "If a debt buyer bought the right to collect, {state} caps the deficiency on an "
        "owner-occupied home at what it paid minus the property's value ({citation})."
    ),
    "low_income_nonjudicial": N_(
        "In {state} a lender that uses a nonjudicial foreclosure may not get a deficiency "
        "against a low-income household ({citation})."
    ),
    "nontraditional_loans": N_(
        "{state} also bars deficiencies on some primary-home loans, such as certain high-cost "
        "or nontraditional loans ({citation})."
    ),
    "ag_land": N_(
        "For farm land over 40 acres, {state} limits the deficiency to the debt minus the "
        "land's fair market value ({citation})."
    ),
    "judgment_lapses": N_(
        "In {state} a deficiency on a one- or two-family home becomes unenforceable two years "
        "after the sale is confirmed unless collection started earlier ({citation})."
    ),
    "homestead_election": N_(
        "In {state}, if you tell the lender in time that the home is your homestead and elect "
        "against a deficiency, a power-of-sale foreclosure cannot lead to one ({citation})."
    ),
    "small_purchase_money": N_(
        "{state} also bars deficiencies after a court foreclosure of some small purchase-money "
        "mortgages on a home ({citation})."
    ),
    "materially_less": N_(
        "In {state} the sale price is presumed to be the fair market value; you must prove it "
        "was materially less ({citation})."
    ),
    "pmi_credit": N_(
        "Money the lender received from private mortgage insurance must be credited to you "
        "before it sues ({citation})."
    ),
    "commercial_exceptions": N_(
        "The {state} bar has narrow exceptions for commercial loans (waste, withheld rents or "
        "insurance proceeds) and for guarantors ({citation})."
    ),
    "deficiency_waiver_election": N_(
        "A {state} lender may waive the deficiency in exchange for a shorter wait before the "
        "sale; check the judgment ({citation})."
    ),
}
NOTE_CODES: tuple[str, ...] = tuple(MSG_NOTE)

MSG_UCC_ALLOWED = N_(
    "Under UCC Article 9 the deficiency is what was owed plus the costs of repossession and "
    "sale, minus the sale proceeds; the lender may collect it."
)
MSG_UCC_RELATED_BUYER = N_(
    "The lender or a related buyer bought the collateral, so the deficiency is figured on its "
    "fair market value instead of the low price, which cuts it by {credit}."
)
MSG_UCC_RELATED_NEEDS_FMV = N_(
    "The lender or a related buyer bought the collateral: enter its fair market value, "
    "because the deficiency is then figured on what a proper sale would have brought."
)
MSG_UCC_RELATED_SIGNIFICANT = N_(
    "This applies only if the price was significantly below what a proper sale to an "
    "unrelated buyer would bring; you must show it ({citation})."
)
MSG_UCC_PRESUMPTION = N_(
    "The sale did not follow Article 9 (proper notice and a commercially reasonable sale), "
    "so the deficiency is presumed to be zero."
)
MSG_UCC_CONSUMER_RULE = N_(
    "For consumer loans UCC § 9-626(b) leaves this rule to the courts: most presume the "
    "deficiency is zero or bar it outright, but some only subtract your damages, and the "
    "lender may try to prove that a proper sale would have brought less."
)
MSG_UCC_MIN_DAMAGES = N_(
    "Because the rules were not followed, you may be able to recover at least the finance "
    "charge plus 10% of the loan's principal ({citation})."
)
MSG_AUTO_BAR = {
    ("cash_price", "lte"): N_(
        "In {state} you may owe no deficiency if you bought the goods on credit and their cash "
        "price was {threshold} or less ({citation})."
    ),
    ("amount_financed", "lte"): N_(
        "In {state} you may owe no deficiency if the amount financed was {threshold} or less "
        "({citation})."
    ),
    ("unpaid_balance", "lte"): N_(
        "In {state} you may owe no deficiency if the unpaid balance when you defaulted was "
        "{threshold} or less ({citation})."
    ),
    ("unpaid_balance", "lt"): N_(
        "In {state} you may owe no deficiency if the unpaid balance when you defaulted was "
        "less than {threshold} ({citation})."
    ),
    ("amount_owing", "lte"): N_(
        "In {state} you may owe no deficiency if you owed {threshold} or less when you "
        "defaulted and the credit came from the seller ({citation})."
    ),
}
MSG_AUTO_FMV = N_(
    "In {state}, for a vehicle bought on a dealer installment contract, the deficiency is the "
    "unpaid balance minus the vehicle's fair market value, not the auction price "
    "({citation})."
)
MSG_AUTO_FMV_AMOUNT = N_(
    "In {state}, for a vehicle bought on a dealer installment contract, the deficiency is the "
    "unpaid balance minus the vehicle's fair market value ({citation}); with the value you "
    "entered it would be at most {amount}."
)

MSG_FOLLOW_CREDIT = N_(
    "Because no deficiency is owed, the lender should not report a balance due on your credit "
    "report; dispute it if it does."
)
MSG_FOLLOW_1099C = N_(
    "You may still receive a Form 1099-C for the {amount} of cancelled debt; see the tax section."
)
MSG_FOLLOW_SURPLUS_UCC = N_(
    "The surplus of {amount} belongs to you: the lender must pay it to you ({citation})."
)
MSG_FOLLOW_SURPLUS_MORTGAGE = N_(
    "The surplus of {amount} goes first to any junior lienholders and then to you: claim it "
    "from the trustee or the court."
)
MSG_FOLLOW_EXPLANATION = N_(
    "Before or with its first written demand, the lender must send you an explanation of how "
    "the deficiency was calculated ({citation})."
)
MSG_UNCONFIRMED = N_(
    "We could not fully confirm this state's rule against the statute text, so we "
    "show the cautious reading: the deficiency may be collectible. Ask a local "
    "lawyer or legal aid office."
)

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


class StateLawDataError(DataFileError):
    """A data file that breaks the schema: the message names the line, row and column."""


# -- the rows ------------------------------------------------------------------------------
@dataclass(frozen=True)
class StateRule:
    """One jurisdiction's mortgage deficiency rules, parsed and validated from one row."""

    code: str
    name: str
    usual_process: str
    nonjudicial_available: bool
    bar_nonjudicial: str
    bar_judicial: str
    bar_purchase_money: str
    purchase_money_paths: str
    bar_loans_from: dt.date | None
    bar_home_equity: bool
    max_units: int | None
    max_acres: Decimal | None
    short_sale_bar: str
    fair_value: str
    fair_value_when: str
    fair_value_paths: str
    deadline_amount: int | None
    deadline_unit: str
    deadline_from: str
    deadline_process: str
    deadline_scope: str
    prerequisites: tuple[str, ...]
    notes: tuple[str, ...]
    citation: str
    nonjudicial_citation: str
    judicial_citation: str
    purchase_money_citation: str
    home_equity_citation: str
    short_sale_citation: str
    fair_value_citation: str
    deadline_citation: str
    prerequisites_citation: str
    notes_citation: str
    #: One citation per prerequisite / note, in the same order (the CSV may give one
    #: citation for all, or a ``|``-separated list aligned with the codes).
    prerequisite_citations: tuple[str, ...]
    note_citations: tuple[str, ...]
    source_url: str
    verified: dt.date
    confidence: str


@dataclass(frozen=True)
class AutoRule:
    """A state's consumer-goods (car) deficiency limit beyond the UCC, from auto_rules.csv."""

    code: str
    effect: str
    measure: str
    comparison: str
    threshold_cents: int | None
    scope: str
    citation: str
    source_url: str
    verified: dt.date
    confidence: str


# -- validation ------------------------------------------------------------------------------
class _Row:
    """Typed access to one CSV row that reports where a bad value is."""

    def __init__(self, data: Mapping[str, str], line: int, source: str):
        self.data = {key: (value or "").strip() for key, value in data.items()}
        self.line = line
        self.source = source

    def fail(self, column: str, problem: str) -> StateLawDataError:
        code = self.data.get("code") or "?"
        return StateLawDataError(f"{self.source} line {self.line} ({code}): {column}: {problem}")

    def text(self, column: str, *, required: bool = False) -> str:
        value = self.data.get(column, "")
        if required and not value:
            raise self.fail(column, "is required")
        return value

    def choice(self, column: str, options: tuple[str, ...], *, blank_ok: bool = False) -> str:
        value = self.text(column)
        if blank_ok and not value:
            return ""
        if value not in options:
            raise self.fail(column, f"{value!r} is not one of {', '.join(options)}")
        return value

    def codes(self, column: str, options: Iterable[str]) -> tuple[str, ...]:
        value = self.text(column)
        if not value:
            return ()
        items = tuple(item.strip() for item in value.split(";"))
        allowed = tuple(options)
        for item in items:
            if item not in allowed:
                raise self.fail(column, f"{item!r} is not one of {', '.join(allowed)}")
        if len(set(items)) != len(items):
            raise self.fail(column, "lists a code twice")
        return items

    def date(self, column: str, *, required: bool = False) -> dt.date | None:
        value = self.text(column, required=required)
        if not value:
            return None
        try:
            if len(value) != 10 or value[4] != "-" or value[7] != "-":
                raise ValueError(value)
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(column, f"{value!r} is not an ISO date (YYYY-MM-DD)") from None

    def positive_int(self, column: str) -> int | None:
        value = self.text(column)
        if not value:
            return None
        if not value.isascii() or not value.isdigit() or int(value) <= 0:
            raise self.fail(column, f"{value!r} is not a positive whole number")
        return int(value)

    def positive_decimal(self, column: str) -> Decimal | None:
        value = self.text(column)
        if not value:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise self.fail(column, f"{value!r} is not a number") from None
        if not number.is_finite() or number <= 0:
            raise self.fail(column, f"{value!r} is not a positive number")
        return number

    def aligned(self, column: str, codes: tuple[str, ...]) -> tuple[str, ...]:
        """Citations for ``codes``: one shared by all, or one per code separated by ``|``."""
        parts = tuple(part.strip() for part in self.text(column).split("|")) if codes else ()
        if any(not part for part in parts):
            raise self.fail(column, "has an empty citation")
        if len(parts) == 1:
            return parts * len(codes)
        if len(parts) != len(codes):
            raise self.fail(column, f"gives {len(parts)} citations for {len(codes)} codes")
        return parts

    def url(self, column: str) -> str:
        value = self.text(column, required=True)
        if not value.startswith(("https://", "http://")) or " " in value:
            raise self.fail(column, f"{value!r} is not an http(s) URL")
        return value

    def requires(self, condition: bool, column: str, why: str) -> None:
        """``column`` must be filled when ``condition`` holds and empty otherwise."""
        value = self.text(column)
        if condition and not value:
            raise self.fail(column, f"is required when {why}")
        if not condition and value:
            raise self.fail(column, f"must be empty unless {why}")


def _read_csv(text: str, columns: tuple[str, ...], source: str) -> list[_Row]:
    return [
        _Row(data, line, source)
        for line, data in read_rows(text, source, columns, StateLawDataError)
    ]


def _parse_state_row(row: _Row) -> StateRule:
    code = row.choice("code", STATE_CODES)
    usual = row.choice("usual_process", PROCESSES)
    nonjudicial = row.choice("nonjudicial_available", YES_NO) == "yes"
    if usual == "nonjudicial" and not nonjudicial:
        raise row.fail("usual_process", "is nonjudicial but nonjudicial_available is no")
    bar_nonjudicial = row.choice("bar_nonjudicial", BAR_SCOPES)
    bar_judicial = row.choice("bar_judicial", BAR_SCOPES)
    bar_pm = row.choice("bar_purchase_money", PURCHASE_MONEY_SCOPES)
    pm_paths = row.choice("purchase_money_paths", PURCHASE_MONEY_PATHS, blank_ok=True)
    short_sale = row.choice("short_sale_bar", SHORT_SALE_BARS)
    fair_value = row.choice("fair_value", FAIR_VALUE_KINDS)
    max_units = row.positive_int("max_units")
    max_acres = row.positive_decimal("max_acres")
    deadline_scope = row.choice("deadline_scope", DEADLINE_SCOPES, blank_ok=True)

    if bar_nonjudicial != "none" and not nonjudicial:
        raise row.fail("bar_nonjudicial", "is set but nonjudicial_available is no")
    row.requires(bar_nonjudicial != "none", "nonjudicial_citation", "bar_nonjudicial is set")
    row.requires(bar_judicial != "none", "judicial_citation", "bar_judicial is set")
    row.requires(bar_pm != "none", "purchase_money_paths", "bar_purchase_money is set")
    row.requires(bar_pm != "none", "purchase_money_citation", "bar_purchase_money is set")
    if row.text("bar_loans_from") and bar_pm == "none":
        raise row.fail("bar_loans_from", "must be empty unless bar_purchase_money is set")
    home_equity = row.choice("bar_home_equity", YES_NO) == "yes"
    row.requires(home_equity, "home_equity_citation", "bar_home_equity is yes")
    row.requires(short_sale != "none", "short_sale_citation", "short_sale_bar is set")
    has_fair_value = fair_value != "none"
    row.requires(has_fair_value, "fair_value_when", "fair_value is set")
    row.requires(has_fair_value, "fair_value_paths", "fair_value is set")
    row.requires(has_fair_value, "fair_value_citation", "fair_value is set")
    has_deadline = bool(row.text("deadline_amount"))
    for column in ("deadline_unit", "deadline_from", "deadline_process", "deadline_scope"):
        row.requires(has_deadline, column, "deadline_amount is set")
    row.requires(has_deadline, "deadline_citation", "deadline_amount is set")
    prerequisites = row.codes("prerequisites", PREREQUISITES)
    notes = row.codes("notes", NOTE_CODES)
    row.requires(bool(prerequisites), "prerequisites_citation", "prerequisites are listed")
    row.requires(bool(notes), "notes_citation", "notes are listed")

    uses_dwelling = (
        any(
            scope in ("dwelling", "owner_occupied_dwelling")
            for scope in (bar_nonjudicial, bar_judicial, bar_pm)
        )
        or short_sale == "statute"
        or deadline_scope == "dwelling"
    )
    if uses_dwelling and max_units is None and max_acres is None:
        raise row.fail("max_units", "a dwelling rule needs max_units or max_acres")
    if not uses_dwelling and (max_units is not None or max_acres is not None):
        raise row.fail("max_units", "must be empty unless a rule is limited to a dwelling")

    return StateRule(
        code=code,
        name=row.text("name", required=True),
        usual_process=usual,
        nonjudicial_available=nonjudicial,
        bar_nonjudicial=bar_nonjudicial,
        bar_judicial=bar_judicial,
        bar_purchase_money=bar_pm,
        purchase_money_paths=pm_paths,
        bar_loans_from=row.date("bar_loans_from"),
        bar_home_equity=home_equity,
        max_units=max_units,
        max_acres=max_acres,
        short_sale_bar=short_sale,
        fair_value=fair_value,
        fair_value_when=row.choice("fair_value_when", FAIR_VALUE_WHEN, blank_ok=True),
        fair_value_paths=row.choice("fair_value_paths", FAIR_VALUE_PATHS, blank_ok=True),
        deadline_amount=row.positive_int("deadline_amount"),
        deadline_unit=row.choice("deadline_unit", DEADLINE_UNITS, blank_ok=True),
        deadline_from=row.choice("deadline_from", DEADLINE_EVENTS, blank_ok=True),
        deadline_process=row.choice("deadline_process", DEADLINE_PROCESSES, blank_ok=True),
        deadline_scope=deadline_scope,
        prerequisites=prerequisites,
        notes=notes,
        citation=row.text("citation", required=True),
        nonjudicial_citation=row.text("nonjudicial_citation"),
        judicial_citation=row.text("judicial_citation"),
        purchase_money_citation=row.text("purchase_money_citation"),
        home_equity_citation=row.text("home_equity_citation"),
        short_sale_citation=row.text("short_sale_citation"),
        fair_value_citation=row.text("fair_value_citation"),
        deadline_citation=row.text("deadline_citation"),
        prerequisites_citation=row.text("prerequisites_citation"),
        notes_citation=row.text("notes_citation"),
        prerequisite_citations=row.aligned("prerequisites_citation", prerequisites),
        note_citations=row.aligned("notes_citation", notes),
        source_url=row.url("source_url"),
        verified=row.date("verified", required=True),  # type: ignore[arg-type]
        confidence=row.choice("confidence", CONFIDENCES),
    )


def parse_rules(text: str, source: str = "state_law.csv") -> dict[str, StateRule]:
    """Validate the state table given as CSV text; raise :class:`StateLawDataError` if bad.

    Every row must be complete (citation, source URL, verified date, enumerated values,
    a citation for every rule it sets), and the table must hold exactly the 50 states and
    DC, once each: a missing or doubled jurisdiction is an error, never a silent default.
    """
    rules: dict[str, StateRule] = {}
    for row in _read_csv(text, STATE_COLUMNS, source):
        rule = _parse_state_row(row)
        if rule.code in rules:
            raise row.fail("code", "appears twice")
        rules[rule.code] = rule
    missing = [code for code in STATE_CODES if code not in rules]
    if missing:
        raise StateLawDataError(f"{source}: missing jurisdictions: {', '.join(missing)}")
    return {code: rules[code] for code in STATE_CODES}


def read_rules(path: str | Path) -> dict[str, StateRule]:
    """Read and validate a state table from a file (uncached; see :func:`load_rules`)."""
    file = Path(path)
    return parse_rules(file.read_text(encoding="utf-8"), file.name)


def _parse_auto_row(row: _Row) -> AutoRule:
    effect = row.choice("effect", AUTO_EFFECTS)
    is_bar = effect == "no_deficiency"
    row.requires(is_bar, "measure", "effect is no_deficiency")
    row.requires(is_bar, "comparison", "effect is no_deficiency")
    row.requires(is_bar, "threshold", "effect is no_deficiency")
    threshold = None
    if is_bar:
        amount = row.positive_decimal("threshold")
        try:
            threshold = to_cents(amount)  # type: ignore[arg-type]
        except ValueError:
            raise row.fail("threshold", "has more than 2 decimals") from None
    return AutoRule(
        code=row.choice("code", STATE_CODES),
        effect=effect,
        measure=row.choice("measure", AUTO_MEASURES, blank_ok=not is_bar),
        comparison=row.choice("comparison", AUTO_COMPARISONS, blank_ok=not is_bar),
        threshold_cents=threshold,
        scope=row.choice("scope", AUTO_SCOPES),
        citation=row.text("citation", required=True),
        source_url=row.url("source_url"),
        verified=row.date("verified", required=True),  # type: ignore[arg-type]
        confidence=row.choice("confidence", CONFIDENCES),
    )


def parse_auto_rules(text: str, source: str = "auto_rules.csv") -> dict[str, tuple[AutoRule, ...]]:
    """Validate the auto small-balance table; states without a row get an empty tuple."""
    found: dict[str, list[AutoRule]] = {code: [] for code in STATE_CODES}
    for row in _read_csv(text, AUTO_COLUMNS, source):
        rule = _parse_auto_row(row)
        if any(other.effect == rule.effect for other in found[rule.code]):
            raise row.fail("effect", "appears twice for this state")
        found[rule.code].append(rule)
    return {code: tuple(rules) for code, rules in found.items()}


def read_auto_rules(path: str | Path) -> dict[str, tuple[AutoRule, ...]]:
    """Read and validate an auto-rules table from a file (uncached)."""
    file = Path(path)
    return parse_auto_rules(file.read_text(encoding="utf-8"), file.name)


def _packaged(name: str) -> str:
    return packaged_text(__name__, name)


@functools.lru_cache(maxsize=1)
def load_rules() -> dict[str, StateRule]:
    """The packaged state table, validated once on first use (no I/O at import time)."""
    return parse_rules(_packaged("state_law.csv"))


@functools.lru_cache(maxsize=1)
def load_auto_rules() -> dict[str, tuple[AutoRule, ...]]:
    """The packaged auto small-balance table, validated once on first use."""
    return parse_auto_rules(_packaged("auto_rules.csv"))


# -- dates ----------------------------------------------------------------------------------
def add_period(start: dt.date, amount: int, unit: str) -> dt.date:
    """``start`` plus a statutory period; months and years clamp to the month's last day.

    Why clamp: "3 months after November 30" has no February 30, and courts count to the
    last day of the shorter month (Feb 28, or 29 in a leap year), never into March.
    """
    if unit == "days":
        return start + dt.timedelta(days=amount)
    months = amount if unit == "months" else amount * 12
    if unit not in ("months", "years"):
        raise ValueError(f"unknown unit {unit!r}")
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


# -- the vectorized core --------------------------------------------------------------------
def _as_result(value: Any, like_scalar: bool) -> Any:
    return int(value) if like_scalar else np.asarray(value, dtype=np.int64)


def collectible(
    barred: Any, fair_value: Any, deficiency: Cents, sale_price: Cents, fmv: Cents
) -> tuple[Cents, Cents]:
    """(collectible deficiency, fair-value credit) in cents, for ints or int64 arrays.

    ``barred`` and ``fair_value`` are booleans (or boolean arrays) decided from the law;
    the amounts come from the engine. The fair-value credit is ``max(0, fmv − sale_price)``
    because every fair-value statute here replaces the sale price by the larger of price
    and value: debt − max(FMV, price) = deficiency − max(0, FMV − price). The credit never
    exceeds the deficiency, a barred deficiency is 0, and the result is never negative.
    """
    arrays = (barred, fair_value, deficiency, sale_price, fmv)
    scalar = all(np.ndim(value) == 0 for value in arrays)
    owed = np.maximum(np.asarray(deficiency, dtype=np.int64), 0)
    gap = np.maximum(np.asarray(fmv, dtype=np.int64) - np.asarray(sale_price, dtype=np.int64), 0)
    credit = np.minimum(np.where(fair_value, gap, 0), owed)
    credit = np.where(barred, 0, credit)
    result = np.where(barred, 0, owed - credit)
    return _as_result(result, scalar), _as_result(credit, scalar)


# -- deciding which rule applies ------------------------------------------------------------
@dataclass(frozen=True)
class Decision:
    """What the law says for a scenario, independent of the amounts (so sweeps reuse it)."""

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


def _is_dwelling(rule: StateRule, units: int, acres: Decimal) -> bool:
    return (rule.max_units is None or units <= rule.max_units) and (
        rule.max_acres is None or acres <= rule.max_acres
    )


def _covered(scope: str, rule: StateRule, scenario: Scenario) -> bool:
    dwelling = _is_dwelling(rule, scenario.units, scenario.acres)
    return {
        "none": False,
        "all": True,
        "dwelling": dwelling,
        "owner_occupied": scenario.owner_occupied,
        "owner_occupied_dwelling": scenario.owner_occupied and dwelling,
        "seller_financed": False,
    }[scope]


def _scope_message(scope: str, rule: StateRule) -> Message | None:
    if scope in ("none", "all", "seller_financed"):
        return None
    units = rule.max_units is not None
    acres = rule.max_acres is not None
    if scope != "owner_occupied" and not (units or acres):
        return None
    params = {"units": str(rule.max_units or ""), "acres": _acres_text(rule.max_acres)}
    return Message(MSG_SCOPE[(scope, units, acres)], params)


def _acres_text(acres: Decimal | None) -> str:
    if acres is None:
        return ""
    return format(acres.normalize(), "f")


def _process(rule: StateRule, scenario: Scenario) -> tuple[str, list[Message]]:
    """The foreclosure process to apply, with a warning when it was assumed or corrected."""
    state = {"state": rule.name}
    if scenario.foreclosure is None:
        if rule.nonjudicial_available:
            return rule.usual_process, [Message(MSG_PROCESS_ASSUMED[rule.usual_process], state)]
        return "judicial", []
    if scenario.foreclosure == "nonjudicial" and not rule.nonjudicial_available:
        return "judicial", [Message(MSG_NONJUDICIAL_UNAVAILABLE, state)]
    return scenario.foreclosure, []


def _fair_value_applies(rule: StateRule, scenario: Scenario, process: str) -> bool:
    if rule.fair_value in ("none", "discretionary"):
        return False
    paths = (
        ("foreclosure", "short_sale")
        if rule.fair_value_paths == "foreclosure_short_sale"
        else ("foreclosure",)
    )
    if scenario.path not in paths:
        return False
    return {
        "always": True,
        "judicial": process == "judicial",
        "nonjudicial": process == "nonjudicial",
        "lender_bought": scenario.lender_bought,
        "lender_bought_nonjudicial": scenario.lender_bought and process == "nonjudicial",
        "owner_occupied": scenario.owner_occupied,
    }[rule.fair_value_when]


def _purchase_money_path_ok(rule: StateRule, scenario: Scenario, process: str) -> bool:
    return {
        "all": True,
        "foreclosure": scenario.path == "foreclosure",
        "judicial": scenario.path == "foreclosure" and process == "judicial",
    }.get(rule.purchase_money_paths, False)


def _deadline_applies(rule: StateRule, scenario: Scenario, process: str) -> bool:
    if rule.deadline_amount is None or scenario.path != "foreclosure":
        return False
    if rule.deadline_process not in ("any", process):
        return False
    return rule.deadline_scope != "dwelling" or _is_dwelling(rule, scenario.units, scenario.acres)


def questions_for(rule: StateRule | None, loan: str, path: str) -> tuple[str, ...]:
    """The scenario keys this state's rule depends on for this loan and path.

    Why: the form should ask only what can change the answer. A Texas short sale needs
    only ``home_equity``; a California foreclosure needs the process, purchase-money
    status, occupancy and units; any car loan needs the four Article 9 facts.
    """
    if loan != "mortgage":
        return ("notice_given", "commercially_reasonable", "lender_bought", "fmv")
    if rule is None:
        return ("state",)
    asked: set[str] = set()
    scopes: list[str] = []
    foreclosure = path == "foreclosure"
    if rule.bar_home_equity:
        asked.add("home_equity")
    if rule.bar_purchase_money in ("dwelling", "owner_occupied_dwelling") and (
        rule.purchase_money_paths == "all" or foreclosure
    ):
        asked.add("purchase_money")
        scopes.append(rule.bar_purchase_money)
        if rule.bar_loans_from is not None:
            asked.add("loan_date")  # e.g. Nevada: only loans made on or after 2009-10-01
        if rule.purchase_money_paths == "judicial" and rule.nonjudicial_available:
            asked.add("foreclosure")
    if foreclosure:
        if rule.nonjudicial_available and (
            rule.bar_nonjudicial != "none"
            or rule.bar_judicial != "none"
            or rule.fair_value_when in ("judicial", "nonjudicial", "lender_bought_nonjudicial")
            or rule.deadline_process in ("judicial", "nonjudicial")
        ):
            asked.add("foreclosure")
        scopes += [rule.bar_nonjudicial, rule.bar_judicial]
        if rule.deadline_scope == "dwelling":
            scopes.append("dwelling")
        if rule.deadline_amount is not None:
            asked.add("sale_date")
        if "deficiency_notice" in rule.prerequisites:
            asked.add("notice_given")
    if path == "short_sale" and rule.short_sale_bar == "statute":
        scopes.append("dwelling")
    fv_paths = (
        ("foreclosure", "short_sale")
        if rule.fair_value_paths == "foreclosure_short_sale"
        else ("foreclosure",)
    )
    if rule.fair_value not in ("none", "discretionary") and path in fv_paths:
        asked.add("fmv")
        if rule.fair_value_when in ("lender_bought", "lender_bought_nonjudicial"):
            asked.add("lender_bought")
        if rule.fair_value_when == "owner_occupied":
            asked.add("owner_occupied")
    for scope in scopes:
        if scope in ("owner_occupied", "owner_occupied_dwelling"):
            asked.add("owner_occupied")
        if scope in ("dwelling", "owner_occupied_dwelling"):
            if rule.max_units is not None:
                asked.add("units")
            if rule.max_acres is not None:
                asked.add("acres")
    order = (
        "foreclosure",
        "purchase_money",
        "loan_date",
        "owner_occupied",
        "units",
        "acres",
        "home_equity",
        "lender_bought",
        "fmv",
        "sale_date",
        "notice_given",
    )
    return tuple(key for key in order if key in asked)


def _cite(rule: StateRule, code: str) -> str:
    """The citation the row gives for one prerequisite or note code."""
    if code in rule.prerequisites:
        return rule.prerequisite_citations[rule.prerequisites.index(code)]
    return rule.note_citations[rule.notes.index(code)]


#: Notes that matter whatever the path; every other note is about foreclosure.
NOTES_ANY_PATH: frozenset[str] = frozenset(
    {"seller_financed", "refinance_unclear", "sold_out_junior"}
)
NOTES_DEED_IN_LIEU: frozenset[str] = frozenset({"dil_deadline"})


def _common_warnings(rule: StateRule, scenario: Scenario) -> list[Message]:
    """Prerequisites and caveats of the row that fit the path, each with its citation."""
    out: list[Message] = []
    if scenario.path == "foreclosure":
        for code in rule.prerequisites:
            if code == "fmv_hearing" and rule.fair_value == "none":
                continue
            out.append(Message(MSG_PREREQUISITE[code], {"citation": _cite(rule, code)}))
    for code in rule.notes:
        fits = (
            scenario.path == "foreclosure"
            or code in NOTES_ANY_PATH
            or (scenario.path == "deed_in_lieu" and code in NOTES_DEED_IN_LIEU)
        )
        if fits:
            params = {"state": rule.name, "citation": _cite(rule, code)}
            out.append(Message(MSG_NOTE[code], params))
    return out


def _decide_mortgage(rule: StateRule, scenario: Scenario, loan_date: dt.date | None) -> Decision:
    state = {"state": rule.name}
    process, warnings = _process(rule, scenario)
    if scenario.path != "foreclosure":
        warnings = []  # the foreclosure process is irrelevant to a short sale or deed in lieu
    common = dict(source_url=rule.source_url, confidence=rule.confidence)
    questions = questions_for(rule, scenario.loan, scenario.path)

    def barred(message: str, citation: str, scope: str = "", by_process: bool = False) -> Decision:
        # The process note only matters when the bar depends on the process.
        notes = list(warnings) if by_process else []
        scope_note = _scope_message(scope, rule) if scope else None
        if scope_note is not None:
            notes.append(scope_note)
        params = dict(state)
        if message == MSG_BAR_SHORT_SALE:
            params["units"] = str(rule.max_units)
        return Decision(
            barred=True,
            fair_value=False,
            rule=Message(message, params),
            citation=citation,
            warnings=tuple(notes),
            questions=questions,
            **common,
        )

    # 1. A loan that carries no personal liability at all (Texas home equity).
    if rule.bar_home_equity and scenario.home_equity:
        return barred(MSG_BAR_HOME_EQUITY, rule.home_equity_citation)

    # 2. Purchase-money protection; a date-limited one needs the loan date to apply.
    if (
        rule.bar_purchase_money in ("dwelling", "owner_occupied_dwelling")
        and scenario.purchase_money
        and _covered(rule.bar_purchase_money, rule, scenario)
        and _purchase_money_path_ok(rule, scenario, process)
    ):
        if rule.bar_loans_from is None or (
            loan_date is not None and loan_date >= rule.bar_loans_from
        ):
            by_process = rule.purchase_money_paths == "judicial"
            return barred(
                MSG_BAR_PURCHASE_MONEY,
                rule.purchase_money_citation,
                rule.bar_purchase_money,
                by_process,
            )
        if loan_date is None:
            warnings.append(
                Message(
                    MSG_LOAN_DATE,
                    {**state, "citation": rule.purchase_money_citation},
                    dates={"date": rule.bar_loans_from},
                )
            )
    if rule.bar_purchase_money == "seller_financed" and _purchase_money_path_ok(
        rule, scenario, process
    ):
        warnings.append(
            Message(MSG_SELLER_FINANCED, {**state, "citation": rule.purchase_money_citation})
        )

    # 3. Bars that depend on how the property was sold.
    if scenario.path == "foreclosure":
        if process == "nonjudicial" and _covered(rule.bar_nonjudicial, rule, scenario):
            message = (
                MSG_BAR_NONJUDICIAL if rule.bar_nonjudicial == "all" else MSG_BAR_NONJUDICIAL_HOME
            )
            return barred(message, rule.nonjudicial_citation, rule.bar_nonjudicial, True)
        if process == "judicial" and _covered(rule.bar_judicial, rule, scenario):
            return barred(MSG_BAR_JUDICIAL, rule.judicial_citation, rule.bar_judicial, True)
        if "deficiency_notice" in rule.prerequisites and not scenario.notice_given:
            return barred(MSG_BAR_NOTICE, _cite(rule, "deficiency_notice"), by_process=True)
    elif scenario.path == "short_sale":
        if rule.short_sale_bar == "statute" and _is_dwelling(rule, scenario.units, scenario.acres):
            return barred(MSG_BAR_SHORT_SALE, rule.short_sale_citation)
        cite = {**state, "citation": rule.short_sale_citation}
        if rule.short_sale_bar == "waiver_required":
            warnings.append(Message(MSG_SHORT_WAIVER, cite))
        elif rule.short_sale_bar == "cancellation_reported":
            warnings.append(Message(MSG_SHORT_CANCELLATION, cite))
        warnings.append(Message(MSG_SHORT_SALE_ASK))
    else:
        warnings.append(Message(MSG_DEED_IN_LIEU))

    # 4. Not barred: a fair-value credit may still reduce it.
    fair_value = _fair_value_applies(rule, scenario, process)
    if rule.fair_value == "discretionary" and scenario.path == "foreclosure":
        applies = rule.fair_value_when != "judicial" or process == "judicial"
        if applies:
            warnings.append(
                Message(
                    MSG_FAIR_VALUE_DISCRETIONARY, {**state, "citation": rule.fair_value_citation}
                )
            )
    warnings.extend(_common_warnings(rule, scenario))
    deadline = None
    if _deadline_applies(rule, scenario, process):
        deadline = (
            rule.deadline_amount or 0,
            rule.deadline_unit,
            rule.deadline_from,
            rule.deadline_citation,
        )
    if fair_value:
        return Decision(
            barred=False,
            fair_value=True,
            rule=Message(MSG_FAIR_VALUE_RULE, state),
            credit_rule=Message(MSG_FAIR_VALUE, state),
            citation=rule.fair_value_citation,
            warnings=tuple(warnings),
            deadline=deadline,
            fmv_citation=rule.fair_value_citation,
            questions=questions,
            **common,
        )
    return Decision(
        barred=False,
        fair_value=False,
        rule=Message(MSG_ALLOWED, state),
        citation=rule.citation,
        warnings=tuple(warnings),
        deadline=deadline,
        questions=questions,
        **common,
    )


def _decide_ucc(scenario: Scenario) -> Decision:
    """UCC Article 9 (uniform in every state) for a car or other goods.

    Cited as the state enacted it (``ucc.cite``/``ucc.section``): the reader is sent to the
    state's own code, or to the uniform text where the table has no row for the state.
    """
    questions = questions_for(None, scenario.loan, scenario.path or "repossession")
    state = scenario.state
    if not scenario.notice_given or not scenario.commercially_reasonable:
        # 9-626(a)(3)-(4): the rebuttable presumption that a compliant sale would have
        # brought the whole debt, so the deficiency is zero unless the lender proves less.
        # For consumer transactions 9-626(b) leaves the rule to the courts: marked
        # unconfirmed, and the warning says so.
        return Decision(
            barred=True,
            fair_value=False,
            rule=Message(MSG_UCC_PRESUMPTION),
            citation=ucc.cite(UCC_CITE_626, "9-626", state),
            source_url=ucc.section("9-626", state).url,
            confidence="unconfirmed",
            warnings=(
                Message(MSG_UCC_CONSUMER_RULE),
                Message(MSG_UCC_MIN_DAMAGES, {"citation": ucc.cite(UCC_CITE_625, "9-625", state)}),
            ),
            questions=questions,
        )
    if scenario.lender_bought:
        cite_615f = ucc.cite(UCC_CITE_615F, "9-615", state)
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
        citation=ucc.cite(UCC_CITE_615, "9-615", state),
        source_url=ucc.section("9-615", state).url,
        confidence="confirmed",
        questions=questions,
    )


def decide(scenario: Scenario, *, loan_date: dt.date | None = None) -> Decision:
    """The legal decision for a scenario: which rule applies, before any amount is known.

    ``loan_date`` is the loan's origination date, which the scenario does not (yet) ask;
    a future ``loan_date`` key on the scenario is picked up automatically. Without it a
    date-limited protection (Nevada's 2009 purchase-money rule) is not applied.
    """
    if scenario.state is None:
        return Decision(
            barred=False,
            fair_value=False,
            rule=Message(MSG_CHOOSE_STATE),
            citation="",
            source_url="",
            confidence="unconfirmed",
            questions=("state",),
        )
    if scenario.loan != "mortgage":
        return _decide_ucc(scenario)
    if loan_date is None:
        loan_date = getattr(scenario, "loan_date", None)
    return _decide_mortgage(load_rules()[scenario.state], scenario, loan_date)


# -- the result -----------------------------------------------------------------------------
@dataclass(frozen=True)
class StateLawResult:
    """What state law (or Article 9) makes of the engine's deficiency; amounts in cents."""

    collectible_cents: int
    barred: bool
    fair_value_credit_cents: int
    rule: Message
    citation: str
    source_url: str
    deadline: dt.date | None
    warnings: list[Message] = field(default_factory=list)
    confidence: Confidence = "unconfirmed"
    questions: tuple[str, ...] = ()
    follow_ups: list[Message] = field(default_factory=list)
    #: The caution shown next to an unconfirmed rule; ``None`` when no state's rule was
    #: applied at all (no state chosen), so "choose a state" never meets "this state's
    #: rule could not be confirmed" on the same page.
    caution: Message | None = None

    def as_json(self) -> dict[str, Any]:
        """The JSON section of the report: amounts as strings, English text, ISO dates."""
        return {
            "collectible_deficiency": cents_str(self.collectible_cents),
            "rule": {
                "summary": self.rule.text(),
                "citation": self.citation,
                "source": self.source_url,
            },
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "warnings": [warning.text() for warning in self.warnings],
            "confidence": self.confidence,
        }


def _fmv_cents(scenario: Scenario) -> int | None:
    return None if scenario.fmv is None else to_cents(scenario.fmv)


def _deadline_messages(
    decision: Decision, scenario: Scenario, as_of: dt.date | None
) -> tuple[dt.date | None, list[Message]]:
    if decision.deadline is None:
        return None, []
    amount, unit, event, citation = decision.deadline
    if scenario.sale_date is None:
        return None, [Message(MSG_DEADLINE_NEEDS_DATE, {"citation": citation})]
    earliest = add_period(scenario.sale_date, amount, unit)
    if event != "sale":
        return None, [
            Message(MSG_DEADLINE_LATER[event], {"citation": citation}, dates={"deadline": earliest})
        ]
    messages = [Message(MSG_DEADLINE, {"citation": citation}, dates={"deadline": earliest})]
    if as_of is not None and as_of > earliest:
        messages.append(Message(MSG_DEADLINE_PASSED, dates={"deadline": earliest}))
    return earliest, messages


def _auto_warnings(scenario: Scenario, result: Result) -> list[Message]:
    """State small-balance limits for goods: warnings only (their scope can't be checked)."""
    if scenario.state is None:
        return []
    name = load_rules()[scenario.state].name
    balance = to_cents(scenario.balance)
    out: list[Message] = []
    for rule in load_auto_rules()[scenario.state]:
        params = {"state": name, "citation": rule.citation}
        if rule.effect == "fmv_credit":
            fmv = _fmv_cents(scenario)
            if fmv is None:
                out.append(Message(MSG_AUTO_FMV, params))
            else:
                at_most, _ = collectible(
                    False, True, result.deficiency, to_cents(scenario.sale_price), fmv
                )
                out.append(Message(MSG_AUTO_FMV_AMOUNT, params, money={"amount": at_most}))
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


def assess(scenario: Scenario, result: Result, *, as_of: dt.date | None = None) -> StateLawResult:
    """Apply state law (or Article 9) to the engine's result for the same scenario.

    ``as_of`` (optional, e.g. today) only adds a warning when a computed deadline has
    passed: whether the lender filed in time is not known, so it never changes the amount.
    """
    decision = decide(scenario)
    fmv = _fmv_cents(scenario)
    sale = to_cents(scenario.sale_price)
    owed, credit = collectible(
        decision.barred,
        decision.fair_value and fmv is not None,
        result.deficiency,
        sale,
        fmv or 0,
    )
    rule = decision.rule
    if credit > 0 and decision.credit_rule is not None:
        rule = Message(
            decision.credit_rule.msgid, decision.credit_rule.params, money={"credit": credit}
        )
    warnings = list(decision.warnings)
    state_name = load_rules()[scenario.state].name if scenario.state else ""
    if decision.fair_value and fmv is None:
        if scenario.loan == "mortgage":
            missing = Message(
                MSG_FMV_MISSING, {"state": state_name, "citation": decision.fmv_citation}
            )
        else:
            missing = Message(MSG_UCC_RELATED_NEEDS_FMV)
        # After the note on the assumed foreclosure process, before everything else.
        process_notes = {*MSG_PROCESS_ASSUMED.values(), MSG_NONJUDICIAL_UNAVAILABLE}
        position = sum(1 for warning in warnings if warning.msgid in process_notes)
        warnings.insert(position, missing)
    if scenario.loan != "mortgage" and scenario.state is not None:
        warnings.extend(_auto_warnings(scenario, result))
    deadline: dt.date | None = None
    if owed > 0:
        deadline, deadline_warnings = _deadline_messages(decision, scenario, as_of)
        warnings.extend(deadline_warnings)

    follow_ups: list[Message] = []
    if decision.barred and result.deficiency > 0:
        follow_ups.append(Message(MSG_FOLLOW_CREDIT))
        cancelled = tax_cancelled(scenario, result, decision.barred)
        if cancelled > 0:
            follow_ups.append(Message(MSG_FOLLOW_1099C, money={"amount": cancelled}))
    if result.surplus > 0 and scenario.state is not None:
        if scenario.loan == "mortgage":
            follow_ups.append(
                Message(MSG_FOLLOW_SURPLUS_MORTGAGE, money={"amount": result.surplus})
            )
        else:
            follow_ups.append(
                Message(
                    MSG_FOLLOW_SURPLUS_UCC,
                    {"citation": ucc.cite(UCC_CITE_615, "9-615", scenario.state)},
                    money={"amount": result.surplus},
                )
            )
    if scenario.loan != "mortgage" and scenario.state is not None and owed > 0:
        explanation = ucc.cite(UCC_CITE_616, "9-616", scenario.state)
        follow_ups.append(Message(MSG_FOLLOW_EXPLANATION, {"citation": explanation}))

    return StateLawResult(
        collectible_cents=owed,
        barred=decision.barred and result.deficiency > 0,
        fair_value_credit_cents=credit,
        rule=rule,
        citation=decision.citation,
        source_url=decision.source_url,
        deadline=deadline,
        warnings=warnings,
        confidence=decision.confidence,  # type: ignore[arg-type]
        questions=decision.questions,
        follow_ups=follow_ups,
        caution=(
            Message(MSG_UNCONFIRMED)
            if scenario.state is not None and decision.confidence != "confirmed"
            else None
        ),
    )


def tax_cancelled(scenario: Scenario, result: Result, barred: bool) -> int:
    """The cancelled debt the tax section shows for this decision, in cents.

    Why here: the follow-up about Form 1099-C must name the same amount as the tax section
    (and say nothing when that amount is zero, e.g. a settlement of the whole deficiency,
    or a loan the reader marked as recourse), so it uses the tax module's own rule.
    """
    recourse, _why = resolve_recourse(scenario, barred)
    return int(
        cancelled_for_tax(result.deficiency, result.borrower_owes, recourse, scenario.action)
    )


def sweep(
    scenario: Scenario, *, fmv: np.ndarray | None = None, **axes: np.ndarray
) -> dict[str, np.ndarray]:
    """:func:`deficiency.core.engine.sweep` plus the collectible amount, by the same rule.

    The legal decision does not depend on amounts, so it is made once with
    :func:`decide`; :func:`collectible` then runs over the arrays. ``fmv`` may be swept
    too (cents, int64); otherwise the scenario's value is used.
    """
    figures = engine_sweep(scenario, **axes)
    decision = decide(scenario)
    if "sale_price" in axes:
        sale: Any = np.asarray(axes["sale_price"], dtype=np.int64)
    else:
        sale = to_cents(scenario.sale_price)
    known = fmv is not None or scenario.fmv is not None
    fmv_values: Any = (
        np.asarray(fmv, dtype=np.int64) if fmv is not None else (_fmv_cents(scenario) or 0)
    )
    owed, credit = collectible(
        decision.barred, decision.fair_value and known, figures["deficiency"], sale, fmv_values
    )
    shape = np.broadcast_shapes(np.shape(figures["deficiency"]), np.shape(owed))
    out = {key: np.broadcast_to(value, shape) for key, value in figures.items()}
    out["collectible"] = np.broadcast_to(np.asarray(owed, dtype=np.int64), shape)
    out["fair_value_credit"] = np.broadcast_to(np.asarray(credit, dtype=np.int64), shape)
    return out


# -- the States page ------------------------------------------------------------------------
def map_category(code: str) -> Category:
    """The map colour of a jurisdiction: trustee-sale bar, fair-value credit, or neither."""
    rule = load_rules()[code]
    if rule.bar_nonjudicial != "none":
        return "barred_after_trustee_sale"
    if rule.fair_value in ("debt_minus_fmv", "debt_minus_greater"):
        return "fair_value_credit"
    return "allowed"


#: Warnings of a decision that make the answer turn on a fact the scenario does not hold
#: (a waiver in the agreement, who financed the purchase, when the loan was made...).
_DEPENDS_ON: frozenset[str] = frozenset(
    {
        MSG_SHORT_WAIVER,
        MSG_SHORT_CANCELLATION,
        MSG_LOAN_DATE,
        MSG_SELLER_FINANCED,
        MSG_NOTE["seller_financed"],
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


def _unmet(rule: StateRule, scenario: Scenario, process: str) -> list[Message]:
    """Each protection of the row that does not reach these facts, with the reason.

    Mirrors the tests of :func:`_decide_mortgage` one by one, so the reason given is the
    one that actually kept the protection from applying.
    """
    state = {"state": rule.name}
    case = _case(scenario, process)
    out: list[Message] = []
    path = scenario.path
    foreclosure = path == "foreclosure"

    def miss(protection: str, requirement: str, **extra: Any) -> None:
        named = Message(MSG_PROTECTION[protection], state)
        params = {"protection": named, "case": case}
        out.append(Message(MSG_UNMET[requirement], params, dates=extra))

    def outside(protection: str, scope: str) -> None:
        miss(protection, "scope")
        note = _scope_message(scope, rule)
        if note is not None:
            out.append(note)

    if rule.bar_nonjudicial != "none":
        if not (foreclosure and process == "nonjudicial"):
            miss("trustee_bar", "trustee")
        elif not _covered(rule.bar_nonjudicial, rule, scenario):
            outside("trustee_bar", rule.bar_nonjudicial)
    if rule.bar_judicial != "none":
        if not (foreclosure and process == "judicial"):
            miss("court_bar", "court")
        elif not _covered(rule.bar_judicial, rule, scenario):
            outside("court_bar", rule.bar_judicial)
    if rule.short_sale_bar == "statute":
        if path != "short_sale":
            miss("short_sale", "short_sale")
        elif not _is_dwelling(rule, scenario.units, scenario.acres):
            outside("short_sale", "dwelling")
    if rule.bar_purchase_money in ("dwelling", "owner_occupied_dwelling"):
        if not scenario.purchase_money:
            miss("purchase_money", "purchase_money")
        elif not _purchase_money_path_ok(rule, scenario, process):
            needs = "foreclosure" if rule.purchase_money_paths == "foreclosure" else "court"
            miss("purchase_money", needs)
        elif not _covered(rule.bar_purchase_money, rule, scenario):
            outside("purchase_money", rule.bar_purchase_money)
        elif (
            rule.bar_loans_from is not None
            and scenario.loan_date is not None
            and scenario.loan_date < rule.bar_loans_from
        ):
            miss("purchase_money", "loan_date", date=rule.bar_loans_from)
    if rule.fair_value != "none":
        both = rule.fair_value_paths == "foreclosure_short_sale"
        if path not in (("foreclosure", "short_sale") if both else ("foreclosure",)):
            miss("fair_value", "foreclosure_or_short_sale" if both else "foreclosure")
        elif rule.fair_value_when == "judicial" and process != "judicial" and foreclosure:
            miss("fair_value", "court")
        elif (
            rule.fair_value_when in ("nonjudicial", "lender_bought_nonjudicial")
            and process != "nonjudicial"
            and foreclosure
        ):
            miss("fair_value", "trustee")
        elif (
            rule.fair_value_when in ("lender_bought", "lender_bought_nonjudicial")
            and not scenario.lender_bought
        ):
            miss("fair_value", "lender_bought")
        elif rule.fair_value_when == "owner_occupied" and not scenario.owner_occupied:
            outside("fair_value", "owner_occupied")
    if rule.bar_home_equity and not scenario.home_equity:
        miss("home_equity", "home_equity")
    return out


_SCOPE_IDS: frozenset[str] = frozenset(MSG_SCOPE.values())


def _strength(decision: Decision) -> int:
    """How far a decision protects: 2 barred, 1 a fair-value credit, 0 neither."""
    return 2 if decision.barred else int(decision.fair_value)


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
    process, _notes = _process(rule, here)
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
    decision = _decide_ucc(here)
    if decision.barred:
        return Coverage(code, "yes", (decision.rule,))
    lead = Message(MSG_COVER_NOT_MORTGAGE)
    extra = _auto_warnings(here, result)
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


def rules_as_of(scenario: Scenario) -> dt.date:
    """When the rules behind a scenario were last checked: the state's row, else the latest.

    Shown with every result (pages, handout, case note) so a reader knows how fresh they are.
    """
    rules = load_rules()
    if scenario.state is not None:
        return rules[scenario.state].verified
    return max(rule.verified for rule in rules.values())
