"""Plain-language labels and help text for every field and option code, in one place.

Message ids only (marked with ``N_``): the pages, the PDF handout and the case note all
translate these same ids, so a field is called the same everywhere, in every language.
"""

from __future__ import annotations

from deficiency.text.markers import N_

#: The one "not advice" notice: every page, the handout and the case note say exactly this.
DISCLAIMER = N_(
    "This tool gives general information, not legal or tax advice. "
    "Talk to a lawyer, a HUD-approved housing counselor or a tax professional "
    "about your situation."
)

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "loan": (
        N_("Type of loan"),
        N_("The loan the collateral secured: a home, a car, or other property."),
    ),
    "path": (
        N_("What happened to the collateral"),
        N_("How the home or vehicle was sold or given back."),
    ),
    "balance": (
        N_("Loan balance"),
        N_("The unpaid principal on the day of the sale, without interest or fees."),
    ),
    "interest": (
        N_("Accrued interest"),
        N_("Interest that built up and was not paid before the sale."),
    ),
    "late_fees": (N_("Late fees"), N_("Late charges the lender added to the account.")),
    "legal_fees": (
        N_("Legal and court fees"),
        N_("Attorney, court and trustee fees charged to you."),
    ),
    "sale_costs": (
        N_("Sale costs"),
        N_("Costs of selling: agent commission, auction fees, closing costs."),
    ),
    "holding_costs": (
        N_("Holding costs"),
        N_("Storage, property taxes, insurance, repairs or reconditioning paid by the lender."),
    ),
    "other_fees": (N_("Other fees"), N_("Any other charge listed on the lender's statement.")),
    "sale_price": (
        N_("Sale price"),
        N_("The gross price the home or vehicle sold for, before costs."),
    ),
    "credits": (
        N_("Credits"),
        N_("Insurance or GAP payouts, refunds of unearned charges, anything else credited to you."),
    ),
    "action": (
        N_("What the lender does with the deficiency"),
        N_("Whether the lender pursues the rest, forgives it, or settles for less."),
    ),
    "settlement": (
        N_("Settlement amount"),
        N_("What you pay the lender to settle the deficiency. The rest is cancelled."),
    ),
    "state": (
        N_("State"),
        N_(
            "Where the property is (a home) or where you live (a car loan): state law decides "
            "whether the lender can collect."
        ),
    ),
    "foreclosure": (
        N_("How the foreclosure was done"),
        N_("Judicial: through a court case. Nonjudicial: a trustee sale without a court case."),
    ),
    "purchase_money": (
        N_("The loan paid for the home"),
        N_(
            "Check if this loan was used to buy the home "
            "(not a later refinance or home-equity loan)."
        ),
    ),
    "loan_date": (
        N_("Date the loan was made"),
        N_("Some protections cover only loans made after a given date."),
    ),
    "owner_occupied": (N_("You lived in the home"), N_("Check if the home was where you lived.")),
    "units": (N_("Dwelling units"), N_("How many homes or apartments are on the property.")),
    "acres": (N_("Lot size (acres)"), N_("The size of the land, in acres.")),
    "home_equity": (
        N_("Home-equity loan"),
        N_("Check if this was a home-equity loan (cash out against the home)."),
    ),
    "lender_bought": (
        N_("The lender bought it at the sale"),
        N_("Check if the lender, or someone related to it, bought the property at the sale."),
    ),
    "fmv": (
        N_("Fair market value at the sale"),
        N_(
            "What the property was really worth on the day of the sale (an appraisal). "
            "Leave empty if you do not know."
        ),
    ),
    "sale_date": (
        N_("Date of the sale"),
        N_("The day of the foreclosure sale, short sale closing or vehicle sale."),
    ),
    "notice_given": (
        N_("You got notice before the vehicle sale"),
        N_("The lender must tell you the time and place of the sale beforehand."),
    ),
    "commercially_reasonable": (
        N_("The sale was commercially reasonable"),
        N_(
            "Uncheck if the vehicle was sold in a way that got a poor price (no advertising, "
            "a private deal, a big discount)."
        ),
    ),
    "recourse": (
        N_("Personally liable for the debt"),
        N_(
            "Recourse: you owe the debt yourself. "
            "Normally follows your state's law and the loan type."
        ),
    ),
    "basis": (
        N_("Adjusted basis of the property"),
        N_("What you paid plus improvements, minus depreciation. Needed for gain or loss."),
    ),
    "main_home": (N_("It was your main home"), N_("You owned and lived in it as your main home.")),
    "bankruptcy": (N_("Bankruptcy"), N_("Whether the debt was discharged in a bankruptcy case.")),
    "total_liabilities": (
        N_("Total liabilities just before the cancellation"),
        N_(
            "Everything you owed just before the debt was cancelled (see the insolvency worksheet)."
        ),
    ),
    "total_assets": (
        N_("Total assets just before the cancellation"),
        N_("The fair market value of everything you owned just before the debt was cancelled."),
    ),
    "discharge_date": (
        N_("Date the debt was cancelled"),
        N_("The date on the 1099-C (box 1). Empty: the sale date."),
    ),
    "filing_status": (N_("Filing status"), N_("Your federal income tax filing status.")),
    "taxable_income": (
        N_("Taxable income before the cancelled debt"),
        N_("Your taxable income for the year, after deductions, without the cancelled debt."),
    ),
    # -- issue 15: the gain on the property ---------------------------------------------
    "held_over_one_year": (
        N_("Owned it more than one year"),
        N_(
            "Check if you owned the property for more than one year before the sale. A gain on "
            "it is then a long-term capital gain, taxed at 0%, 15% or 20%; otherwise it is "
            "taxed like wages."
        ),
    ),
    "owned_and_lived_2_of_5": (
        N_("Owned and lived in it 2 of the last 5 years"),
        N_(
            "Check if, in the 5 years before the sale, you owned the home and lived in it as "
            "your main home for at least 2 years (they need not be in a row). Needed to "
            "exclude a gain on your main home."
        ),
    ),
    "prior_home_exclusion": (
        N_("Excluded the gain on another home in the last 2 years"),
        N_(
            "Check if you excluded the gain from selling another main home in the 2 years "
            "before this sale: the main-home exclusion can be used only once in 2 years."
        ),
    ),
    "dofd": (
        N_("Date of first delinquency"),
        N_("The first missed payment that was never made up. The credit-report clock starts here."),
    ),
    "bankruptcy_date": (N_("Bankruptcy filing date"), N_("The day the bankruptcy case was filed.")),
    "extenuating": (
        N_("Extenuating circumstances"),
        N_(
            "A documented event beyond your control (job loss, serious illness, death of a "
            "wage earner) can shorten mortgage waiting periods."
        ),
    ),
    "score": (N_("Credit score before the default"), N_("Roughly where your score was before.")),
    "current_before_sale": (
        N_("All payments on time in the 12 months before the short sale"),
        N_("FHA and USDA may need no waiting period after a short sale if you were current."),
    ),
    "charge_off_date": (
        N_("Charge-off date"),
        N_("When the lender charged off the remaining balance, if it did."),
    ),
    "settlement_date": (N_("Settlement date"), N_("When you settled the deficiency, if you did.")),
    # -- issue 10: second liens, co-borrowers, time around the sale -------------------
    "second_balance": (
        N_("Second mortgage or HELOC balance"),
        N_("What is still owed on a second loan against the same home (0 if none)."),
    ),
    "second_lender_same": (
        N_("Same lender as the first loan"),
        N_("Check if one lender holds both loans."),
    ),
    "second_purchase_money": (
        N_("The second loan helped buy the home"),
        N_("Check if the second loan was part of the purchase (an 80/20 loan, for example)."),
    ),
    "second_made_with_first": (
        N_("Both loans were made together"),
        N_("Made at the same time as the first loan (California's same-lender rule)."),
    ),
    "coborrowers": (
        N_("Other people who signed the loan"),
        N_("Co-borrowers or co-signers: each can be asked to pay the whole deficiency."),
    ),
    "rate": (
        N_("Interest rate on the loan (percent a year)"),
        N_("The note rate, for the cost of waiting."),
    ),
    "dispute_date": (
        N_("Date you sent a credit-report dispute"),
        N_("The bureau has 30 days to investigate from when it gets your dispute."),
    ),
    "investor": (
        N_("Who owns or insures the loan"),
        N_("Fannie Mae or FHA programs can pay relocation help and set short-sale minimums."),
    ),
    "as_is_value": (
        N_("“As is” appraised value"),
        N_("The appraisal the lender ordered for the short sale, if you know it."),
    ),
    "days_marketed": (
        N_("Days the home has been on the market"),
        N_("FHA's minimum net proceeds for a short sale depend on how long it was marketed."),
    ),
    # -- issue 15: facts a state's deficiency rule turns on ----------------------------
    "seller_financed": (
        N_("The seller financed the purchase"),
        N_(
            "Check if you owe this loan to the person who sold you the home, for the rest of "
            "the price. Several states bar any deficiency on such a loan."
        ),
    ),
    "redemption_period": (
        N_("Redemption period after the sale"),
        N_(
            "How long you had to buy the home back after a foreclosure by advertisement, as "
            "the notice or the sheriff's certificate states (Minnesota: 5 weeks, 6 months or "
            "12 months)."
        ),
    ),
    "agricultural": (
        N_("Farm property"),
        N_("Check if the property is farm land used in agricultural production."),
    ),
    "strict_foreclosure": (
        N_("Strict foreclosure (no auction)"),
        N_(
            "Yes if title passed to the lender on the law day without a sale (Connecticut's "
            "strict foreclosure); no if the court ordered a sale. Leave empty if you do not "
            "know."
        ),
    ),
    "sale_confirmed": (
        N_("A court confirmed the sale"),
        N_(
            "Whether a judge confirmed the foreclosure sale after the lender reported it "
            "(Georgia). Leave empty if you do not know."
        ),
    ),
    "liability_kept": (
        N_("You agreed to stay liable after the deed in lieu"),
        N_(
            "Check if, when you gave the deed in lieu, you signed an agreement to remain "
            "personally liable for what the property did not cover."
        ),
    ),
    # -- the lender's letter after a repossession (UCC 9-616) --------------------------
    "lt_obligation": (
        N_("Total owed before the sale (as the letter states)"),
        N_("The aggregate obligation on the letter."),
    ),
    "lt_rebate_included": (
        N_("The letter says a rebate is already included"),
        N_("Check if the letter says the total already reflects a rebate of unearned interest."),
    ),
    "lt_precomputed": (
        N_("Precomputed contract"),
        N_(
            "A contract with the finance charge added up front "
            "(often called a precomputed or add-on interest loan)."
        ),
    ),
    "lt_unearned_interest_rebate": (
        N_("Rebate of unearned interest"),
        N_("The interest refund the letter credits."),
    ),
    "lt_addons": (
        N_("The loan financed add-ons"),
        N_("GAP, a service contract or credit insurance bought with the loan."),
    ),
    "lt_addon_refunds": (
        N_("Refunds of add-on products"),
        N_("GAP, service contract or insurance refunds credited."),
    ),
    "lt_other_credits": (N_("Other credits"), N_("Any other credit on the letter.")),
    "lt_proceeds": (N_("Sale proceeds"), N_("What the vehicle sold for, as the letter states.")),
    "lt_repo_fee": (N_("Repossession fee"), N_("The fee for taking the vehicle.")),
    "lt_storage_days": (N_("Storage days"), N_("How many days of storage were charged.")),
    "lt_storage_rate": (N_("Storage per day"), N_("The daily storage charge.")),
    "lt_reconditioning": (
        N_("Reconditioning or preparation"),
        N_("Repairs and cleaning before the sale."),
    ),
    "lt_auction_fee": (N_("Auction or sale fee"), N_("The auction's fee.")),
    "lt_other_expenses": (N_("Other expenses"), N_("Any other expense on the letter.")),
    "lt_attorney_fees": (N_("Attorney's fees"), N_("Legal fees charged to you.")),
    "lt_late_fees_after_acceleration": (
        N_("Late fees dated after acceleration"),
        N_(
            "Late fees charged after the lender demanded the whole balance (included in the total)."
        ),
    ),
    "lt_stated_deficiency": (
        N_("Deficiency the letter claims"),
        N_("The amount the letter says you owe."),
    ),
    "lt_buyer_related": (
        N_("Sold to the lender or someone related to it"),
        N_(
            "Check if the buyer was the lender, a dealer tied to it, "
            "or another person liable on the loan."
        ),
    ),
    "lt_fmv": (
        N_("What the vehicle was worth"),
        N_("A fair retail or market value, for example from a pricing guide."),
    ),
    "lt_notice_given": (
        N_("You got notice before the sale"),
        N_("Uncheck if no notice of the sale reached you."),
    ),
    "lt_commercially_reasonable": (
        N_("The sale was commercially reasonable"),
        N_("Uncheck if the sale was rushed, private or far below value."),
    ),
    "lt_finance_charge": (
        N_("Finance charge (from the contract)"),
        N_("The Truth in Lending box on the contract."),
    ),
    "lt_principal": (
        N_("Amount financed (principal)"),
        N_("The Truth in Lending box on the contract."),
    ),
    # -- Form 1099-C boxes -----------------------------------------------------------
    "fc_date": (N_("Box 1: date of identifiable event"), N_("As printed on the form.")),
    "fc_amount": (N_("Box 2: amount of debt discharged"), N_("As printed on the form.")),
    "fc_interest": (N_("Box 3: interest, if included in box 2"), N_("As printed on the form.")),
    "fc_description": (N_("Box 4: debt description"), N_("As printed on the form.")),
    "fc_liable": (N_("Box 5: personally liable for repayment"), N_("Is the box checked?")),
    "fc_code": (N_("Box 6: identifiable event code"), N_("A letter from A to H.")),
    "fc_fmv": (N_("Box 7: fair market value of property"), N_("As printed on the form.")),
}

