"""Letter check: the lender's explanation of a repossession deficiency, recomputed and checked.

After a repossession sale the lender must explain how it calculated the deficiency (UCC
§ 9-616). Type the lines as they appear on the letter; the core recomputes them in the
legal order and flags what to ask the lender about, each with its source.
"""

from __future__ import annotations

import streamlit as st

from deficiency.counselor.letter import check_letter
from ui import a11y, frame, inputs, state
from ui.charts import breakdown_table, waterfall_spec
from ui.text import _, money, plain, render
from ui.widgets import disclaimer, show_issues, show_spec_chart

SEVERITY_BOX = {"error": st.error, "warning": st.warning, "info": st.info}

frame.begin()
st.title(_("Check the lender's letter"))
st.caption(
    _(
        "After a repossession sale the lender must explain how it calculated what you still "
        "owe (UCC § 9-616). Copy the figures from the letter; we redo the arithmetic and "
        "point out what to ask about."
    )
)
show_issues()
sc = state.scenario()

left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader(_("What the letter says you owed"))
    inputs.amount("lt_obligation")
    inputs.optional_choice("lt_precomputed")
    inputs.flag("lt_rebate_included")
    inputs.amount("lt_unearned_interest_rebate")
    inputs.optional_choice("lt_addons")
    inputs.amount("lt_addon_refunds")
    inputs.amount("lt_other_credits")
    inputs.amount("lt_late_fees_after_acceleration")
    st.subheader(_("The sale and its expenses"))
    inputs.amount("lt_proceeds")
    inputs.amount("lt_repo_fee")
    inputs.whole_number("lt_storage_days")
    inputs.amount("lt_storage_rate")
    inputs.amount("lt_reconditioning")
    inputs.amount("lt_auction_fee")
    inputs.amount("lt_other_expenses")
    inputs.amount("lt_attorney_fees")
    inputs.amount("lt_stated_deficiency", optional=True)
    with st.expander(_("How the car was sold")):
        inputs.flag("lt_buyer_related")
        inputs.amount("lt_fmv", optional=True)
        inputs.flag("lt_notice_given")
        inputs.flag("lt_commercially_reasonable")
        inputs.amount("lt_finance_charge", optional=True)
        inputs.amount("lt_principal", optional=True)

check = check_letter(state.letter(), state=sc.state)
with right:
    st.subheader(_("Recomputed in the legal order"))
    cols = st.columns(2)
    cols[0].metric(_("Recomputed deficiency"), money(check.recomputed_cents))
    if check.stated_cents is not None:
        cols[1].metric(
            _("The letter claims"),
            money(check.stated_cents),
            delta=money(check.difference_cents or 0),
            delta_color="inverse",
        )
    if check.surplus_cents:
        st.success(
            plain(
                _("The sale left a surplus of {amount}: it is yours.").format(
                    amount=money(check.surplus_cents)
                )
            )
        )
    show_spec_chart(
        waterfall_spec,
        check.lines,
        alt=_("Waterfall chart of the letter's figures"),
        key="letter_chart",
    )
    a11y.table(  # the chart's text equivalent; stacked rows on a phone
        breakdown_table(check.lines, _, money), key="letter_lines", hide_index=True, static=True
    )
    st.subheader(_("What to ask the lender"))
    if not check.flags:
        st.info(_("Nothing to flag from the figures entered."))
    for flag in check.flags:
        box = SEVERITY_BOX.get(flag.severity, st.info)
        lines = [f"**{plain(_(flag.title))}**", plain(render(flag.message))]
        if flag.amount_cents is not None:
            lines.append(
                plain(_("Amount at stake: {amount}").format(amount=money(flag.amount_cents)))
            )
        lines.append(plain(_("Ask: {question}").format(question=render(flag.ask))))
        source = flag.source
        lines.append(
            _("Source: {link}").format(link=f"[{plain(source.title)}]({source.url})")
            + ("" if flag.confidence == "confirmed" else " · " + _("Not fully confirmed"))
        )
        box("  \n".join(lines))
disclaimer()
frame.end()
