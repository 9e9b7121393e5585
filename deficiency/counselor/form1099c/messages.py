"""Translatable text of the 1099-C reader: box 6 in plain words, each finding's fixed text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from deficiency.text.markers import N_

Severity = Literal["error", "warning", "info"]

# -- message ids: validation ------------------------------------------------------------------
MSG_TEXT = N_("{key}: “{value}” is not allowed. Enter at most {max} characters of plain text.")
MSG_INTEREST_ABOVE = N_(
    "{key}: “{value}” is more than box 2 ({amount}); box 3 shows the interest included in box 2."
)

# -- message ids: box 6 in plain words --------------------------------------------------------
CODE_EXPLANATIONS: dict[str, str] = {
    "A": N_(
        "Code A, bankruptcy: the debt was discharged in a bankruptcy case. Debt cancelled in "
        "a bankruptcy case is not income; you exclude it on Form 982, line 1a."
    ),
    "B": N_(
        "Code B, other judicial debt relief: a court proceeding, such as a receivership or a "
        "court foreclosure, made the debt unenforceable."
    ),
    "C": N_(
        "Code C: the time limit for collecting the debt, or for asking a court for a "
        "deficiency judgment, ran out."
    ),
    "D": N_(
        "Code D, foreclosure election: by choosing to foreclose or repossess, the lender lost, "
        "by law, the right to collect the rest."
    ),
    "E": N_(
        "Code E: a probate proceeding (after a death) or a similar proceeding made the debt "
        "unenforceable."
    ),
    "F": N_(
        "Code F, by agreement: you and the lender agreed to settle the debt for less than the "
        "full amount."
    ),
    "G": N_(
        "Code G: the lender decided, or has a policy, to stop collecting and to cancel the debt."
    ),
    "H": N_(
        "Code H: the lender reports that it actually cancelled the debt before any of the "
        "other events happened, for example in a written release."
    ),
}

# -- message ids: findings ----------------------------------------------------------------------
TITLE_CODE_G = N_("Code G: the debt may not be gone")
TITLE_DUPLICATE = N_("Possible duplicate form")
TITLE_TOTAL = N_("Several forms for one event")
TITLE_INTEREST = N_("Interest in box 2")
TITLE_BOX2 = N_("Box 2 and the cancelled debt")
TITLE_BOX7 = N_("Box 7, fair market value")
TITLE_NONRECOURSE = N_("Not personally liable: no cancelled-debt income")
TITLE_BOX5 = N_("Box 5, personal liability")
TITLE_BANKRUPTCY = N_("Debt discharged in bankruptcy")
TITLE_CODE = N_("Box 6, the identifiable event")
TITLE_YEARS = N_("Different years in box 1")

MSG_CODE_G = N_(
    "A code G form does not by itself prove that the debt is gone. It reports that the lender "
    "decided to stop collecting, but courts disagree on whether the lender, or a buyer of the "
    "debt, may still collect afterwards, and the answer depends on state law. If the debt was "
    "not actually cancelled, it is income only in the year it actually is."
)
ACT_CODE_G = N_(
    "Ask the lender to confirm in writing that the debt is cancelled and will not be collected "
    "or sold. Keep the form and the answer."
)
MSG_DUPLICATE = N_(
    "Form {index} shows the same date and amount as form {original}, so it is counted once. "
    "It may be a duplicate or a corrected form. A co-borrower's own form also shows the whole "
    "amount."
)
ACT_DUPLICATE = N_(
    "Ask the lender whether form {index} replaces form {original} or reports a separate "
    "cancellation."
)
MSG_TOTAL = N_("{count} forms for this event: box 2 adds up to {total}.")
MSG_INTEREST = N_(
    "Box 3 shows {interest} of interest included in box 2. Whether it is income depends on "
    "whether you could have deducted the interest if you had paid it: on a personal loan, "
    "such as a car loan, all of box 2 is income; if the interest would have been deductible "
    "(for example on a business loan), only box 2 minus box 3, {net}, is."
)
MSG_BOX2_HIGHER = N_(
    "Box 2 ({box2}) is {difference} more than the cancelled debt this app computes for your "
    "scenario ({computed}). Payments or credits may be missing from the lender's figure, or "
    "the scenario may not match what happened."
)
MSG_BOX2_LOWER = N_(
    "Box 2 ({box2}) is {difference} less than the cancelled debt this app computes for your "
    "scenario ({computed}). For a loan the lender need not report interest or fees in box 2, "
    "but cancelled debt is income whether or not it is on a form."
)
MSG_BOX2_MATCH = N_("Box 2 matches the cancelled debt this app computes for your scenario.")
MSG_BOX2_UNEXPECTED = N_(
    "This app expects no cancelled debt for your scenario (the lender collects the deficiency), "
    "but the forms report {box2} as cancelled."
)
ACT_BOX2 = N_(
    "If you don't agree with the amount, contact the lender and ask for a corrected form."
)
ACT_BOX2_UNEXPECTED = N_(
    "Ask the lender to confirm in writing that the debt is cancelled, and set the lender's "
    "action in the scenario to forgive or settle to see the tax."
)
MSG_BOX7_BELOW_PRICE = N_(
    "Box 7 ({box7}) is below the price the property sold for ({price}). After a foreclosure "
    "or repossession sale the instructions generally treat the gross bid price as the fair "
    "market value; a lower box 7 raises the cancelled-debt income of a recourse loan by up to "
    "{difference}."
)
MSG_BOX7_DIFFERS = N_(
    "Box 7 ({box7}) differs from the fair market value the tax section uses ({fmv}). For a "
    "recourse loan the fair market value is subtracted from the debt relieved to find the "
    "cancelled-debt income, so keep evidence of the value you use."
)
ACT_BOX7 = N_(
    "Ask the lender how it set the value in box 7, and keep any appraisal or sale record."
)
MSG_NONRECOURSE = N_(
    "You were not personally liable for this debt, or state law bars the lender from "
    "collecting the deficiency, so it is treated as nonrecourse: you have no income from "
    "cancelled debt. The cancelled amount, {amount}, counts in the amount realized on the "
    "sale of the property instead, which can give a gain or a loss."
)
ACT_NONRECOURSE = N_(
    "Do not report box 2 as other income; report the sale instead, and keep the reason (the "
    "state law or your contract) with your tax records. A tax professional can help."
)
MSG_BOX5_UNCHECKED = N_(
    "Box 5 is not checked: the lender reports that you were not personally liable. The tax "
    "section treats the loan as recourse; if the form is right, answer “No” to “Personally "
    "liable for the debt” in the tax details."
)
MSG_BOX5_CHECKED = N_(
    "Box 5 is checked (personally liable), but the tax section treats the debt as "
    "nonrecourse because state law bars the deficiency. Box 5 describes the debt when it was "
    "made; the state-law bar still decides how the cancellation is taxed."
)
ACT_BOX5 = N_("Check your contract and the state-law section, and ask a tax professional.")
MSG_BANKRUPTCY = N_(
    "The debt was discharged in bankruptcy: debt cancelled in a bankruptcy case is not income. "
    "Exclude it on Form 982, line 1a; the excluded amount may reduce tax attributes such as "
    "loss carryovers."
)
ACT_BANKRUPTCY = N_(
    "Attach Form 982 to your return and keep the bankruptcy discharge order with your records."
)
MSG_CODE_DIFFERS = N_(
    "The tax section expected code {expected} for your scenario; the form shows code {code}. "
    "The code says why the lender reports the debt as cancelled."
)
ACT_CODE_DIFFERS = N_("If the code seems wrong, ask the lender why it chose it.")
MSG_YEARS = N_(
    "The forms show different years in box 1 ({years}). Each amount belongs to the tax year "
    "of its event, unless the debt was actually cancelled in another year."
)


# -- the findings' fixed text ---------------------------------------------------------------------
@dataclass(frozen=True)
class FindingText:
    """What a finding always says: severity, heading, explanation, what to do, its sources.

    ``sources`` are bibliography ids; code G's come from its row of form1099c_codes.csv.
    """

    severity: Severity
    title: str
    message: str
    action: str | None
    sources: tuple[str, ...]


FINDINGS: dict[str, FindingText] = {
    "code_g": FindingText("warning", TITLE_CODE_G, MSG_CODE_G, ACT_CODE_G, ()),
    "duplicate": FindingText(
        "warning", TITLE_DUPLICATE, MSG_DUPLICATE, ACT_DUPLICATE, ("i1099ac", "tf_8121")
    ),
    "total": FindingText("info", TITLE_TOTAL, MSG_TOTAL, None, ("i1099ac",)),
    "years_differ": FindingText("info", TITLE_YEARS, MSG_YEARS, None, ("f1099c_debtor",)),
    "interest": FindingText(
        "info", TITLE_INTEREST, MSG_INTEREST, None, ("p17_interest", "f1099c_debtor")
    ),
    "box2_unexpected": FindingText(
        "warning",
        TITLE_BOX2,
        MSG_BOX2_UNEXPECTED,
        ACT_BOX2_UNEXPECTED,
        ("f1099c_debtor", "iba_1099c_g"),
    ),
    "box2_higher": FindingText(
        "warning", TITLE_BOX2, MSG_BOX2_HIGHER, ACT_BOX2, ("f1099c_debtor",)
    ),
    "box2_lower": FindingText(
        "info", TITLE_BOX2, MSG_BOX2_LOWER, ACT_BOX2, ("i1099ac", "f1099c_debtor")
    ),
    "box2_match": FindingText("info", TITLE_BOX2, MSG_BOX2_MATCH, None, ("i1099ac",)),
    "box7_below_price": FindingText(
        "warning", TITLE_BOX7, MSG_BOX7_BELOW_PRICE, ACT_BOX7, ("i1099ac", "pub_4681")
    ),
    "box7_differs": FindingText("info", TITLE_BOX7, MSG_BOX7_DIFFERS, ACT_BOX7, ("pub_4681",)),
    "nonrecourse": FindingText(
        "warning", TITLE_NONRECOURSE, MSG_NONRECOURSE, ACT_NONRECOURSE, ("pub_4681", "pub_544")
    ),
    "box5_checked": FindingText(
        "info", TITLE_BOX5, MSG_BOX5_CHECKED, ACT_BOX5, ("i1099ac", "pub_4681")
    ),
    "box5_unchecked": FindingText(
        "info", TITLE_BOX5, MSG_BOX5_UNCHECKED, ACT_BOX5, ("i1099ac", "pub_4681")
    ),
    "code_differs": FindingText(
        "info", TITLE_CODE, MSG_CODE_DIFFERS, ACT_CODE_DIFFERS, ("i1099ac", "reg_1_6050p_1")
    ),
    "bankruptcy": FindingText(
        "info", TITLE_BANKRUPTCY, MSG_BANKRUPTCY, ACT_BANKRUPTCY, ("pub_4681", "f982")
    ),
}
