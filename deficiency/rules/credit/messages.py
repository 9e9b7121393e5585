"""Translatable text of the credit section (message ids), and the FCRA citations it names.

All prose is returned as :class:`~deficiency.text.markers.Message` objects with these ids;
the data files hold codes, numbers and citations only.
"""

from __future__ import annotations

from deficiency.text.markers import N_

# -- plain-language texts (message ids) ------------------------------------------------------
#: What each Metro 2 Account Status code used here means, in plain words.
STATUS_TEXT: dict[str, str] = {
    "13": N_("Paid or closed, zero balance"),
    "61": N_("Paid in full, was a voluntary surrender"),
    "62": N_("Paid in full, was a collection account"),
    "63": N_("Paid in full, was a repossession"),
    "64": N_("Paid in full, was a charge-off"),
    "65": N_("Paid in full; a foreclosure had been started"),
    "84": N_("180 days or more past due"),
    "89": N_("Deed given back in lieu of foreclosure; there may be a balance due"),
    "93": N_("Sent to collection, by the lender itself or a collection agency"),
    "94": N_("Foreclosure completed; there may be a balance due"),
    "95": N_("Voluntarily surrendered; there may be a balance due"),
    "96": N_("Repossessed; there may be a balance due"),
    "97": N_("Unpaid balance written off as a loss (charge-off)"),
}
#: What each Metro 2 Special Comment code used here means, in plain words.
COMMENT_TEXT: dict[str, str] = {
    "AU": N_("Paid in full for less than the full balance"),
    "CM": N_("Collateral released by the lender; a balance is still owed"),
    "DE": N_("Debt extinguished under state law"),
}

#: What has to happen for the account to move to a later step (the outcome table's
#: ``condition``), completing "Later, if …".
CONDITION_TEXT: dict[str, str] = {
    "charged_off": N_("the lender writes the remaining balance off as a loss (a charge-off)"),
    "collection": N_(
        "the lender sends the remaining balance to collection, its own or a collection agency"
    ),
    "paid": N_("you pay the remaining balance in full"),
    "settled": N_("you settle the remaining balance for less than the full amount"),
}
#: Where a step stands: already happened, the status now, or a possible later step.
WHEN_EARLIER = N_("Earlier")
WHEN_NOW = N_("Now (most likely)")
WHEN_LATER = N_("Later, if {condition}")
WHEN_LATER_AFTER = N_("Later, after code {code}, if {condition}")
#: One step as a sentence: "Later, if …: Unpaid balance written off … (code 97)".
MSG_STEP = N_("{when}: {text} (code {code})")

MSG_VARIES = N_(
    "How this is reported varies by lender: these are the usual codes, not a certainty. "
    "Check what your lender actually reports."
)
MSG_NO_SHORT_SALE_CODE = N_(
    "There is no credit-report code for a short sale; lenders use other codes, and reports "
    "often describe it as “settled for less than the full balance”."
)
MSG_CODE_65 = N_(
    "If a foreclosure had been started before the short sale, the lender may report code 65 "
    "(paid in full; a foreclosure had been started) instead of 13."
)
MSG_CHARGE_OFF_TIMING = N_(
    "Code 97 (charge-off) should only appear after the sale and after you had a chance to pay "
    "the remaining balance."
)
MSG_CHARGE_OFF_VARIES = N_(
    "Whether and when the lender switches the remaining balance to a charge-off (code 97) "
    "varies by lender."
)
MSG_FORGIVEN = N_(
    "A forgiven balance should not be reported as owed or as a charge-off: the account should "
    "show a $0 balance."
)
MSG_SETTLED = N_(
    "After you pay {paid} to settle, the account should show a $0 balance and comment AU (paid "
    "in full for less than the full balance); {forgiven} is forgiven. If the balance had been "
    "charged off first, the status becomes 64 (paid in full, was a charge-off) and the original "
    "charge-off amount stays on the record."
)
MSG_PAID_FULL = N_(
    "After you pay the full {paid}, the account should show a $0 balance. If the balance had "
    "been charged off first, the status becomes 64 (paid in full, was a charge-off) and the "
    "original charge-off amount stays on the record."
)
MSG_JUDGMENT = N_(
    "If the lender wins a deficiency judgment in court, the judgment itself no longer appears "
    "on Equifax, Experian or TransUnion reports: all civil judgments were removed in 2017 under "
    "the National Consumer Assistance Plan. The account itself is still reported."
)

