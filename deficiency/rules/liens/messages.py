"""Translatable text of the second-lien and co-borrower sections."""

from __future__ import annotations

from deficiency.text.markers import N_

MSG_NO_SECOND = N_("No second mortgage or home-equity line was entered.")
MSG_NOT_MORTGAGE = N_("Second liens apply to homes; this loan is not a mortgage.")
MSG_SOLD_OUT = N_(
    "The first lender's foreclosure wipes out the second loan's lien, but not the debt: "
    "the second lender can usually sue for the whole {amount} as unsecured debt ({citation})."
)
MSG_SOLD_OUT_BAR_NOT_SHARED = N_(
    "{state}'s protection for the foreclosed first loan does not cover a second loan from "
    "another lender."
)
MSG_CA_SOLD_OUT = N_(
    "In California a second lender whose lien was wiped out by the first lender's "
    "foreclosure can still sue on its note for {amount} ({citation})."
)
MSG_CA_580B = N_(
    "Protected: the second loan helped buy a California home of up to 4 units that you "
    "live in, so no deficiency can be owed or collected on it ({citation})."
)
MSG_CA_SIMON = N_(
    "Protected: the same lender made both loans together and sold the home at a trustee "
    "sale, which bars collecting the second loan too ({citation})."
)
MSG_CA_BLACK_SKY = N_(
    "The same lender holds both loans, but the second was made separately, so the trustee "
    "sale does not bar collecting it ({citation})."
)
MSG_CA_SAME_LENDER_UNKNOWN = N_(
    "The same lender holds both loans. If both were made together, a trustee sale bars "
    "collecting the second ({simon}); if the second came later, it can be collected "
    "({black_sky}). Until you know, this tool assumes it can be collected."
)
MSG_CA_SAME_LENDER_JUDICIAL = N_(
    "The same-lender protection applies only after a trustee (nonjudicial) sale; after a "
    "court foreclosure the second loan may be collected."
)
MSG_CA_580E = N_(
    "Protected: in California a lender that agrees in writing to a short sale of a home of "
    "up to 4 units cannot collect the rest, and this covers second loans too ({citation})."
)
MSG_SHORT_SALE_RELEASE = N_(
    "A short sale cannot close until the second lender releases its lien in writing. Ask "
    "it to state in the release that the rest of its loan ({amount}) is waived."
)
MSG_SHORT_SALE_COLLECTIBLE = N_(
    "Unless the second lender waives the rest in writing, it may still collect {amount} "
    "after the short sale."
)
MSG_DEED_IN_LIEU = N_(
    "A deed in lieu does not wipe out the second loan: the first lender usually requires the "
    "second lender's release, and {amount} remains owed unless that lender waives it."
)
MSG_HOME_EQUITY_SECOND = N_(
    "Protected if this second loan is a {state} home-equity loan or line of credit: such "
    "loans carry no personal liability, so the rest cannot be collected from you "
    "({citation})."
)
MSG_HOME_EQUITY_CHECK = N_(
    "A loan used to buy the home or to pay for home improvements is not a home-equity loan: "
    "check the loan papers."
)
MSG_OTHER_STATE_PURCHASE_MONEY = N_(
    "{state}'s purchase-money rule ({citation}) might also protect a purchase-money second "
    "loan; this has not been confirmed, so the second loan is shown as collectible."
)
MSG_OTHER_STATE_SHORT_SALE = N_(
    "{state}'s short-sale rule for the first loan ({citation}) might also cover the second; "
    "this has not been confirmed."
)
MSG_UNCONFIRMED = N_(
    "Not confirmed for {state}: this tool takes the cautious view that the second loan can "
    "be collected. Ask a local lawyer or legal aid office."
)
MSG_COBORROWERS_LIABLE = N_(
    "Each of the {people} people who signed the note can be made to pay the whole {amount}, "
    "not a share of it ({citation})."
)
MSG_1099C_EACH = N_(
    "The cancelled debt is {amount}, so the lender must send a Form 1099-C to each of the "
    "{people} borrowers, each showing the full {amount} ({citation})."
)
MSG_1099C_PRIMARY = N_(
    "The lender must send a Form 1099-C for {amount} only to the primary borrower; the "
    "others may not get one ({citation})."
)
MSG_1099C_NONE = N_(
    "The cancelled debt is under {threshold}, so no Form 1099-C is required; it may still "
    "count as income."
)
MSG_1099C_SHARE = N_(
    "Each form may show the full amount, but the borrowers together report it only once: "
    "each reports the share that fits the facts (who paid, who benefited). A tax "
    "professional can help split it."
)
MSG_1099C_SPOUSES = N_(
    "A married couple who lived at the same address when they borrowed may receive a single "
    "form between them."
)
