"""Translatable text of the letter check: the 9-616(c) lines, each flag's fixed text."""

from __future__ import annotations

from deficiency.core.engine import ITEM_LABELS
from deficiency.text.markers import N_

# -- message ids: validation ----------------------------------------------------------------
MSG_LATE_FEES_ABOVE = N_(
    "{key}: “{value}” is more than the amount owed ({obligation}); late fees are part of that "
    "amount."
)

# -- message ids: the 9-616(c) lines ----------------------------------------------------------
LINE_LABELS: dict[str, str] = {
    "obligation": N_("Amount owed before the sale (as stated)"),
    "proceeds": N_("Sale proceeds"),
    "after_proceeds": N_("Owed after the sale proceeds"),
    "repo_fee": N_("Repossession (retaking)"),
    "storage": N_("Storage"),
    "reconditioning": N_("Preparing the vehicle for sale"),
    "auction_fee": N_("Auction or sale fees"),
    "other_expenses": N_("Other expenses"),
    "attorney_fees": N_("Attorney's fees and legal expenses"),
    "interest_rebate": N_("Rebate of unearned interest"),
    "addon_refunds": N_("Refunds of add-on products (GAP, service contract, credit insurance)"),
    "other_credits": N_("Other credits"),
    "deficiency": ITEM_LABELS["deficiency"],
    "surplus": ITEM_LABELS["surplus"],
}

# -- message ids: the flags ---------------------------------------------------------------------
TITLE_ARITHMETIC = N_("The figures do not add up")
TITLE_SURPLUS = N_("The figures show a surplus")
TITLE_REBATE = N_("No rebate of unearned interest")
TITLE_ADDONS = N_("No refund of add-on products")
TITLE_LATE_FEES = N_("Late fees after acceleration")
TITLE_RELATED = N_("Sold to the lender or a related buyer")
TITLE_NONCOMPLIANT = N_("No proper notice or sale")
TITLE_MIN_DAMAGES = N_("Minimum damages")

