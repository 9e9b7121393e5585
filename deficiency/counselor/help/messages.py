"""Translatable text of the help section: resources, notes, relocation, the FHA price check."""

from __future__ import annotations

from deficiency.text.markers import N_

# -- message ids ------------------------------------------------------------------------------
#: The name of each resource (the ``resource`` column).
RESOURCE_NAMES: dict[str, str] = {
    "answer_deadline": N_("If you are served with a lawsuit"),
    "lawhelp": N_("LawHelp.org: free legal aid by state"),
    "lsc": N_("Legal Services Corporation: find legal aid"),
    "hud_counselor": N_("A HUD-approved housing counselor (free)"),
    "hud_phone": N_("HUD housing counseling line"),
    "litc": N_("Low Income Taxpayer Clinic"),
    "vita_scope": N_("Free tax help (VITA/TCE): what it can prepare"),
    "paid_preparer": N_("A paid tax professional"),
    "ftc_mars": N_("FTC: mortgage relief scams"),
    "cfpb_scam": N_("CFPB: report a foreclosure relief scam"),
    "fdic_deed": N_("FDIC: beware of mortgage rescue scams"),
}
#: The explanation of each resource (the ``note`` column).
NOTE_TEXT: dict[str, str] = {
    "answer_deadline": N_(
        "The lender may sue you for what is still owed. If you are served, read the summons "
        "at once: it says how many days you have to file a written answer with the court, "
        "usually 20 to 30 days after you were served, depending on the state and the court. "
        "If you miss it, the lender can get a default judgment without a hearing."
    ),
    "legal_aid_directory": N_(
        "Find free civil legal aid in your state. A lawyer can check whether the deficiency "
        "is allowed at all and, if you are sued, help you answer."
    ),
    "legal_aid_income": N_(
        "Programs funded by the Legal Services Corporation usually help households with "
        "income at or below 125 percent of the federal poverty guidelines."
    ),
    "counselor_free": N_(
        "Foreclosure prevention counseling from a HUD-approved agency is free. A counselor "
        "can review your options (modification, short sale, deed in lieu) and talk to your "
        "servicer with you."
    ),
    "counselor_phone": N_("Call to be connected with a housing counseling agency near you."),
    "litc_help": N_(
        "Clinics represent low-income taxpayers in disputes with the IRS for free or a small "
        "fee, including questions about a Form 1099-C and the insolvency exclusion."
    ),
    "vita_scope": N_(
        "Volunteer tax sites may prepare cancelled-debt returns only for nonbusiness credit "
        "card debt or qualifying main-home mortgage debt. A car loan's Form 1099-C, "
        "insolvency or bankruptcy is outside what they can do."
    ),
    "paid_preparer": N_(
        "For a cancelled debt the volunteer sites cannot handle (a car loan, the insolvency "
        "exclusion on Form 982), use a Low Income Taxpayer Clinic or a paid preparer such as "
        "an enrolled agent or a CPA."
    ),
    "scam_upfront_fee": N_(
        "It is illegal for a company to charge you for mortgage help before you have "
        "accepted a written offer of relief from your lender. Never pay upfront."
    ),
    "scam_red_flags": N_(
        "Warning signs of a foreclosure relief scam: a demand for payment upfront, a promise "
        "that a modification is guaranteed, and a hard sell. Report it to the CFPB."
    ),
    "scam_deed": N_(
        "Never sign over the deed to your home to someone who promises to save it, and make "
        "payments only to your servicer."
    ),
}

#: The proper names of the relocation programs (names, like citations: not translated).
PROGRAM_NAMES: dict[str, str] = {"fannie_mae": "Fannie Mae", "fha": "FHA"}
RELOCATION_PATHS: tuple[str, ...] = ("short_sale", "deed_in_lieu")
#: What each condition code of ``programs_relocation.csv`` means.
CONDITION_TEXT: dict[str, str] = {
    "up_to": N_("This is the most offered; the amount paid can be lower."),
    "case_by_case": N_("Not everyone gets it: the servicer decides case by case."),
    "no_contribution": N_(
        "Not paid if you must contribute money or sign a promissory note for the shortfall."
    ),
    "historical": N_(
        "This amount comes from earlier program rules and could not be confirmed as current."
    ),
    "within_90_days": N_(
        "The full amount only if the sale closes within 90 days of your application; less "
        "after that."
    ),
}
#: One sentence per path, so two figures shown side by side (Compare) each name the path
#: they belong to instead of both claiming "this sale".
MSG_RELOCATION: dict[str, str] = {
    "short_sale": N_(
        "If {program} owns or insures your loan, you may get up to {amount} to help you move "
        "after a short sale."
    ),
    "deed_in_lieu": N_(
        "If {program} owns or insures your loan, you may get up to {amount} to help you move "
        "after a deed in lieu of foreclosure."
    ),
}
MSG_RELOCATION_ASSUMED = N_(
    "Who owns or insures the loan was not given; the figure shown is {program}'s. Your "
    "servicer can tell you which program applies."
)

MSG_PFS_MEETS = N_(
    "The net proceeds of {net} meet FHA's minimum of {minimum} ({percent} percent of the "
    "as-is value of {value}) at this stage of marketing."
)
MSG_PFS_REJECT = N_(
    "At this price the net proceeds of {net} are below FHA's minimum of {minimum} "
    "({percent} percent of the as-is value of {value}): the lender is likely to reject it. "
    "A price of at least {price} would meet the minimum."
)
MSG_PFS_TIER = N_("Days {from_day} to {to_day} on the market: at least {percent} percent.")
MSG_PFS_TIER_OPEN = N_("From day {from_day} on the market: at least {percent} percent.")
MSG_PFS_DAYS_UNKNOWN = N_(
    "Days on the market were not given, so the strictest minimum (the first 30 days) was used."
)
MSG_PFS_NET = N_("Net proceeds are the sale price minus the sale costs you entered.")
MSG_PFS_FHA_ONLY = N_(
    "These minimums are FHA's rules for its pre-foreclosure sale program; other lenders set "
    "their own."
)
MSG_PFS_DEFAULT = N_(
    "FHA's pre-foreclosure sale is for a loan already in default (usually at least one "
    "month behind); ask the servicer whether you qualify."
)
