"""The sentences of state law: every message id the rules can show, translated by the shell.

Message ids only (marked with ``N_``), with ``{placeholders}`` filled by
:class:`deficiency.text.markers.Message`: the pages, the handout and the case note render
them in the reader's language. Each group below belongs to one step of the decision
(:mod:`.decide`), the deadlines (:mod:`.deadlines`), Article 9 (:mod:`.goods`) or the
follow-ups (:mod:`.assess`); the States page's own sentences are in :mod:`.coverage`.
"""

from __future__ import annotations

import datetime as dt

from deficiency.text.markers import N_

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
MSG_BAR_SELLER_FINANCED = N_(
    "No deficiency in {state} on a loan from the seller for the rest of the purchase price "
    "(a seller-financed purchase-money loan)."
)
MSG_BAR_DEED_IN_LIEU = N_(
    "No deficiency after a deed in lieu in {state}: when the lender accepts the deed, everyone "
    "liable on the loan, guarantors included, is released, unless they agreed in writing at "
    "the same time to stay liable."
)
MSG_BAR_NOT_CONFIRMED = N_(
    "No deficiency in {state}: the court did not confirm the sale, and without its "
    "confirmation no deficiency is allowed."
)
MSG_BAR_CONFIRMATION_VALUE = N_(
    "No deficiency in {state}: the sale brought less than the property's market value, so the "
    "court may not confirm it, and without confirmation no deficiency is allowed."
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
MSG_HALF_CREDIT = N_(
    "{state} credits you with half of the amount by which the court's appraisal exceeds the "
    "sale price, which cuts the deficiency by {credit}."
)
MSG_HALF_RULE = N_(
    "After a foreclosure by sale, {state} credits half of the amount by which the court's "
    "appraisal exceeds the sale price."
)

MSG_SCOPE: dict[tuple[str, bool, bool], str] = {
    ("short_redemption", False, False): N_(
        "The rule covers a foreclosure by advertisement with a redemption period of six months "
        "or five weeks."
    ),
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
MSG_DIL_KEPT = N_(
    "You agreed in writing to stay liable when you gave the deed in lieu, so {state}'s release "
    "does not apply ({citation})."
)
MSG_REDEMPTION_ASK = N_(
    "In {state} no deficiency is allowed after a foreclosure by advertisement with a six-month "
    "or five-week redemption period, the usual periods for a home; with a 12-month period it "
    "is allowed. Enter the redemption period stated in the sheriff's certificate ({citation})."
)
MSG_REDEMPTION_LONG = N_(
    "With a 12-month redemption period {state}'s no-deficiency rule does not apply, so the "
    "lender may seek the deficiency ({citation})."
)
MSG_CONFIRMATION_RULE = N_(
    "In {state} a deficiency needs the court's confirmation that the sale brought the "
    "property's true market value; a court may not confirm a sale below that value ({citation})."
)
MSG_CONFIRMATION_FMV_MISSING = N_(
    "Enter the property's fair market value: in {state} a sale that brought less than it cannot "
    "be confirmed, and then no deficiency is allowed ({citation})."
)
MSG_CONFIRMED = N_(
    "The court confirmed the sale, so it found the price was the property's true market value: "
    "the deficiency is the debt minus the sale price ({citation})."
)
MSG_STRICT_ASK = N_(
    "Was it a strict foreclosure (title passed to the lender on the law day) or a foreclosure "
    "by sale? This assumes a sale; after a strict foreclosure {state} credits the property's "
    "full value as the court sets it, not half the shortfall below the appraisal ({citation})."
)
MSG_HALF_CREDIT_MOVER = N_(
    "The half credit applies against the party on whose motion the court ordered the sale, "
    "usually the foreclosing lender ({citation})."
)
MSG_FMV_MISSING_HALF = N_(
    "Enter the court's appraisal as the fair market value: after a foreclosure by sale {state} "
    "credits half of the amount by which it exceeds the sale price ({citation})."
)
MSG_STRICT_VALUATION = N_(
    "After a strict foreclosure no sale takes place: enter the court's valuation of the "
    "property as the fair market value and 0 as the sale price ({citation})."
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
MSG_DEADLINE_REPORT = N_(
    "The lender had to report the sale to the court for confirmation by {deadline} "
    "({citation}); without that report no deficiency is allowed."
)
MSG_ENFORCEMENT_LATER = N_(
    "A deficiency judgment here can no longer be enforced once the period that runs from the "
    "court's confirmation of the sale ends ({citation}), unless collection started earlier: "
    "no earlier than {deadline}."
)
MSG_REQUEST_DEADLINE = N_(
    "To get the fair-value credit you must apply to the court by {deadline} ({citation})."
)
MSG_REQUEST_NEEDS_DATE = N_(
    "Enter the sale date to see your deadline to apply for the fair-value credit ({citation})."
)
MSG_REQUEST_PASSED = N_(
    "Your deadline to apply for the fair-value credit was {deadline}: unless you applied in "
    "time, the sale price may count instead."
)
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
        "The property must be appraised under the court's rules before the sale or the "
        "deficiency judgment ({citation})."
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
    "fmv_request": N_(
        "The fair-value credit applies only if you ask for it (in your answer to the lender's "
        "suit or by your own application to the court); otherwise the sale price counts "
        "({citation})."
    ),
    "request_before_confirmation": N_(
        "The lender must have asked for a deficiency judgment before the court confirmed the "
        "sale; if it did not, it has given the deficiency up ({citation})."
    ),
}

MSG_NOTE = {
    "dwelling_in_use": N_(
        "For loans made after 2014 the {state} protection does not cover a home that was never "
        "finished or never used as a home ({citation})."
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
    "sold_out_junior": N_(
        "A second-mortgage or home-equity lender whose lien was wiped out by another lender's "
        "foreclosure may still sue on its note in {state}."
    ),
    "good_faith_bid": N_(
        "{state} courts review whether the foreclosure price was fair; a very low price can "
        "reduce or defeat the deficiency ({citation})."
    ),
    "trust_indenture_judicial": N_(
        "If the loan was a trust indenture (deed of trust) on a single-family home, {state} bars a "
        "deficiency even after a court foreclosure ({citation})."
    ),
    "assignee_cap": N_(
        "If a debt buyer bought the right to collect, {state} caps the deficiency on an "
        "owner-occupied home at what it paid minus the property's value ({citation})."
    ),
    "low_income_nonjudicial": N_(
        "In {state} no deficiency may be sought, in or out of court, under a deed of trust "
        "securing a home loan made to a low-income household (income at or below 80 percent "
        "of the area median when the loan was made, deeds of trust signed on or after "
        "April 2, 2007), nor reported to credit bureaus ({citation})."
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
        "{state} also bars a deficiency after a court foreclosure of a mortgage given after "
        "{since} to a lender other than the seller for up to {limit} of the price of a "
        "single-family home you used as a residence, or when one seller or lender holds several "
        "mortgages that financed your home ({citation})."
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
        "The {state} bar has narrow exceptions, only for commercial loans made after June 11, "
        "1998: waste or withheld rents, insurance or condemnation money when the lender or an "
        "affiliate bought and the property was not the borrower's principal residence, and "
        "guarantors who were sent the required notices; such a suit must be brought within a "
        "year of the sale ({citation})."
    ),
    "refinance_2013": N_(
        "A refinance of the loan that bought your home keeps this protection if it was made on or "
        "after January 1, 2013, except for any new money taken out; an earlier refinance does not "
        "({citation})."
    ),
    "ag_fmv_action": N_(
        "For farm property in {state} the lender must sue for the deficiency and have the "
        "property's fair market value determined within 90 days after the sale ({citation})."
    ),
    "market_sale": N_(
        "After a foreclosure by market sale the half-credit rule does not apply; how the "
        "deficiency is then figured could not be confirmed ({citation})."
    ),
    "short_sale_unread": N_(
        "{state} law may treat a lender-approved short sale of a home as full payment "
        "({citation}); we could not read its text, so the rest is shown as possibly owed. Ask "
        "a lawyer."
    ),
    "nonjudicial_lenders": N_(
        "In {state} a sale out of court under this law is open only to banks, savings and "
        "loan associations and mortgage companies, and not for land used mainly for farming; "
        "other loans are foreclosed in court, where this fair-value limit does not apply "
        "({citation})."
    ),
    "value_proof_required": N_(
        "In a court foreclosure in {state}, a lender that bids less than the debt must prove the "
        "property's value at trial, or the sale may satisfy the whole debt ({citation})."
    ),
    "deficiency_waiver_election": N_(
        "A {state} lender may waive the deficiency in exchange for a shorter wait before the "
        "sale; check the judgment ({citation})."
    ),
}
#: Figures a note states, kept out of its sentence so Babel writes them in the reader's format
#: (amounts in cents, dates): Oregon's small purchase-money bar, Or. Rev. Stat. § 88.103(1)(b).
NOTE_FIGURES: dict[str, tuple[dict[str, int], dict[str, dt.date]]] = {
    "small_purchase_money": ({"limit": 5_000_000}, {"since": dt.date(1975, 9, 13)}),
}

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
MSG_UCC_CONSUMER_INCLUDED = N_(
    "Unlike the uniform text, {citation} has no exception for consumer loans: this rule "
    "applies to yours too, though the lender may still try to prove that a proper sale would "
    "have brought less."
)
MSG_UCC_MIN_DAMAGES = N_(
    "Because the rules were not followed, you may be able to recover at least the finance "
    "charge plus 10 percent of the loan's principal ({citation})."
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

MSG_AUTO_FMV_LOAN = N_(
    "In {state}, after a consumer finance loan of {threshold} or more, the lender may recover "
    "only the unpaid balance minus the collateral's fair market value, not the auction price "
    "({citation})."
)
MSG_AUTO_FMV_LOAN_AMOUNT = N_(
    "In {state}, after a consumer finance loan of {threshold} or more, the lender may recover "
    "only the unpaid balance minus the collateral's fair market value ({citation}); with the "
    "value you entered it would be at most {amount}."
)
MSG_AUTO_UNREASONABLE_BAR = N_(
    "In {state}, if you bought the goods on consumer credit, no deficiency may be collected "
    "at all unless they were sold in good faith and in a commercially reasonable way "
    "({citation})."
)

MSG_FOLLOW_CREDIT = N_(
    "Because no deficiency is owed, the lender should not report a balance due on your credit "
    "report; dispute it if it does."
)
MSG_FOLLOW_1099C = N_(
    "You may still receive a Form 1099-C for the {amount} of cancelled debt; see the tax section."
)
MSG_FOLLOW_1099C_NONRECOURSE = N_(
    "A Form 1099-C may still come for the {amount} the lender cannot collect; on a loan "
    "treated as nonrecourse it is not income. See the tax section."
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
#: The caution beside a deficiency presumed zero because the lender broke the rules of the
#: sale: the figure shown is not the cautious reading, so the caution says what could change it.
#: The same where the state's own 9-626 covers consumer loans too (Ohio): no "courts differ".
MSG_UNCONFIRMED_PRESUMPTION_ENACTED = N_(
    "The {amount} rests on a presumption the lender may try to rebut. Do not rely on it "
    "without asking a local lawyer or legal aid office."
)
MSG_UNCONFIRMED_PRESUMPTION = N_(
    "The {amount} rests on a presumption the lender may try to rebut, and for consumer loans "
    "courts do not all apply it the same way. Do not rely on it without asking a local "
    "lawyer or legal aid office."
)
#: The parts of a state's row whose primary text could not be read, said on screen.
MSG_UNCONFIRMED_PART = {
    "absence": N_(
        "We found no {state} statute that bars or limits this deficiency, but could not rule "
        "one out from the primary text."
    ),
    "nonjudicial": N_(
        "We could not read what {state} law says about a deficiency after a trustee "
        "(nonjudicial) sale, so the cautious reading is shown."
    ),
    "fair_value": N_(
        "We could not read the full current text of {state}'s fair-value rule; the amounts "
        "follow the court decisions and secondary sources."
    ),
    "deadline": N_(
        "We could not read the statute text of {state}'s time limit; it comes from secondary "
        "sources or older text."
    ),
    "short_sale": N_(
        "We could not read the text of {state}'s short-sale rule, so the cautious reading is shown."
    ),
    "note": N_(
        "One of the {state} caveats shown here comes from secondary sources or a section's "
        "heading: we could not read its full text."
    ),
}