MSG_ARITHMETIC_HIGH = N_(
    "The letter claims {stated}, but its own figures add up to {recomputed} (the amount owed, "
    "minus the sale proceeds, plus expenses, minus credits). It asks for {difference} more "
    "than its figures support."
)
MSG_ARITHMETIC_LOW = N_(
    "The letter claims {stated}, but its own figures add up to {recomputed}: {difference} less. "
    "A credit may be missing from the itemization."
)
ASK_ARITHMETIC = N_(
    "Ask the lender for the written explanation the law requires ({citation}): the amount "
    "owed, the sale proceeds, each expense and each credit, in that order, and how they give "
    "the amount claimed."
)
ASK_SURPLUS = N_("Ask the lender when it will pay you the surplus, and in writing.")
MSG_REBATE_MISSING = N_(
    "Your contract is precomputed (the finance charge was added to the balance at the start), "
    "but the letter shows no rebate of unearned interest. When the loan was accelerated, the "
    "interest for the months not yet reached was not earned and should be credited "
    "({citation})."
)
MSG_REBATE_UNKNOWN = N_(
    "The letter shows no rebate of unearned interest. If your contract was precomputed (the "
    "finance charge was added to the balance at the start), the interest for the months after "
    "the loan was accelerated was not earned and should be credited ({citation})."
)
ASK_REBATE = N_(
    "Ask whether the amount owed of {obligation} includes finance charges for months after "
    "the loan was accelerated and, if so, for the rebate. The explanation must say whether the "
    "amount owed reflects a rebate of unearned interest ({citation})."
)
MSG_ADDONS_MISSING = N_(
    "Your loan financed add-on products (such as GAP, a service contract or credit insurance), "
    "but the letter shows no refund. These contracts end with the repossession, and the "
    "unearned part is usually refundable and should reduce the deficiency. The CFPB found that "
    "failing to request or apply these refunds was unfair."
)
MSG_ADDONS_UNKNOWN = N_(
    "The letter shows no refund of add-on products. If your loan financed GAP, a service "
    "contract or credit insurance, the unearned part is usually refundable after a "
    "repossession and should reduce the deficiency."
)
ASK_ADDONS = N_(
    "Ask for a list of the add-on products financed with the loan, whether each was "
    "cancelled, and the refund credited for each."
)
MSG_LATE_FEES = N_(
    "The amount owed includes {amount} of late fees charged after the loan was accelerated. "
    "A late fee is charged on a missed installment; once the whole balance was demanded there "
    "were no installments left to be late, so these fees are often not due."
)
ASK_LATE_FEES = N_(
    "Ask for the date and the installment behind each late fee, and for the removal of every "
    "late fee charged after acceleration."
)
MSG_EXPENSE_CAP = N_(
    "The letter charges {amount}. {state} law limits this charge to {limit} ({citation}), so "
    "{excess} may not be owed. Check in the source when the limit applies."
)
MSG_EXPENSE_BARRED = N_(
    "The letter charges {amount}. {state} law does not allow this charge ({citation}), so "
    "{excess} may not be owed. Check in the source when the rule applies."
)
MSG_EXPENSE_CAP_DAILY = N_(
    "The letter charges {rate} a day for {days} days. {state} law limits this charge to "
    "{limit} a day ({citation}), so {excess} may not be owed. Check in the source when the "
    "limit applies."
)
MSG_EXPENSE_SCREEN = N_(
    "The letter charges {amount}, more than {limit}, the deliberately high screen this app "
    "uses. No published range or legal limit was found for this charge, so it is not "
    "necessarily wrong, but only reasonable expenses may be charged ({citation})."
)
MSG_EXPENSE_SCREEN_DAILY = N_(
    "The letter charges {rate} a day for {days} days, more than {limit} a day, the "
    "deliberately high screen this app uses. No published range or legal limit was found for "
    "this charge, so it is not necessarily wrong, but only reasonable expenses may be charged "
    "({citation})."
)
ASK_EXPENSE = N_(
    "Ask for the invoice behind this charge, who was paid, and whether that company is "
    "related to the lender."
)
MSG_ATTORNEY = N_(
    "The letter charges {amount} of attorney's fees. They may be charged only if your "
    "contract provides for them and the law does not prohibit them, and only if reasonable "
    "({citation})."
)
ASK_ATTORNEY = N_(
    "Ask which clause of your contract allows attorney's fees, and for the lawyer's itemized bill."
)
MSG_RELATED_FMV = N_(
    "The vehicle was sold to the lender or a related buyer for {proceeds}. If that is "
    "significantly below what a proper sale to an unrelated buyer would bring, the deficiency "
    "is figured on that price instead ({citation}). With the value you entered, {fmv}, it "
    "would be {deficiency} instead of {recomputed}: {reduction} less. You must show that the "
    "price was significantly low, and a retail value is usually more than a proper sale brings."
)
MSG_RELATED_NEEDS_FMV = N_(
    "The vehicle was sold to the lender or a related buyer. If the price was significantly "
    "below what a proper sale to an unrelated buyer would bring, the deficiency is figured on "
    "that price instead ({citation}). Enter the vehicle's value to see the difference."
)
MSG_RELATED_NOT_LOW = N_(
    "The vehicle was sold to the lender or a related buyer, but the value you entered ({fmv}) "
    "is not above the price ({proceeds}), so this rule would not change the deficiency "
    "({citation})."
)
ASK_RELATED = N_(
    "Ask who bought the vehicle, for how much, and how the lender checked that the price was "
    "fair (auction results or dealer price guides)."
)
MSG_NONCOMPLIANT = N_(
    "The lender did not send a proper notice of the sale or did not sell in a commercially "
    "reasonable way. Courts then often bar the deficiency or presume that a proper sale would "
    "have paid the whole debt, so the deficiency of {deficiency} could be cut to zero unless "
    "the lender "
    "proves that a proper sale would have brought less ({citation}). For consumer loans the "
    "UCC leaves the rule to the courts ({consumer_citation}): some only subtract your damages."
)
ASK_NONCOMPLIANT = N_(
    "Ask for a copy of the notice of sale and proof of when it was sent, and for the details "
    "of the sale: date, place, method, buyer and price."
)
MSG_MIN_DAMAGES = N_(
    "Because the rules were not followed, you may be able to recover at least the finance "
    "charge plus 10 percent of the principal: {finance_charge} + {ten_percent} = {damages} "
    "({citation}). This minimum applies to consumer goods, once per loan."
)
MSG_MIN_DAMAGES_NEEDS = N_(
    "Because the rules were not followed, you may be able to recover at least the finance "
    "charge plus 10 percent of the principal ({citation}). Enter both from your contract to "
    "see the figure."
)
ASK_MIN_DAMAGES = N_(
    "Keep your contract (the finance charge and the amount financed are in its Truth in "
    "Lending box) and talk to a consumer lawyer or legal aid about a claim or counterclaim."
)

#: The heading of each expense item's flag.
ITEM_TITLES: dict[str, str] = {
    "repo_fee": LINE_LABELS["repo_fee"],
    "storage_rate": LINE_LABELS["storage"],
    "reconditioning": LINE_LABELS["reconditioning"],
    "auction_fee": LINE_LABELS["auction_fee"],
    "other_expenses": LINE_LABELS["other_expenses"],
    "attorney_fees": LINE_LABELS["attorney_fees"],
}
