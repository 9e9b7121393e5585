"""Translatable text of the tax section: box 6 codes, the path and liability steps, notes."""

from __future__ import annotations

from deficiency.text.markers import N_, Message

VITA_URL = "https://www.irs.gov/vita"
VITA_PHONE = "800-906-9887"

EVENT_CODES: dict[str, str] = {
    "A": N_("Bankruptcy"),
    "B": N_("Other judicial debt relief"),
    "C": N_("Statute of limitations or expiration of deficiency period"),
    "D": N_("Foreclosure election"),
    "E": N_("Debt relief from probate or similar proceeding"),
    "F": N_("By agreement"),
    "G": N_("Decision or policy to discontinue collection"),
    "H": N_("Other actual discharge before identifiable event"),
}

#: The box 6 sentence for each code, for the step list (whole sentences translate well).
BOX6_STEPS: dict[str, str] = {
    "A": N_("Box 6 (identifiable event) is usually code A, bankruptcy."),
    "B": N_(
        "Box 6 (identifiable event) is usually code B, other judicial debt relief: a court "
        "proceeding made the debt unenforceable."
    ),
    "C": N_(
        "Box 6 (identifiable event) is usually code C: the statute of limitations or the "
        "deficiency period expired."
    ),
    "D": N_(
        "Box 6 (identifiable event) is usually code D, foreclosure election: by choosing to "
        "foreclose or repossess, the lender lost the right to collect the rest."
    ),
    "E": N_("Box 6 (identifiable event) is usually code E, probate or a similar proceeding."),
    "F": N_(
        "Box 6 (identifiable event) is usually code F, by agreement: you and the lender agreed "
        "to settle the debt for less."
    ),
    "G": N_(
        "Box 6 (identifiable event) is usually code G: the lender decided, or has a policy, to "
        "stop collecting."
    ),
    "H": N_("Box 6 (identifiable event) is usually code H, another actual discharge."),
}


STATE_TAX_NOTE = Message(
    N_(
        "State income tax is not estimated. Your state may tax cancelled debt differently "
        "from the federal rules (some do not follow the main-home exclusion)."
    )
)
PROFESSIONAL_NOTE = Message(
    N_(
        "This is an estimate, not tax advice. Talk to a tax professional before you file. "
        "Free help: IRS Volunteer Income Tax Assistance (VITA) and Tax Counseling for the "
        "Elderly (TCE), {url} or {phone}."
    ),
    {"url": VITA_URL, "phone": VITA_PHONE},
)

PATH_STEPS: dict[str, str] = {
    "short_sale": N_(
        "Short sale: you sell the property yourself and the lender is paid from the sale. "
        "The sale price is the amount realized; a shortfall the lender forgives is "
        "cancelled debt."
    ),
    "foreclosure": N_(
        "Foreclosure: for tax purposes the property is treated as sold, and the worksheet "
        "for foreclosures and repossessions in IRS Publication 4681 applies."
    ),
    "deed_in_lieu": N_(
        "Deed in lieu of foreclosure: handing the property to the lender is an exchange of "
        "the property to pay the debt, figured like a foreclosure."
    ),
    "repossession": N_(
        "Repossession: for tax purposes the property is treated as sold, and the worksheet "
        "for foreclosures and repossessions in IRS Publication 4681 applies."
    ),
    "voluntary_surrender": N_(
        "Voluntary surrender: returning the property yourself is treated as a repossession, "
        "that is, as a sale."
    ),
}
RECOURSE_STEPS: dict[tuple[bool, str], str] = {
    (True, "user"): N_("The loan is treated as recourse, as you said: you were personally liable."),
    (False, "user"): N_(
        "The loan is treated as nonrecourse, as you said: you were not personally liable."
    ),
    (True, "state"): N_(
        "The loan is treated as recourse: state law lets the lender collect a deficiency, "
        "so you were personally liable."
    ),
    (False, "state"): N_(
        "The loan is treated as nonrecourse: state law bars the lender from collecting a "
        "deficiency, so you were not personally liable for the shortfall."
    ),
    (True, "default"): N_(
        "The loan is treated as recourse (you were personally liable), the usual case. If "
        "you were not, answer “No” to “Personally liable for the debt” in the tax details."
    ),
}
