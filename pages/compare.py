"""Compare: the paths a borrower can take for this loan, and two saved scenarios side by side."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import parse_qsl, urlsplit

import pandas as pd
import streamlit as st

from deficiency.core import whatif
from deficiency.core.analysis import analyze
from deficiency.core.money import to_cents
from deficiency.counselor.help import relocation_help, short_sale_check
from deficiency.interface.links import decode
from deficiency.outputs.exports import comparison_csv, csv_bytes
from deficiency.text.markers import N_
from ui import a11y, frame, inputs, sections, state
from ui.charts import path_bars
from ui.labels import OPTION_LABELS
from ui.text import _, field_label, issue_text, listing, money, number, percent, plain, render
from ui.widgets import disclaimer, show_chart, show_issues

PATH_NAMES = {
    "foreclosure_judicial": N_("Foreclosure (judicial)"),
    "foreclosure_nonjudicial": N_("Foreclosure (trustee sale)"),
    "settle": N_("Settle the deficiency at {pct}"),
}


def _path_name(row: whatif.PathRow) -> str:
    if row.key == "settle":
        return _(PATH_NAMES["settle"]).format(pct=percent(Decimal(row.settlement_pct) / 100))
    return _(PATH_NAMES.get(row.key, OPTION_LABELS.get(row.key, row.key)))


def _years(months: int | None) -> str:
    """Months as years with at most one decimal (48 → 4, 42 → 3.5), in the reader's locale."""
    if months is None:
        return "—"
    return number((Decimal(months) / 12).quantize(Decimal("0.1")).normalize())


frame.begin()
st.title(_("Compare your options"))
st.caption(
    _(
        "Your scenario taken down each path: the same loan, sale price, fees and lender's "
        "action; only the path changes. The cheapest is not always best: the credit report, "
        "the waiting time for a new mortgage and the legal risks differ."
    )
)
show_issues()
sc = state.scenario()

# Settling is the other way out only while the lender pursues the deficiency.
pct = inputs.settlement_share("compare_pct") if sc.action == "collect" else 0
rows = whatif.compare_paths(sc, pct)
table = pd.DataFrame(
    {
        _("Path"): [
            _path_name(r) + (" · " + _("your scenario") if whatif.is_current(r, sc) else "")
            for r in rows
        ],
        _("Deficiency"): [money(r.deficiency) for r in rows],
        _("Collectible"): [money(r.collectible) for r in rows],
        _("Cancelled debt"): [money(r.cancelled) for r in rows],
        _("Estimated federal tax"): [money(r.tax) for r in rows],
        _("You pay"): [money(r.pays) for r in rows],
        _("Total cost"): [money(r.total_cost) for r in rows],
        _("Credit report"): [a11y.label_value(r.status_code, render(r.status_text)) for r in rows],
        _("Years on the report"): [_years(r.report_months) for r in rows],
        _("Years to a Fannie Mae loan"): [_years(r.fannie_months) for r in rows],
        _("Years to an FHA loan"): [_years(r.fha_months) for r in rows],
    }
)
if sc.second_balance:
    table.insert(3, _("Second loan collectible"), [money(r.second_collectible) for r in rows])
if sc.loan == "mortgage" and sc.investor is not None:
    # Relocation help is cash in the borrower's hand on a short sale or deed in lieu.
    table[_("Relocation help")] = [money(r.relocation) for r in rows]
    table[_("Total cost after relocation help")] = [money(r.cost_after_relocation) for r in rows]
cheapest = min(r.total_cost for r in rows)
fannie = [r.fannie_months for r in rows if r.fannie_months is not None]
soonest = min(fannie) if fannie else None


def _highlight(frame_: pd.DataFrame) -> pd.DataFrame:
    styles = pd.DataFrame("", index=frame_.index, columns=frame_.columns)
    for i, r in enumerate(rows):
        if r.total_cost == cheapest:
            styles.iloc[i, frame_.columns.get_loc(_("Total cost"))] = "background-color: #d8eee2"
        if soonest is not None and r.fannie_months == soonest:
            col = frame_.columns.get_loc(_("Years to a Fannie Mae loan"))
            styles.iloc[i, col] = "background-color: #d8eee2"
    return styles


