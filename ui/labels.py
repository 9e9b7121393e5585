"""Plain-language labels and help text for every scenario field and option code.

Message ids only (marked with ``N_``); pages translate them with ``_`` when drawing.
"""

from __future__ import annotations

from deficiency.markers import N_

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
    "__none__": N_("Not known / the usual case"),
    "__yes__": N_("Yes"),
    "__no__": N_("No"),
}
