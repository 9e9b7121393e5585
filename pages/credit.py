"""Credit page: how the account is reported, when it leaves the report, a new mortgage."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from deficiency.core.analysis import analyze, credit_rules_as_of
from deficiency.rules.credit import timeline
from ui import a11y, frame, inputs, sections, state
from ui.charts import date_ticks
from ui.charts import timeline as timeline_chart
from ui.labels import PROGRAM_LABELS
from ui.text import _, date, money, month_year, render, year
from ui.widgets import disclaimer, show_chart, show_issues

frame.begin()
st.title(_("Credit report"))
st.caption(
    _(
        "How the account is likely to be reported, when it must leave your credit report, "
        "and when a new mortgage becomes possible. Actual reporting varies by lender; you "
        "can check your reports for free at AnnualCreditReport.com."
    )
)
show_issues()
# The page's dates all hang on this one: asked here, not only on the calculator.
inputs.date("dofd")
found = analyze(state.scenario())
c = found.credit
sections.credit_summary(found)

st.subheader(_("How the account is reported, step by step"))
steps = pd.DataFrame(
    [
        (
            render(step.when_text),  # earlier, now, or "Later, if …" with its condition
            step.code,
            render(step.status_text),
            money(step.balance_cents),
            date(step.date),
            _("Varies by lender") if step.varies_by_lender else "",
        )
        for step in c.sequence
    ],
    columns=[_("When"), _("Code"), _("Meaning"), _("Balance reported"), _("Date"), _("Note")],
)
a11y.table(steps, key="credit_steps", hide_index=True)
sections.bullets(c.reporting_notes)

st.subheader(_("Timeline"))
events = timeline(c)
if len(events) > 1:
    rows = [(e.date, render(e.label), date(e.date)) for e in events]
    ticks = date_ticks([e.date for e in events], month_year, year)
    show_chart(
        timeline_chart(
            rows, next((render(e.label) for e in events if e.kind == "today"), ""), ticks
        ),
        alt=_("Timeline of credit-report milestones"),
    )
    # The chart's text equivalent, numbered as its markers are.
    milestones = pd.DataFrame(
        [(r[1], r[2]) for r in rows],
        columns=[_("Milestone"), _("Date")],
        index=pd.RangeIndex(1, len(rows) + 1, name="#"),
    )
    a11y.table(
        milestones,
        key="timeline",
        phone=milestones.assign(
            **{_("Milestone"): [f"{i}. {r[1]}" for i, r in enumerate(rows, 1)]}
        ),
    )
else:
    st.info(
        _(
            "Enter the date of first delinquency above (and the sale date on the calculator) "
            "to see the timeline."
        )
    )

st.subheader(_("When it leaves your report"))
sections.bullets(c.removal_notes)

st.subheader(_("A new mortgage"))
# Only the waiting periods that concern the scenario: a car's repossession sets none, and
# mortgage_notes then says so instead of four "Not known" rows.
if c.waiting_periods:
    a11y.table(
        pd.DataFrame(
            [
                (
                    _(PROGRAM_LABELS[e.program]),
                    date(e.date),
                    "; ".join(s.title for s in e.sources),
                )
                for e in c.waiting_periods
            ],
            columns=[_("Program"), _("Earliest date"), _("Source")],
        ),
        key="credit_programs",
        hide_index=True,
    )
sections.bullets(c.eligibility_notes)  # a sentence several programs share, said once
sections.bullets(c.mortgage_notes)

st.subheader(_("Score impact"))
if c.score_ranges:
    a11y.table(
        pd.DataFrame(
            [(render(r.label), render(r.recovery)) for r in c.score_ranges],
            columns=[_("Published range"), _("Recovery")],
        ),
        key="credit_scores",
        hide_index=True,
    )
sections.bullets(c.score_notes)

if c.barred or c.dispute_notes:
    st.subheader(_("If the report is wrong"))
    sections.bullets(c.barred_notes)
    sections.bullets(c.dispute_notes)

st.subheader(_("Sources"))
st.markdown("\n".join("- " + sections.source_link(s.title, s.url) for s in c.sources))
disclaimer(credit_rules_as_of(found))
frame.end()