MSG_REMOVAL = N_(
    "Expected removal: {date}, 7 years after the date of first delinquency ({dofd}). This is "
    "how the credit bureaus count it ({cite})."
)
MSG_OUTER_LIMIT = N_(
    "Legal outer limit for a charge-off: {date}. The 7 years start when 180 days have passed "
    "since the delinquency began ({cite})."
)
MSG_OUTER_LIMIT_IF = N_(
    "If the balance is charged off or sent to collection later, the legal outer limit is {date}: "
    "the 7 years start when 180 days have passed since the delinquency began, never from the "
    "date of the charge-off or collection ({cite})."
)
MSG_OUTER_BOUND = N_(
    "Estimate of the legal outer limit, if the balance is charged off or sent to collection: no "
    "later than {date}. Without the date of first delinquency the exact date cannot be counted, "
    "but the missed payments that led to the {event} ({completed}) began on or before it, so "
    "the limit is at most 180 days and 7 years after it ({cite}). This does not hold if you "
    "caught up after that and fell behind again. Enter the date of first delinquency for the "
    "exact date."
)
MSG_OUTER_BOUND_NOW = N_(
    "Estimate of the legal outer limit for the charge-off or collection: no later than {date}. "
    "Without the date of first delinquency the exact date cannot be counted, but the missed "
    "payments that led to the {event} ({completed}) began on or before it, so the limit is at "
    "most 180 days and 7 years after it ({cite}). This does not hold if you caught up after "
    "that and fell behind again. Enter the date of first delinquency for the exact date."
)
#: The event the estimate counts from, completing "… that led to the {event} …".
BOUND_EVENTS: dict[str, str] = {
    "short_sale": N_("short sale"),
    "foreclosure": N_("foreclosure"),
    "deed_in_lieu": N_("deed in lieu of foreclosure"),
    "repossession": N_("repossession"),
    "voluntary_surrender": N_("surrender"),
}
#: The outer limit in a summary table's date cell when it is conditional or an estimate.
LIMIT_IF = N_("{date}, if charged off or sent to collection")
LIMIT_BOUND = N_("No later than {date} (estimate)")
MSG_NO_OUTER_LIMIT = N_(
    "The 180-day outer limit of the law applies to accounts charged off or sent to collection; "
    "none is expected here, so only the usual removal date applies."
)
MSG_NEED_DOFD = N_(
    "Enter the date of first delinquency (the first missed payment that was never made up) to "
    "see when this account leaves your credit reports."
)
MSG_NO_RESTART = N_(
    "Paying or settling the balance later does not restart the clock: removal stays tied to "
    "the date of first delinquency ({dofd}), and a debt buyer or collector must keep that date."
)
MSG_NO_RESTART_NODATE = N_(
    "Paying or settling the balance later does not restart the clock: removal stays tied to "
    "the date of first delinquency, and a debt buyer or collector must keep that date."
)
MSG_MONTH_END = N_(
    "Dates are counted in calendar months: when the same day does not exist in the final "
    "month (for example 29 February), the last day of that month is used."
)
MSG_ALREADY_REMOVED = N_(
    "That date has passed: the account should no longer appear on your credit reports. If it "
    "still does, you can dispute it."
)
MSG_150K = N_(
    "The 7- and 10-year limits do not bind a report used for a loan of $150,000 or more "
    "({cite}); whether the bureaus still hold older items to report is not documented."
)
MSG_BK7_REMOVAL = N_(
    "The Chapter 7 bankruptcy can be reported for 10 years from the filing date ({filed}), "
    "so until {date} ({cite})."
)
MSG_BK13_REMOVAL = N_(
    "The Chapter 13 bankruptcy: the credit bureaus delete it 7 years after filing, on {date}, "
    "by their own policy; the law would allow it until {limit} ({cite})."
)
MSG_BK_ACCOUNTS = N_(
    "Accounts included in the bankruptcy still leave 7 years after their own date of first "
    "delinquency."
)
MSG_NEED_BK_DATE = N_(
    "Enter the bankruptcy filing date to see when the bankruptcy leaves your credit reports."
)