# Eleven columns cannot fit a phone: there each path is a list of its figures.
a11y.table(table.style.apply(_highlight, axis=None), key="compare", hide_index=True)
best = [_path_name(r) for r in rows if r.total_cost == cheapest]
st.markdown(
    plain(
        _("Lowest total cost: {paths} ({amount}).").format(
            paths=listing(best), amount=money(cheapest)
        )
    )
)
if soonest is not None:
    first = [_path_name(r) for r in rows if r.fannie_months == soonest]
    st.markdown(plain(_("Earliest Fannie Mae mortgage: {paths}.").format(paths=listing(first))))
st.caption(
    _(
        "Years on the report count from the first missed payment; settling later does not "
        "restart the clock. Mortgage waits count from the sale or settlement."
    )
)

st.download_button(
    _("Download CSV (comparison)"),
    data=csv_bytes(comparison_csv(whatif.comparison_records(rows, sc))),
    file_name="deficiency-comparison.csv",
    mime="text/csv",
    on_click="ignore",
    key="download_comparison",
)

fig = path_bars([_path_name(r) for r in rows], rows, _, money)
show_chart(
    fig,
    alt=_("Grouped bar chart comparing the paths"),
)

if sc.loan == "mortgage":
    st.subheader(_("Relocation help and short-sale approval"))
    cols = st.columns(3)
    inputs.optional_choice("investor", cols[0])
    inputs.amount("as_is_value", cols[1], optional=True)
    inputs.whole_number("days_marketed", cols[2])
    for path in ("short_sale", "deed_in_lieu"):
        moving = relocation_help(sc.model_copy(update={"path": path}))
        if moving is not None:
            st.markdown(
                "- "
                + plain(render(moving.summary))
                + " "
                + sections.source_link(_("Source"), moving.source_url)
                + ("" if moving.confidence == "confirmed" else " · " + _("Not fully confirmed"))
                + "".join("\n    - " + plain(render(c)) for c in moving.conditions)
            )
    if sc.as_is_value is not None and sc.investor == "fha":
        check = short_sale_check(sc, to_cents(sc.as_is_value), 0, days_marketed=sc.days_marketed)
        (st.warning if check.likely_rejected else st.success)(plain(render(check.verdict)))
        sections.bullets(check.notes)

st.subheader(_("Two saved scenarios side by side"))
st.caption(_("Paste two shared links (A and B). Nothing is stored: the links hold the scenarios."))
link_a = st.text_input(
    _("Link A"), value=state.share_url(), key="compare_a", max_chars=4000, persist_state="session"
)
link_b = st.text_input(_("Link B"), key="compare_b", max_chars=4000, persist_state="session")


def _open(link: str):
    params = dict(parse_qsl(urlsplit(link.strip()).query, keep_blank_values=True))
    scenario, issues = decode(params)
    return analyze(scenario), issues


if link_a and link_b:
    (a, issues_a), (b, issues_b) = _open(link_a), _open(link_b)
    for issue in issues_a + issues_b:
        st.warning(plain(issue_text(issue, from_link=True)))
    figures = [
        (_("Deficiency balance"), a.result.deficiency, b.result.deficiency),
        (_("Collectible deficiency"), a.state.collectible_cents, b.state.collectible_cents),
        (_("You still owe"), a.owes, b.owes),
        (_("Cancelled debt"), a.tax.cancelled_debt, b.tax.cancelled_debt),
        (
            _("Estimated extra federal tax"),
            a.tax.estimated_federal_tax,
            b.tax.estimated_federal_tax,
        ),
    ]
    side = pd.DataFrame(
        {
            _("Figure"): [f[0] for f in figures],
            "A": [money(f[1]) for f in figures],
            "B": [money(f[2]) for f in figures],
            _("Difference (B − A)"): [money(f[2] - f[1]) for f in figures],
        }
    )
    changed = [f[1] != f[2] for f in figures]

    def _mark(frame_: pd.DataFrame) -> pd.DataFrame:
        styles = pd.DataFrame("", index=frame_.index, columns=frame_.columns)
        for i, is_changed in enumerate(changed):
            if is_changed:
                styles.iloc[i, :] = "background-color: #fdf1d8"
        return styles

    a11y.table(side.style.apply(_mark, axis=None), key="compare_ab", hide_index=True)
    inputs_a, inputs_b = a.scenario.model_dump(), b.scenario.model_dump()
    diffs = [k for k in inputs_a if inputs_a[k] != inputs_b[k]]
    if diffs:
        st.caption(
            plain(
                _("Inputs that differ: {keys}").format(
                    keys=listing([field_label(key) for key in diffs])
                )
            )
        )

disclaimer()
frame.end()
