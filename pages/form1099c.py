"""Read your 1099-C: what each box means, whether it matches the app's figures, what to do."""

from __future__ import annotations

import streamlit as st

from deficiency.core.analysis import analyze
from deficiency.core.money import to_cents
from deficiency.counselor.form1099c import extra_tax_on_forms, read_forms
from ui import a11y, frame, inputs, sections, state
from ui.text import _, date, money, plain, render
from ui.widgets import disclaimer, show_issues

SEVERITY_BOX = {"error": st.error, "warning": st.warning, "info": st.info}
PREFIXES = ("fc_", "fc2_", "fc3_")

frame.begin()
st.title(_("Read your Form 1099-C"))
st.caption(
    _(
        "Type the boxes as printed on the form (several forms for one event if you got more "
        "than one). We explain each box and compare it with this scenario's figures."
    )
)
show_issues()
found = analyze(state.scenario())

tabs = st.tabs([_("Form {number}").format(number=i) for i in (1, 2, 3)])
for tab, prefix in zip(tabs, PREFIXES, strict=True):
    with tab:
        cols = st.columns(2)
        inputs.date(prefix + "date", cols[0])
        inputs.amount(prefix + "amount", cols[0], optional=True)
        inputs.amount(prefix + "interest", cols[0], optional=True)
        inputs.optional_choice(prefix + "liable", cols[1])
        inputs.optional_choice(prefix + "code", cols[1])
        inputs.amount(prefix + "fmv", cols[1], optional=True)
        inputs.text(prefix + "description")

forms = state.forms()
if not forms:
    st.info(_("Enter at least box 2 of a form to read it."))
else:
    reading = read_forms(forms, found)
    cols = st.columns(3)
    cols[0].metric(_("Cancelled debt on the forms"), money(reading.cancelled_from_forms))
    cols[1].metric(_("Cancelled debt this scenario computes"), money(found.tax.cancelled_debt))
    cols[2].metric(_("Interest in box 3"), money(reading.interest_from_forms))
    # The forms' amount feeds the tax estimate: the Tax page's function, in the core.
    on_forms = extra_tax_on_forms(reading, found)
    st.metric(_("Estimated extra federal tax on the forms' amount"), money(on_forms))
    for form in reading.forms:
        st.markdown(
            "**"
            + plain(_("Form {number}").format(number=form.index))
            + "**  \n"  # a line break, not a colon: one colon style per language
            + plain(
                " · ".join(
                    part
                    for part in (
                        date(form.form.fc_date) if form.form.fc_date else "",
                        money(to_cents(form.form.fc_amount)) if form.form.fc_amount else "",
                        form.form.fc_description,
                    )
                    if part
                )
            )
        )
        if form.explanation is not None:
            code = form.form.fc_code or ""
            name = _(form.code_name) if form.code_name else ""
            st.markdown(plain(a11y.label_value(f"{code} — {name}", render(form.explanation))))
    for finding in reading.findings:
        box = SEVERITY_BOX.get(finding.severity, st.info)
        lines = [f"**{plain(_(finding.title))}**", plain(render(finding.message))]
        if finding.action is not None:
            lines.append(plain(render(finding.action)))
        if finding.sources:
            lines.append(
                _("Source: {link}").format(
                    link=", ".join(sections.source_link(s.title, s.url) for s in finding.sources)
                )
            )
        box("  \n".join(lines))
st.page_link("pages/tax.py", label=_("The tax on cancelled debt, step by step"), icon="🧾")
disclaimer()
frame.end()