MSG_BARRED_ZERO = N_(
    "State law bars collecting this deficiency, so after the sale the account should show a $0 "
    "balance and no amount past due, with no new late payments or interest."
)
MSG_BARRED_DE = N_(
    "Lenders can mark such an account with special comment DE (debt extinguished under state law)."
)
MSG_BARRED_INACCURATE = N_(
    "Reporting a balance owed after the sale is inaccurate as a matter of law (Gross v. "
    "CitiMortgage, 9th Cir. 2022); you can dispute it."
)
MSG_DISPUTE_30 = N_(
    "Dispute with each credit bureau that shows a balance: it must finish its investigation "
    "within {days} days of receiving your dispute ({cite})."
)
MSG_DISPUTE_45 = N_(
    "If you send more relevant information during those {days} days, the bureau may take up "
    "to {extra} more days ({total} in all) ({cite})."
)
MSG_DISPUTE_NOTICE = N_(
    "The bureau must pass your dispute to the lender within {days} business days ({cite}); "
    "while the lender investigates, the account may show compliance code XB."
)
MSG_DISPUTE_DOCS = N_(
    "Send copies of the sale documents and the state law (or court order) with your dispute, "
    "and keep proof of the date the bureau received it."
)

# Eligibility: the date, one message per event so translators see whole sentences.
WAIT_TEXT: dict[str, str] = {
    "foreclosure": N_(
        "{program}: {months} months after the foreclosure was completed ({start}), so from {date}."
    ),
    "short_sale": N_("{program}: {months} months after the short sale ({start}), so from {date}."),
    "deed_in_lieu": N_(
        "{program}: {months} months after the deed in lieu of foreclosure ({start}), so from "
        "{date}."
    ),
    "charge_off": N_(
        "{program}: {months} months after the mortgage balance was charged off ({start}), so "
        "from {date}."
    ),
    "bankruptcy_ch7": N_(
        "{program}: {months} months after the Chapter 7 discharge ({start}), so from {date}."
    ),
    "bankruptcy_ch13": N_(
        "{program}: {months} months after the Chapter 13 discharge ({start}), so from {date}."
    ),
}
MSG_WAIT_CH13_PLAN = N_(
    "{program}: during a Chapter 13 plan a new loan is possible after {months} months of on-time "
    "plan payments with written permission from the court or trustee — about {date}, counting from "
    "the filing date ({start})."
)
MSG_WAIT_NONE = N_("{program}: no waiting period after the short sale ({start}).")
MSG_NEED_SALE_DATE = N_(
    "{program}: enter the date the sale or transfer was completed to see the date."
)
MSG_NEED_DISCHARGE = N_(
    "{program}: the bankruptcy waiting period runs from the discharge date; enter it to see "
    "the date."
)
MSG_NEED_FILING = N_(
    "{program}: the Chapter 13 waiting period is counted from the plan's start; enter the "
    "filing date to see the date."
)
MSG_NO_FIXED_PERIOD = N_(
    "{program}: no separate waiting period after a mortgage charge-off was found; the period "
    "for the sale itself applies."
)
MSG_CURRENT_EXCEPTION = N_(
    "{program}: no waiting period applies if every mortgage payment in the 12 months before "
    "the short sale, and every installment-debt payment in the same months, was made within "
    "the month due. Tell us whether that was so to see the earlier date."
)
MSG_CURRENT_YES = N_(
    "{program}: you were current on the mortgage and installment debts in the 12 months before "
    "the short sale, so no waiting period applies."
)
MSG_CURRENT_NO = N_(
    "{program}: you were behind on payments before the short sale, so the full waiting period "
    "applies."
)
MSG_FANNIE_EC_FORECLOSURE = N_(
    "Fannie Mae: with extenuating circumstances the wait after a foreclosure is 3 years, but "
    "until 7 years have passed the new loan is limited to a purchase of a principal residence "
    "with at most 90% loan-to-value, or a limited cash-out refinance."
)
MSG_FANNIE_EC = N_(
    "Fannie Mae: the shorter period needs documented extenuating circumstances — nonrecurring "
    "events beyond your control that caused a sudden, significant and prolonged loss of income "
    "or a catastrophic increase in obligations."
)
MSG_FHA_EC = N_(
    "FHA: a lender may make an exception to the 3 years for documented extenuating "
    "circumstances beyond your control (such as serious illness or the death of a wage earner) "
    "once you have re-established good credit; divorce and moving for a job do not count."
)
MSG_VA_EC = N_(
    "VA: a wait of 1 to 2 years is possible only if the event was caused by circumstances "
    "beyond your control and you have since paid new credit on time."
)
MSG_USDA_EC = N_("USDA: no shorter period for extenuating circumstances was found.")
MSG_VA_SHORT_SALE = N_(
    "VA publishes no waiting period after a short sale; lenders usually treat a short sale made "
    "while behind on payments like a foreclosure (2 years)."
)
MSG_FANNIE_CHARGE_OFF = N_(
    "Fannie Mae: if the lender charges off the remaining mortgage balance, a 4-year wait (2 with "
    "extenuating circumstances) also runs from the charge-off date."
)
MSG_FANNIE_SAME_MORTGAGE = N_(
    "Fannie Mae: if this mortgage was discharged in the bankruptcy, only the bankruptcy waiting "
    "period applies, even when the foreclosure was completed later."
)
MSG_WAIT_MEANING = N_(
    "Each date is the first day the program's waiting period is over (Fannie Mae counts to the "
    "new loan's closing, FHA to the case number, USDA to the application). Lenders may add "
    "stricter rules, and you still have to qualify."
)
MSG_WAIT_NOT_MORTGAGE = N_(
    "The mortgage waiting periods after a foreclosure, short sale or deed in lieu do not apply "
    "to a repossession or surrender of a car or other goods, so this event sets no waiting date."
)
#: Several programs named at the start of one shared sentence: "FHA, VA and USDA".
MSG_PROGRAM_LIST = N_("{programs} and {last}")
MSG_WAIT_NOT_MORTGAGE_BK = N_(
    "The bankruptcy does set mortgage waiting periods; those dates are shown."
)

