"""Why a letter fits the facts, and when each letter is offered: message ids for the page.

These sentences speak to the reader (they are not part of a letter), so they live here as
``N_`` ids like every other sentence of the app; the letters' own words are the templates.
"""

from __future__ import annotations

from deficiency.text.markers import N_

# -- why a letter fits (one per condition, see .conditions) ----------------------------------
R_REPOSSESSION = N_(
    "After the sale of the collateral the lender claims, or may claim, a deficiency of "
    "{deficiency}. In a consumer-goods transaction it must explain in writing how it "
    "calculated it within {days} days after your request, or give up the deficiency "
    "({citation})."
)
R_REPOSSESSION_LETTER = N_(
    "The lender's letter claims a deficiency of {deficiency}. In a consumer-goods transaction "
    "the lender must explain in writing how it calculated it within {days} days after your "
    "request, or give up the deficiency ({citation})."
)
R_QUESTIONS = N_(
    "The Letter check found {count} points to question in the lender's figures; the letter "
    "asks about each one."
)
R_PURSUED = N_(
    "The lender may pursue the deficiency of {deficiency} and may pass it to a debt "
    "collector. When a collector contacts you, you have {days} days after you receive its "
    "validation notice to dispute the debt in writing, and it must then stop collecting until "
    "it sends you verification ({citation})."
)
R_DISPUTE_ALL = N_("State law bars this deficiency ({citation}), so the letter disputes all of it.")
R_DISPUTE_REST = N_(
    "State law limits what can be collected to {collectible} ({citation}), so the letter "
    "disputes the rest."
)
R_COLLECTIBLE = N_("Your state's law lets the lender pursue {collectible} of the deficiency.")
R_OFFER_SETTLEMENT = N_(
    "The letter offers {offer}, the settlement amount you entered; the rest, {forgiven}, "
    "would be forgiven."
)
R_OFFER_WHATIF = N_(
    "The letter offers {offer}, {percent} percent of the deficiency, the offer set on the "
    "What if page; the rest, {forgiven}, would be forgiven. To offer another amount, move that "
    "offer or enter a settlement on the Calculator."
)
R_BARRED = N_("The app found that state law bars this deficiency ({citation}): {rule}")
R_LIMITED = N_(
    "The app found that state law limits what can be collected to {collectible}, {credit} "
    "less than the deficiency ({citation}): {rule}"
)
R_TIME_PASSED = N_(
    "The lender's deadline to seek the deficiency was {deadline} ({citation}); it has passed."
)
R_REPORT_BARRED = N_(
    "State law bars the deficiency ({citation}), so the account must show a $0 balance: "
    "dispute any report that shows a balance owed."
)
R_REPORT_SETTLED = N_(
    "You settled the deficiency for {settlement}: every report must show the account as "
    "settled, with a $0 balance. Dispute any report that does not."
)
R_REPORT_FORGIVEN = N_(
    "The lender forgave the deficiency: every report must show a $0 balance. Dispute any "
    "report that does not."
)
R_REPORT_REMOVAL = N_(
    "The account's removal date, {removal}, has passed: it must no longer appear on your "
    "credit reports. Dispute any report that still shows it."
)
R_FURNISHER = N_(
    "The lender or collector that reports the account must correct it with every bureau it "
    "reports to, so write to it as well as to the bureaus."
)

#: When each letter is offered: shown for the letters that do not fit the facts entered.
OFFERED_WHEN: dict[str, str] = {
    "explanation": N_(
        "Offered after a repossession or other sale of a car or other goods, when there is a "
        "deficiency (on the Calculator or in the Letter check)."
    ),
    "validation": N_("Offered when there is a deficiency and the lender pursues it."),
    "settlement": N_(
        "Offered when the lender pursues a deficiency that your state's law lets it collect, "
        "until it is settled."
    ),
    "defense": N_(
        "Offered when your state's law bars or limits the deficiency, or the lender's time to "
        "seek it has passed (choose the state and enter the sale date on the Calculator)."
    ),
    "dispute_bureau": N_(
        "Offered when your credit report must not show a balance: a deficiency the state bars, "
        "a settled or forgiven deficiency, or an account past its removal date."
    ),
    "dispute_furnisher": N_(
        "Offered when your credit report must not show a balance: a deficiency the state bars, "
        "a settled or forgiven deficiency, or an account past its removal date."
    ),
}
