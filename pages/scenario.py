"""Scenario page: the loan, the sale and the fees in; the deficiency and what follows out."""

from __future__ import annotations

import streamlit as st

from deficiency.core.analysis import analyze
from deficiency.core.money import to_cents
from deficiency.core.scenario import FEE_KEYS, PATHS_BY_LOAN
from deficiency.counselor.guidance import next_steps
from deficiency.interface.examples import EXAMPLES, example
from deficiency.outputs.casenote import case_note
from ui import a11y, downloads, firstpaint, forms, frame, inputs, sections, state
from ui.charts import breakdown_table, waterfall_spec
from ui.text import _, issue_text, lang, md, money, plain
from ui.widgets import disclaimer, show_issues, show_spec_chart

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
found = analyze(sc)
result = found.result
for issue in found.issues:
    st.error(plain(issue_text(issue)))

# The answer first: on a phone the inputs stack above the details, so the headline
# figures sit above both.
headline = st.container(border=True, horizontal=True)
if result.surplus:
    headline.metric(_("Surplus"), money(result.surplus))
else:
    headline.metric(_("Deficiency balance"), money(result.deficiency))
if (sc.state is not None or sc.loan != "mortgage") and sc.action == "collect":
    # Only while the lender pursues it: beside a forgiven "You still owe $0" the state's
    # collectible figure read as a contradiction (issue 13); the state section explains it.
    headline.metric(_("Collectible deficiency"), money(found.state.collectible_cents))
headline.metric(
    _("You still owe"),
    money(found.owes),
    help=_("The deficiency the lender's action leaves you to pay, after your state's limits."),
)
headline.metric(_("Cancelled (forgiven) debt"), money(found.cancelled))
if found.tax.estimated_federal_tax:
    headline.metric(_("Estimated extra federal tax"), money(found.tax.estimated_federal_tax))

left, right = st.columns([2, 3], gap="large")

with left:
    st.subheader(_("The loan"))
    inputs.choice("loan")
    inputs.choice("path", options=PATHS_BY_LOAN[sc.loan])
    inputs.state_choice()
    inputs.amount("balance")

    st.subheader(_("The sale"))
    inputs.amount("sale_price")
    inputs.amount("credits")
    inputs.date("sale_date")

    fees_total = to_cents(sc.total_fees)
    # Optional groups always draw their inputs, open or closed: a widget that is not drawn
    # in a run loses what was typed into it (issue 13), so no group may skip its inputs.
    fees_group = st.expander(
        md(_("Fees and costs: {total}").format(total=money(fees_total))),
        key="exp_fees",
    )
    with fees_group:
        for key in FEE_KEYS:
            inputs.amount(key)
        st.caption(
            md(_("Running total of fees and costs: {total}").format(total=money(fees_total)))
        )

    st.subheader(_("What the lender does"))
    inputs.choice("action", radio=True)
    if sc.action == "settle":
        inputs.amount("settlement")

    asked = tuple(q for q in found.state.questions if q not in ("state", "sale_date"))
    st.session_state["_asked"] = asked
    if asked:
        with st.expander(_("Questions your state's law depends on"), expanded=True):
            forms.state_questions(asked)
    mortgage = sc.loan == "mortgage"
    others = st.expander(
        _("Second mortgage and co-borrowers (optional)")
        if mortgage
        else _("Co-borrowers (optional)"),
        key="exp_others",
    )
    with others:
        if mortgage:
            inputs.amount("second_balance")
            if sc.second_balance:
                inputs.flag("second_lender_same")
                inputs.flag("second_purchase_money")
                if sc.second_lender_same:
                    inputs.optional_choice("second_made_with_first")
        inputs.whole_number("coborrowers")
    with st.expander(_("Tax details (optional)"), key="exp_tax"):
        forms.tax_inputs()
    with st.expander(_("Credit report details (optional)"), key="exp_credit"):
        forms.credit_inputs()
        inputs.date("dispute_date")

    st.divider()
    st.markdown(_("Try an example:"))
    for name, (title, _params) in EXAMPLES.items():
        st.button(
            _(title),
            key=f"example_{name}",
            on_click=state.open_scenario,
            args=(example(name),),
            width="stretch",
            wrap=True,  # the whole example is read, not "Car repossession: $10,000 owed, …"
        )

with right:
    st.subheader(_("How it adds up"))
    row = st.columns(2)
    row[0].metric(_("Total owed"), money(result.total_owed))
    row[1].metric(_("Applied from the sale"), money(result.applied))
    if firstpaint.ready():  # the headline first: see ui/firstpaint.py
        show_spec_chart(
            waterfall_spec,
            result.items,
            alt=_("Waterfall chart from the loan balance to the deficiency balance"),
        )
        a11y.table(  # the waterfall's text equivalent; stacked rows on a phone
            breakdown_table(result.items, _, money), key="breakdown", hide_index=True, static=True
        )

    if firstpaint.ready():
        st.subheader(_("What happens next"))
        sections.bullets(
            next_steps(sc, result.deficiency, result.surplus, found.state.collectible_cents)
        )

        sections.state_law(found)
        sections.tax_summary(found)
        sections.second_lien(found)
        sections.credit_summary(found)
        sections.countdowns(found)
        sections.help_links(found)

        st.subheader(_("Share this scenario"))
        st.caption(_("Copy this link to reopen exactly this scenario, on any device."))
        st.code(state.share_url(), language=None, wrap_lines=True)
    downloads.handout_buttons(found)
    note_group = st.expander(
        _("Case note for your records (plain text)"), key="exp_note", on_change="rerun"
    )
    with note_group:
        if note_group.open:
            st.code(case_note(found, state.share_url(), lang()), language=None, wrap_lines=True)
    st.button(_("Reset to the defaults"), on_click=state.reset, key="reset")

disclaimer()
frame.end()
firstpaint.finish()
