"""Tax page: the reasoning step by step, the 1099-C boxes, the insolvency worksheet, sources."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import streamlit as st

from deficiency.core.analysis import analyze
from deficiency.core.money import MAX_AMOUNT, cents_from_widget
from deficiency.rules.tax import INSOLVENCY_CATEGORIES, INSOLVENCY_TITLES, insolvency_amount
from ui import a11y, frame, sections, state
from ui.text import _, date, money, plain, render
from ui.widgets import disclaimer, show_issues

frame.begin()
st.title(_("Tax on cancelled debt"))
st.caption(
    _(
        "When a lender forgives or settles a deficiency, the IRS may treat the cancelled "
        "amount as income (IRS Publication 4681). This page shows the reasoning step by step."
    )
)
show_issues()
found = analyze(state.scenario())
t = found.tax
sections.tax_summary(found, heading=False)

st.subheader(_("Step by step"))
st.markdown("\n".join(f"{i}. " + plain(render(step)) for i, step in enumerate(t.steps, 1)))

st.subheader(_("What the Form 1099-C should show"))
boxes = pd.DataFrame(
    [
        (_("Box 2: amount of debt discharged"), money(t.form_1099c.box2_cancelled)),
        (
            _("Box 5: personally liable for repayment"),
            _("Yes") if t.form_1099c.box5_personally_liable else _("No"),
        ),
        (_("Box 6: identifiable event code"), t.form_1099c.box6_code or "—"),
        (_("Box 7: fair market value of property"), money(t.form_1099c.box7_fmv)),
    ],
    columns=[_("Box"), _("Expected")],
)
a11y.table(boxes, key="form1099c_boxes", hide_index=True)
if t.form_1099a.expected:  # the lender took the property: its own form (issue 15)
    st.subheader(_("What the Form 1099-A should show"))
    a_form = t.form_1099a
    a_boxes = pd.DataFrame(
        [
            (_("Box 1: date of lender's acquisition"), date(a_form.box1_date)),
            (_("Box 2: balance of principal outstanding"), money(a_form.box2_principal)),
            (_("Box 4: fair market value of property"), money(a_form.box4_fmv)),
            (
                _("Box 5: personally liable for repayment"),
                _("Yes") if a_form.box5_personally_liable else _("No"),
            ),
        ],
        columns=[_("Box"), _("Expected")],
    )
    a11y.table(a_boxes, key="form1099a_boxes", hide_index=True)
if t.form982_lines:
    st.markdown(
        plain(
            _("Form 982 lines that would be filled: {lines}").format(
                lines=", ".join(t.form982_lines)
            )
        )
    )
    st.caption(
        _(
            "Excluding cancelled debt usually reduces tax attributes (such as the basis of "
            "property or loss carryovers) on Form 982, part II."
        )
    )

st.subheader(_("Insolvency worksheet"))
st.caption(
    _(
        "You were insolvent to the extent your liabilities were more than the fair market "
        "value of your assets just before the debt was cancelled (IRS Pub 4681). Fill in "
        "what applies; the totals can feed the calculator."
    )
)


def _worksheet(kind: str) -> int:
    """One part of the worksheet as typed amounts, one field per line; its total in cents.

    Fields, not an editable grid: on a phone the grid cut off its Amount column, and a
    screen reader or a keyboard reaches a labelled field the same way as every other input
    of the app. Each amount is kept for the session (``persist_state``), rounded to the
    cent as typed.
    """
    total = 0
    for line in INSOLVENCY_CATEGORIES[kind]:
        typed = st.number_input(
            _("Line {line}: {item}").format(line=line.line, item=_(line.label)),
            min_value=0.0,
            max_value=float(MAX_AMOUNT),
            value=0.0,
            step=100.0,
            format="%.2f",
            key=f"ws_{kind}_{line.key}",
            persist_state="session",
        )
        total += cents_from_widget(typed or 0.0)
    return total


totals: dict[str, int] = {}
for kind in ("liabilities", "assets"):
    with st.expander(_(INSOLVENCY_TITLES[kind]), key=f"worksheet_{kind}"):
        totals[kind] = _worksheet(kind)
    st.metric(_(INSOLVENCY_TITLES[kind]), money(totals[kind]))

insolvent = insolvency_amount(totals["liabilities"], totals["assets"])
st.metric(_(INSOLVENCY_TITLES["insolvency"]), money(insolvent))


def _use_totals(liabilities: int, assets: int) -> None:
    state.apply_changes(
        total_liabilities=str(Decimal(liabilities) / 100),
        total_assets=str(Decimal(assets) / 100),
    )


st.button(
    _("Use these totals in the calculator"),
    key="use_worksheet",
    on_click=_use_totals,
    args=(totals["liabilities"], totals["assets"]),
)

st.subheader(_("Sources"))
st.markdown("\n".join("- " + sections.source_link(s.title, s.url) for s in t.sources))
disclaimer()
frame.end()
