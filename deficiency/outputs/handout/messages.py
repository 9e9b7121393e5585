"""Message ids the handout adds to the pages' own (same text, same translation)."""

from __future__ import annotations

from deficiency.text.markers import N_

# -- message ids new to the handout ---------------------------------------------------------
TITLE = N_("Deficiency balance: counselor handout")
PREPARED_ON = N_("Prepared on {date}")
FORM_1099C_EXPECTED = N_("Form 1099-C expected")
SCAN_OR_TYPE = N_("Scan the code or type this link to reopen exactly this scenario, on any device.")
LETTER_DIFFERENCE = N_("Difference from the recomputed deficiency")
#: What the app shows when :class:`HandoutFontError` is raised (translate with ``_``).
MSG_NO_FONT = N_(
    "The handout cannot be made in this language: no suitable font is installed on the server."
)

# -- message ids shared with the pages (ui/, pages/): the same text, the same translation ----
FORM_1099C_LIKELY = N_(
    "A Form 1099-C (Cancellation of Debt) is likely: the lender reports {amount} "
    "of cancelled debt to the IRS. It may count as income unless an exclusion applies."
)
