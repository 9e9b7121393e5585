"""What-if explorer: how the deficiency, the tax and your total cost move with the sale price,
the settlement and the fees. Every curve is one vectorized call to the core."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from deficiency.core import delay, whatif
from deficiency.core.delay import delay_schedule, parse_rate, per_month_message
from deficiency.core.money import cents_from_widget, to_cents
from deficiency.core.scenario import Scenario
from deficiency.text import i18n
from ui import a11y, firstpaint, frame, inputs, state
from ui.charts import monthly_bars, price_fee_heatmap, sweep_lines
from ui.text import _, lang, money, number, plain, render, whole_dollars
from ui.widgets import (
    disclaimer,
    show_chart,
    show_field_issues,
    show_issues,
)


@st.cache_data(max_entries=128, show_spinner=False)
def _curve(
    scenario_json: str, axis: str, low: int, high: int, points: int, reader: str
) -> dict[str, list]:
    """Cached by scenario, range and language: a sweep over one amount, with its hover text.

    The Babel-formatted amounts (one per point and measure) cost more than the sweep
    itself, so they are cached with it.
    """
    sc = Scenario.model_validate_json(scenario_json)
    if axis == "settlement":
        sc = sc.model_copy(update={"action": "settle"})
    values = whatif.linspace_cents(low, high, points)
    found = whatif.figures(sc, **{axis: values})
    curve: dict[str, list] = {"x": values.tolist()}
    curve["x_text"] = [i18n.money(v, reader) for v in curve["x"]]
    for key, array in found.items():
        curve[key] = np.asarray(array).tolist()
        curve[key + "_text"] = [i18n.money(v, reader) for v in curve[key]]
    return curve


@st.cache_data(max_entries=32, show_spinner=False)
def _grid(scenario_json: str, prices: tuple[int, int], fees: tuple[int, int], measure: str) -> dict:
    sc = Scenario.model_validate_json(scenario_json)
    price_axis = whatif.linspace_cents(*prices, whatif.GRID_POINTS)
    fee_axis = whatif.linspace_cents(*fees, whatif.GRID_POINTS)
    found = whatif.figures(sc, sale_price=price_axis[None, :], total_fees=fee_axis[:, None])
    # numpy arrays, not lists: Plotly validates list elements one by one (10x slower).
    return {"x": price_axis / 100, "y": fee_axis / 100, "z": found[measure] / 100}


frame.begin()
st.title(_("What if…?"))
st.caption(
    _(
        "Move the ranges to see how the deficiency, the tax on cancelled debt and your total "
        "cost change. Every point is computed exactly, with your state's rules."
    )
)
show_issues(under_their_input=("rate",))  # the rate's own part shows its message
sc = state.scenario()
scenario_json = whatif.sweep_key(sc)  # the curves' cache key: not the rate
price = to_cents(sc.sale_price)
owed = to_cents(sc.balance) + to_cents(sc.total_fees)
if owed == 0:
    st.info(_("Enter a loan balance on the calculator first; the charts follow your scenario."))


def _figures_table(curve: dict, x_title: str, measures: list[str], rows: int) -> pd.DataFrame:
    """Evenly spaced points of a curve, as the chart's text equivalent (Babel's text)."""
    last = len(curve["x"]) - 1
    picked = sorted({round(i * last / (rows - 1)) for i in range(rows)})
    columns = {x_title: [curve["x_text"][i] for i in picked]}
    for key in measures:
        columns[_(whatif.MEASURES[key])] = [curve[key + "_text"][i] for i in picked]
    return pd.DataFrame(columns)


@st.fragment
def price_explorer() -> None:
    st.subheader(_("If the sale price were different"))
    default = whatif.price_range(sc)
    top = max(int(default[-1]) // 100, owed // 100 * 2, 1000)
    step = max(top // 200, 1)
    start = (int(default[0]) // 100, int(default[-1]) // 100)
    # A select slider, so its marks are Babel's money ("$144,500"), not a bare 144500; the
    # default range is among the options, so the chart samples the scenario's own price.
    options = sorted({*range(0, top + 1, step), top, *start})
    kept = st.session_state.get("whatif_price_range")
    if kept and not set(kept) <= set(options):  # another scenario's range: start afresh
        del st.session_state["whatif_price_range"]
    low, high = st.select_slider(
        _("Sale price range (US dollars)"),
        options=options,
        value=start,
        format_func=lambda dollars: whole_dollars(dollars * 100),
        key="whatif_price_range",
        persist_state="session",
    )
    curve = _curve(scenario_json, "sale_price", low * 100, max(high, low + 1) * 100, 201, lang())
    show_chart(
        sweep_lines(curve, _("Sale price"), price, list(whatif.MEASURES), _),
        alt=_("Line chart of the deficiency and your costs against the sale price"),
        key="whatif_price_chart",
    )
    if firstpaint.ready():  # the first chart first: see ui/firstpaint.py
        a11y.chart_figures(
            _figures_table(curve, _("Sale price"), list(whatif.MEASURES), 9), key="whatif_price"
        )


@st.fragment
def settlement_explorer() -> None:
    st.subheader(_("If you settle the deficiency"))
    base = whatif.figures(sc.model_copy(update={"action": "collect"}))
    deficiency = int(base["deficiency"])
    if deficiency == 0:
        st.caption(_("There is no deficiency to settle in this scenario."))
        return
    if int(base["collectible"]) == 0:  # "Paying $15,000: … $0.00 in all" read as nonsense
        st.caption(
            _(
                "Your state's law leaves nothing of this deficiency for the lender to collect, "
                "so there is nothing to settle."
            )
        )
        return
    curve = _curve(scenario_json, "settlement", 0, deficiency, 101, lang())
    pct = inputs.settlement_share("whatif_settle_pct")
    paid = whatif.settlement_for(deficiency, pct)
    if firstpaint.ready():
        show_chart(
            sweep_lines(curve, _("Settlement paid"), paid, ["cancelled", "tax", "total_cost"], _),
            alt=_("Line chart of cancelled debt, tax and total cost against the settlement"),
            key="whatif_settle_chart",
        )
        a11y.chart_figures(
            _figures_table(curve, _("Settlement paid"), ["cancelled", "tax", "total_cost"], 11),
            key="whatif_settle",
        )
    offer = whatif.figures(whatif.settled_at(sc, deficiency, pct))
    st.markdown(
        plain(
            _(
                "Paying {paid}: {cancelled} is cancelled, about {tax} of federal tax, "
                "{total} in all."
            ).format(
                paid=money(paid),
                cancelled=money(int(offer["cancelled"])),
                tax=money(int(offer["tax"])),
                total=money(int(offer["total_cost"])),
            )
        )
    )


@st.fragment
def fee_heatmap() -> None:
    st.subheader(_("Sale price × fees"))
    labels = {
        "deficiency": _("Deficiency"),
        "total_cost": _("Your total cost (what you pay + tax)"),
    }
    measure = st.radio(
        _("Show"),
        list(labels),
        format_func=labels.__getitem__,
        horizontal=True,
        key="whatif_measure",
        persist_state="session",
    )
    if not firstpaint.ready():  # its 200 × 200 grid is most of what the page sends
        return
    prices = whatif.price_range(sc)
    fees = whatif.fee_range(sc)
    grid = _grid(
        scenario_json, (int(prices[0]), int(prices[-1])), (int(fees[0]), int(fees[-1])), measure
    )
    fig = price_fee_heatmap(grid, labels[measure], price, to_cents(sc.total_fees), _)
    show_chart(
        fig,
        alt=_("Heatmap of the deficiency over sale price and fees"),
        key="whatif_heatmap",
    )
    # Its text equivalent: the measure at five fee levels (rows) by five sale prices.
    last = len(grid["x"]) - 1
    picks = sorted({round(i * last / 4) for i in range(5)})
    figures = pd.DataFrame(
        {
            _("Fees and costs"): [money(round(grid["y"][i] * 100)) for i in picks],
            **{
                money(round(grid["x"][j] * 100)): [
                    money(round(grid["z"][i][j] * 100)) for i in picks
                ]
                for j in picks
            },
        }
    )
    a11y.chart_figures(figures, key="whatif_heatmap", caption=labels[measure])


@st.fragment
def delay_explorer() -> None:
    """The cost of waiting. Its rate, months, storage and monthly fees rerun only this part:
    nothing above reads them, and redrawing the curves and the heatmap made a new rate take
    ~190 ms to show (issue 16). The rate is a scenario input, so this part writes the link
    itself and shows a refused rate's message under it (the page's list at the top is not
    redrawn by this part's reruns)."""
    st.subheader(_("The cost of waiting"))
    inputs.percent("rate")
    show_field_issues("rate")
    sc = state.scenario()  # this run's: a fragment's rerun keeps the page's older globals
    cols = st.columns(3)
    months = cols[0].slider(
        _("Months of waiting"), *delay.WAIT_MONTHS, key="delay_months", persist_state="session"
    )
    storage = cols[1].number_input(
        _("Storage per day (vehicle)"),
        *delay.WAIT_STORAGE_PER_DAY,
        format="%.2f",
        key="delay_storage",
        persist_state="session",
    )
    monthly = cols[2].number_input(
        _("Fees added each month"),
        *delay.WAIT_MONTHLY_FEES,
        format="%.2f",
        key="delay_fees",
        persist_state="session",
    )
    rate = parse_rate(str(sc.rate))
    storage_cents = cents_from_widget(storage)
    monthly_cents = cents_from_widget(monthly)
    table = delay_schedule(sc, months, rate, storage_cents, monthly_cents)
    st.markdown(plain(render(per_month_message(sc, rate, storage_cents, monthly_cents))))
    state.write_link()
    if not firstpaint.ready():
        return
    fig = monthly_bars(
        table["month"].tolist(),
        table["deficiency"].tolist(),
        _,
        money,
        # One translated pattern per line: word order is the language's ("3か月後"), not "Month 3".
        a11y.label_value(_("Months from now"), "%{x}")
        + "<br>"
        + a11y.label_value(_("Deficiency balance"), "%{customdata}"),
    )
    show_chart(
        fig,
        alt=_("Bar chart of the deficiency month by month"),
        key="delay_chart",
    )
    a11y.chart_figures(
        pd.DataFrame(
            {
                _("Months from now"): [number(m) for m in table["month"].tolist()],
                _("Deficiency balance"): [money(v) for v in table["deficiency"].tolist()],
            }
        ),
        key="delay",
    )


price_explorer()
settlement_explorer()
fee_heatmap()
delay_explorer()
disclaimer()
frame.end()
firstpaint.finish()
