"""Scenario page: enter the loan, the sale and the fees; see the deficiency item by item."""

from __future__ import annotations

import streamlit as st

from deficiency.engine import evaluate_lenient
from deficiency.examples import EXAMPLES, example
from deficiency.guidance import next_steps
from deficiency.money import to_cents
from deficiency.scenario import ACTIONS, FEE_KEYS, LOAN_TYPES, PATHS_BY_LOAN
from ui import frame, inputs, state
from ui.charts import breakdown_table, waterfall
from ui.text import _, money, plain, render
from ui.widgets import disclaimer, show_issues

frame.begin()
st.title(_("Deficiency balance calculator"))
st.caption(
    _(
        "What you may still owe after a short sale, foreclosure or repossession, "
        "and what can happen next."
    )
)
show_issues()

sc = state.scenario()
result, settle_issues = evaluate_lenient(sc)
for issue in settle_issues:
    st.error(plain(issue.text(_)))

# The answer first: on a phone the inputs stack above the details, so the headline
# figures sit above both.
headline = st.container(border=True, horizontal=True)
if result.surplus:
    headline.metric(_("Surplus"), money(result.surplus))
else:
    headline.metric(_("Deficiency balance"), money(result.deficiency))
headline.metric(_("You still owe"), money(result.borrower_owes))
headline.metric(_("Cancelled (forgiven) debt"), money(result.cancelled_debt))

left, right = st.columns([2, 3], gap="large")

with left:
    st.subheader(_("The loan"))
    inputs.choice("loan", LOAN_TYPES)
    inputs.choice("path", PATHS_BY_LOAN[sc.loan])
    inputs.amount("balance")

    st.subheader(_("The sale"))
    inputs.amount("sale_price")
    inputs.amount("credits")

    fees_total = sum(to_cents(getattr(sc, key)) for key in FEE_KEYS)
    with st.expander(_("Fees and costs: {total}").format(total=money(fees_total))):
        for key in FEE_KEYS:
            inputs.amount(key)
        st.caption(_("Running total of fees and costs: {total}").format(total=money(fees_total)))

    st.subheader(_("What the lender does"))
    inputs.choice("action", ACTIONS, radio=True)
    if sc.action == "settle":
        inputs.amount("settlement")

    st.divider()
    st.markdown(_("Try an example:"))
    for name, (title, _params) in EXAMPLES.items():
        st.button(
            _(title),
            key=f"example_{name}",
            on_click=state.open_scenario,
            args=(example(name),),
            width="stretch",
        )

with right:
    st.subheader(_("How it adds up"))
    row = st.columns(2)
    row[0].metric(_("Total owed"), money(result.total_owed))
    row[1].metric(_("Applied from the sale"), money(result.applied))

    st.plotly_chart(
        waterfall(result.items, _, money),
        config={"displaylogo": False, "displayModeBar": False},
        alt=_("Waterfall chart from the loan balance to the deficiency balance"),
    )
    st.dataframe(
        breakdown_table(result.items, _, money),
        hide_index=True,
        column_config={_("Amount"): st.column_config.TextColumn(_("Amount"), help=_("US dollars"))},
    )

    st.subheader(_("What happens next"))
    for note in next_steps(sc, result.deficiency, result.surplus):
        st.markdown("- " + plain(render(note)))

    st.subheader(_("Share this scenario"))
    st.caption(_("Copy this link to reopen exactly this scenario, on any device."))
    st.code(state.share_url(), language=None, wrap_lines=True)
    st.button(_("Reset to the defaults"), on_click=state.reset, key="reset")

disclaimer()
frame.end()
