"""Learn: deficiency balances in plain words, each idea linked to the part that shows it."""

from __future__ import annotations

import streamlit as st

from deficiency.core.analysis import analyze
from deficiency.core.money import to_cents
from deficiency.core.scenario import validate
from deficiency.interface.examples import EXAMPLES, example
from deficiency.interface.links import encode
from ui import frame
from ui.text import _, md, whole_dollars
from ui.widgets import disclaimer, show_issues

frame.begin()
_short_sale = example("short_sale")
st.title(_("Learn: deficiency balances"))
show_issues()  # a link's bad values are explained here too, not on the next page

st.header(_("What is a deficiency balance?"))
st.markdown(
    md(
        _(
            "A deficiency balance is what you still owe on a secured loan after the lender sells "
            "the home or the vehicle for less than the loan balance plus interest, fees and "
            "costs. If you owed {owed} and the house sold for {price}, the deficiency "
            "is {deficiency}."
        ).format(  # the product's short-sale example, figured by the core
            owed=whole_dollars(to_cents(_short_sale.balance)),
            price=whole_dollars(to_cents(_short_sale.sale_price)),
            deficiency=whole_dollars(analyze(_short_sale).result.deficiency),
        )
    )
)
st.page_link("pages/scenario.py", label=_("See it item by item in the calculator"), icon="🧮")

st.header(_("How it arises"))
st.markdown(
    md(
        _(
            "- **Repossession**: the lender takes the car and sells it, often at auction.\n"
            "- **Foreclosure**: the home is sold at a foreclosure sale, by a court or a trustee.\n"
            "- **Short sale**: the lender agrees to a sale for less than what is owed.\n"
            "- **Deed in lieu of foreclosure**: you hand the home to the lender instead."
        )
    )
)
st.page_link("pages/compare.py", label=_("Compare the paths for your loan"), icon="⚖️")

st.header(_("What the lender may do"))
st.markdown(
    md(
        _(
            "The lender may absorb the deficiency (write it off), pursue it (collection letters, "
            "a lawsuit for a deficiency judgment), or settle for less. Many states limit or bar "
            "deficiencies, especially after a trustee sale or on a loan used to buy a home. "
            "Get any waiver or settlement in writing."
        )
    )
)
st.page_link("pages/states.py", label=_("Your state's rules"), icon="🗺️")

st.header(_("Your credit report"))
st.markdown(
    md(
        _(
            "The foreclosure, repossession or charge-off usually stays on your credit report for "
            "7 years from the first missed payment that was never made up. Paying or settling "
            "later does not restart that clock. Mortgage programs set waiting periods before a "
            "new home loan."
        )
    )
)
st.page_link("pages/credit.py", label=_("Your credit timeline"), icon="📄")

st.header(_("The tax warning"))
st.markdown(
    md(
        _(
            "A deficiency the lender forgives or settles for less may count as income. The lender "
            "may send a Form 1099-C (Cancellation of Debt). Exclusions can apply, such as "
            "bankruptcy, insolvency (owing more than you own) or a main-home mortgage."
        )
    )
)
st.page_link("pages/tax.py", label=_("The tax on cancelled debt, step by step"), icon="🧾")

st.header(_("Try the worked examples"))
for title, params in EXAMPLES.values():
    query = encode(validate(params))
    st.page_link("pages/scenario.py", label=_(title), query_params=query, icon="▶️")
disclaimer()
frame.end()