OPTION_LABELS: dict[str, str] = {
    "mortgage": N_("Mortgage (home)"),
    "auto": N_("Auto loan"),
    "other": N_("Other secured loan"),
    "short_sale": N_("Short sale"),
    "foreclosure": N_("Foreclosure"),
    "deed_in_lieu": N_("Deed in lieu of foreclosure"),
    "repossession": N_("Repossession"),
    "voluntary_surrender": N_("Voluntary surrender"),
    "collect": N_("Pursues it (collect)"),
    "forgive": N_("Forgives it (write-off)"),
    "settle": N_("Settles for less"),
    "judicial": N_("Judicial (court)"),
    "nonjudicial": N_("Nonjudicial (trustee sale)"),
    "none": N_("None"),
    "chapter7": N_("Chapter 7"),
    "chapter13": N_("Chapter 13"),
    "single": N_("Single"),
    "married_joint": N_("Married filing jointly"),
    "married_separate": N_("Married filing separately"),
    "head_of_household": N_("Head of household"),
    "surviving_spouse": N_("Qualifying surviving spouse"),
    "680": N_("About 680"),
    "720": N_("About 720"),
    "780": N_("About 780"),
    "fannie_mae": N_("Fannie Mae"),
    "fha": N_("FHA"),
    "five_weeks": N_("5 weeks"),
    "six_months": N_("6 months"),
    "twelve_months": N_("12 months"),
    "__none__": N_("Not known / the usual case"),
    "__yes__": N_("Yes"),
    "__no__": N_("No"),
}


#: Mortgage programs (waiting periods, relocation help).
PROGRAM_LABELS: dict[str, str] = {
    "fannie_mae": N_("Fannie Mae (conventional)"),
    "fha": N_("FHA"),
    "va": N_("VA"),
    "usda": N_("USDA"),
}

#: How sure we are of a state's rule (the States page, the handout, the case note).
CONFIDENCE_LABELS: dict[str, str] = {
    "confirmed": N_("Checked against the statute"),
    "unconfirmed": N_("Not fully confirmed"),
}

#: Field → label only (no help text), for the handout and the case note.
INPUT_LABELS: dict[str, str] = {key: label for key, (label, _help) in FIELD_LABELS.items()}