MSG_SCORE_RANGE = N_("Starting near {band}: about {low}–{high} after the event.")
MSG_SCORE_ABOUT = N_(
    "FICO's published 2011 estimates, simulated for a single event on typical files whose "
    "mortgage was paid as agreed before it; real files usually also show the late payments that "
    "came before, and scores vary by model and file."
)
MSG_SCORE_DIL = N_(
    "FICO published no separate figure for a deed in lieu with a balance still owed; the "
    "figure for a short sale with a deficiency is shown."
)
MSG_SCORE_NO_FIGURE = N_(
    "No scoring company has published a figure for how much a repossession or a charged-off "
    "car loan lowers a score, so none is shown. A repossession is a major negative item for as "
    "long as it is reported."
)
MSG_SCORE_BK = N_("The bankruptcy is the largest negative item here, so its figure is shown.")
MSG_RECOVERY_MONTHS = N_("about {months} months")
MSG_RECOVERY_YEARS = N_("about {years} years")
MSG_RECOVERY_RANGE = N_("about {low} to {high} years")

# Timeline labels.
LABEL_DOFD = N_("First missed payment (date of first delinquency)")
LABEL_BK_FILED = N_("Bankruptcy filed")
LABEL_BK_DISCHARGED = N_("Bankruptcy discharged")
SALE_LABELS: dict[str, str] = {
    "short_sale": N_("Short sale closed"),
    "foreclosure": N_("Foreclosure completed"),
    "deed_in_lieu": N_("Deed in lieu of foreclosure completed"),
    "repossession": N_("Repossessed property sold"),
    "voluntary_surrender": N_("Surrendered property sold"),
}
LABEL_CHARGE_OFF = N_("Remaining balance charged off")
LABEL_SETTLEMENT = N_("Remaining balance settled")
LABEL_REMOVAL = N_("Account leaves your credit reports")
LABEL_OUTER_LIMIT = N_("Legal outer limit for reporting the charge-off")
LABEL_OUTER_LIMIT_IF = N_("Legal outer limit, if charged off or sent to collection")
LABEL_OUTER_BOUND = N_("Legal outer limit, no later than (estimate)")
LABEL_BK_REMOVAL = N_("Bankruptcy leaves your credit reports")
LABEL_BK_LIMIT = N_("Legal limit for reporting the bankruptcy")
LABEL_ELIGIBLE = N_("{program}: new mortgage possible")
LABEL_TODAY = N_("Today")

CITE_150K = "15 U.S.C. § 1681c(b)(1)"
