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
}
