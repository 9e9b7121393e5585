"""Plotly figures drawn from core results (no arithmetic on amounts beyond plotting).

Hover text and labels are pre-formatted by Babel in the reader's language: Plotly has no
locale bundle in Streamlit, and the amounts shown must be the exact cents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from deficiency.core.engine import Item
from deficiency.core.whatif import MEASURES

Translate = Callable[[str], str]
Money = Callable[[int], str]

COLORS = {"up": "#b4542d", "down": "#2e7d5b", "total": "#3b4a6b"}


def wrap_label(text: str, width: int = 18) -> str:
    """A long category label on several lines (Plotly's ``<br>``), so a phone's narrow chart
    keeps room for the bars. Text without spaces (Japanese) is left whole: Plotly sizes the
    axis margin to it."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def waterfall_spec(items: tuple[Item, ...], _: Translate, money: Money) -> dict[str, Any]:
    """From the balance, up through each cost, down through the proceeds, to the deficiency.

    Horizontal, read top to bottom like the letter it explains: the labels sit on the left
    in full at any width (upright vertical bars turned them sideways and cut them on a
    phone). An amount is printed inside its bar when it fits; every amount is in the
    breakdown table drawn with the chart.

    A plain Plotly figure dict, in the nested form Plotly's own ``to_dict`` gives, so the
    Calculator can hand it to Plotly without validating it on every rerun (validation took
    ~8 ms of each run: issue 16); tests validate it with Plotly for many scenarios.
    """
    values = [(item.sign or 1) * item.cents / 100 for item in items]
    values[-1] = items[-1].cents / 100 if items[-1].key == "deficiency" else 0
    hover = [money(item.cents) for item in items]
    signs = ["+" if item.sign > 0 else ("−" if item.sign < 0 else "=") for item in items]
    labels = [wrap_label(_(item.label)) for item in items]
    # A bar's slot is as tall as its label: a three-line label ("Saldo deficiente
    # (deficiency balance)") ran into the next one in a fixed 40 px slot on a phone.
    slots = [max(40, 20 * (label.count("<br>") + 1) + 6) for label in labels]
    trace = {
        "type": "waterfall",
        "orientation": "h",
        "y": labels,
        "x": values,
        "measure": ["total" if item.sign == 0 else "relative" for item in items],
        "text": [f"{s} {h}" for s, h in zip(signs, hover, strict=True)],
        "textposition": "inside",
        "insidetextanchor": "middle",
        "customdata": hover,
        "hovertemplate": _("{label}: {value}").format(label="%{y}", value="%{customdata}")
        + "<extra></extra>",
        "increasing": {"marker": {"color": COLORS["up"]}},
        "decreasing": {"marker": {"color": COLORS["down"]}},
        "totals": {"marker": {"color": COLORS["total"]}},
        "connector": {"line": {"color": "#999", "width": 1}},
    }
    layout = {
        "title": {"text": wrap_label(_("From what was owed to the deficiency"), 40)},
        "xaxis": {
            "title": {"text": _("US dollars")},
            "tickformat": "$,.0f",
            "rangemode": "tozero",
            "nticks": 5,
        },
        "yaxis": {"autorange": "reversed", "automargin": True},
        "showlegend": False,
        "margin": {"l": 10, "r": 20, "t": 50, "b": 10},
        "height": 120 + sum(slots),
        "uniformtext": {"minsize": 10, "mode": "hide"},
    }
    return {"data": [trace], "layout": layout}


def breakdown_table(items: tuple[Item, ...], _: Translate, money: Money) -> pd.DataFrame:
    """The same lines as the waterfall, as a table for screen readers and copying."""
    effect = {1: _("Adds to what you owe"), -1: _("Applied against the debt"), 0: _("Result")}
    return pd.DataFrame(
        {
            _("Item"): [_(item.label) for item in items],
            _("Effect"): [effect[item.sign] for item in items],
            _("Amount"): [money(item.cents) for item in items],
        }
    )


#: Tile-grid map of the 50 states and DC: (column, row). Equal squares, no map tiles or
#: geometry files to fetch, so the page makes no external request and every state is
#: the same size (small states stay readable).
TILE_GRID: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (10, 0),
    "VT": (9, 1), "NH": (10, 1),
    "WA": (0, 2), "ID": (1, 2), "MT": (2, 2), "ND": (3, 2), "MN": (4, 2), "IL": (5, 2),
    "WI": (6, 2), "MI": (7, 2), "NY": (8, 2), "RI": (9, 2), "MA": (10, 2),
    "OR": (0, 3), "NV": (1, 3), "WY": (2, 3), "SD": (3, 3), "IA": (4, 3), "IN": (5, 3),
    "OH": (6, 3), "PA": (7, 3), "NJ": (8, 3), "CT": (9, 3),
    "CA": (0, 4), "UT": (1, 4), "CO": (2, 4), "NE": (3, 4), "MO": (4, 4), "KY": (5, 4),
    "WV": (6, 4), "VA": (7, 4), "MD": (8, 4), "DE": (9, 4),
    "AZ": (1, 5), "NM": (2, 5), "KS": (3, 5), "AR": (4, 5), "TN": (5, 5), "NC": (6, 5),
    "SC": (7, 5), "DC": (8, 5),
    "OK": (3, 6), "LA": (4, 6), "MS": (5, 6), "AL": (6, 6), "GA": (7, 6),
    "HI": (0, 7), "TX": (3, 7), "FL": (8, 7),
}  # fmt: skip

CATEGORY_COLORS = {
    "barred_after_trustee_sale": "#2e7d5b",
    "fair_value_credit": "#7fb8d8",
    "allowed": "#d9b36c",
}


def state_tiles(
    codes: list[str],
    categories: list[str],
    category_labels: dict[str, str],
    hover: list[str],
    title: str,
    chosen: str | None = None,
) -> go.Figure:
    """A tile map coloured by protection; one trace per category gives a readable legend."""
    fig = go.Figure()
    for category, color in CATEGORY_COLORS.items():
        picked = [i for i, c in enumerate(categories) if c == category]
        fig.add_trace(
            go.Scatter(
                x=[TILE_GRID[codes[i]][0] for i in picked],
                y=[-TILE_GRID[codes[i]][1] for i in picked],
                mode="markers+text",
                marker={
                    "symbol": "square",
                    "size": 28,  # 11 tiles fit a phone's 360 px without overlapping
                    "color": color,
                    "line": {
                        "width": [4 if codes[i] == chosen else 1 for i in picked],
                        "color": ["#1f2933" if codes[i] == chosen else "#ffffff" for i in picked],
                    },
                },
                text=[codes[i] for i in picked],
                textfont={"color": "#1f2933", "size": 12},
                customdata=[hover[i] for i in picked],
                hovertemplate="%{customdata}<extra></extra>",
                name=wrap_label(category_labels[category], 30),  # fits a phone's legend
            )
        )
    fig.update_layout(
        title=wrap_label(title, 40),  # Plotly does not wrap a title: it ran off a phone
        xaxis={"visible": False, "range": [-0.7, 10.7]},
        yaxis={"visible": False, "range": [-7.7, 0.7], "scaleanchor": "x"},
        # One entry per line under the map: side by side they ran off a phone's screen.
        legend={"orientation": "v", "yanchor": "top", "y": -0.02, "x": 0},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=520,
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return fig


def date_ticks(
    days: list[dt.date], month: Callable[[dt.date], str], year: Callable[[dt.date], str]
) -> list[tuple[dt.date, str]]:
    """Axis dates spanning ``days`` with their text in the reader's language: every 6
    months for up to 3 years, every year up to 8, every 2 years beyond."""
    first, last = min(days), max(days)
    span = last.year - first.year
    if span <= 3:
        starts = [dt.date(y, m, 1) for y in range(first.year, last.year + 2) for m in (1, 7)]
        return [(d, month(d)) for d in starts if first <= d <= last]
    step = 1 if span <= 8 else 2
    return [
        (dt.date(y, 1, 1), year(dt.date(y, 1, 1)))
        for y in range(first.year + 1, last.year + 1, step)
    ]


def timeline(
    events: list[tuple[object, str, str]],
    today_label: str,
    ticks: list[tuple[object, str]],
) -> go.Figure:
    """Credit milestones on a date axis: (date, label, formatted date) per event.

    Each marker carries its number, and the table drawn with the chart lists the numbers
    with their milestones and dates: written labels on the chart overlapped one another
    and were cut at the chart's ends on a phone. ``ticks`` are the axis dates with their
    text from Babel (Plotly would write English month names).
    """
    fig = go.Figure()
    ys = [(-1) ** i * (1 + (i // 2) % 3) for i in range(len(events))]
    for (day, _label, _shown), y in zip(events, ys, strict=True):
        fig.add_trace(
            go.Scatter(
                x=[day, day],
                y=[0, y],
                mode="lines",
                line={"color": "#9aa5b1", "width": 1},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[e[0] for e in events],
            y=ys,
            mode="markers+text",
            marker={
                "size": 22,
                "color": ["#b4542d" if e[1] == today_label else "#2f5d8a" for e in events],
            },
            text=[str(i) for i in range(1, len(events) + 1)],
            textfont={"color": "#ffffff", "size": 12},
            textposition="middle center",
            customdata=[f"{i}. {e[1]} — {e[2]}" for i, e in enumerate(events, 1)],
            hovertemplate="%{customdata}<extra></extra>",
            showlegend=False,
        )
    )
    fig.update_layout(
        yaxis={"visible": False, "range": [-4.5, 4.5]},
        xaxis={
            "type": "date",
            "showgrid": True,
            "tickmode": "array",
            "tickvals": [t[0] for t in ticks],
            "ticktext": [t[1] for t in ticks],
        },
        height=360,
        margin={"l": 20, "r": 20, "t": 20, "b": 10},
    )
    fig.add_hline(y=0, line={"color": "#52606d", "width": 2})
    return fig


# -- What if and Compare ----------------------------------------------------------------------
#: One colour per What-if measure (deficiency.core.whatif.MEASURES), on every chart.
MEASURE_COLORS = {
    "deficiency": "#3b4a6b",
    "collectible": "#2f5d8a",
    "cancelled": "#7fb8d8",
    "tax": "#b4542d",
    "total_cost": "#2e7d5b",
}


def sweep_lines(
    curve: dict, x_title: str, marked: int, measures: list[str], _: Translate
) -> go.Figure:
    """What if: each measure against one swept amount (``curve``: cents and Babel's text per
    point), the scenario's own point marked with a dotted line."""
    fig = go.Figure()
    for key in measures:
        hover = curve[key + "_text"]
        fig.add_trace(
            go.Scatter(
                x=np.asarray(curve["x"]) / 100,
                y=np.asarray(curve[key]) / 100,
                name=_(MEASURES[key]),
                line={"color": MEASURE_COLORS[key], "width": 2},
                customdata=[[x, h] for x, h in zip(curve["x_text"], hover, strict=True)],
                hovertemplate="%{customdata[0]} → %{customdata[1]}<extra>%{fullData.name}</extra>",
            )
        )
    fig.add_vline(x=marked / 100, line={"color": "#52606d", "dash": "dot"})
    fig.add_annotation(
        x=marked / 100,
        y=1.02,
        yref="paper",
        text=_("Your scenario"),
        showarrow=False,
        xanchor="left",
        xshift=4,
    )
    fig.update_layout(
        xaxis_title=x_title,
        yaxis_title=_("US dollars"),
        xaxis={"tickformat": "$,.0f"},
        yaxis={"tickformat": "$,.0f", "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.25},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        height=420,
        hovermode="x unified",
    )
    return fig


def price_fee_heatmap(
    grid: dict, measure_label: str, price_cents: int, fees_cents: int, _: Translate
) -> go.Figure:
    """What if: one measure over sale price × fees (``grid``: dollars), the scenario marked."""
    fig = go.Figure(
        go.Heatmap(
            x=grid["x"],
            y=grid["y"],
            z=grid["z"],
            colorscale="Blues",
            colorbar={"tickformat": "$,.0f"},
            # Each line "label: value" in the language's own pattern; the amounts are Plotly's
            # (a 200 × 200 grid), with the reader's number marks from layout.separators.
            hovertemplate="<br>".join(
                _("{label}: {value}").format(label=label, value=f"$%{{{axis}:,.2f}}")
                for label, axis in (
                    (_("Sale price"), "x"),
                    (_("Fees and costs"), "y"),
                    (measure_label, "z"),
                )
            )
            + "<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[price_cents / 100],
            y=[fees_cents / 100],
            mode="markers",
            marker={"symbol": "x", "size": 14, "color": "#b4542d"},
            name=_("Your scenario"),
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        xaxis_title=_("Sale price"),
        yaxis_title=_("Fees and costs"),
        xaxis={"tickformat": "$,.0f"},
        yaxis={"tickformat": "$,.0f"},
        height=460,
        margin={"l": 10, "r": 10, "t": 20, "b": 10},
        showlegend=False,
    )
    return fig


def monthly_bars(
    months: list[int], deficiency: list[int], _: Translate, money: Money, hover_label: str
) -> go.Figure:
    """What if: the deficiency after each month of waiting (cents), Babel's text on hover;
    ``hover_label`` is the hover line's template (the month, then the amount)."""
    fig = go.Figure(
        go.Bar(
            x=months,
            y=[c / 100 for c in deficiency],  # plot coordinates only
            marker_color=MEASURE_COLORS["deficiency"],
            customdata=[money(v) for v in deficiency],
            hovertemplate=hover_label + "<extra></extra>",
        )
    )
    fig.update_layout(  # the measure as the title: a long one as the axis title was cut
        title=wrap_label(_("Deficiency balance"), 40),
        xaxis_title=_("Months from now"),
        yaxis={"tickformat": "$,.0f", "title": _("US dollars")},
        height=380,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
    )
    return fig


#: Compare's bars: the measures side by side for each path.
PATH_MEASURES: tuple[str, ...] = ("collectible", "cancelled", "tax", "total_cost")


def path_bars(names: list[str], rows: list[Any], _: Translate, money: Money) -> go.Figure:
    """Compare: collectible, cancelled, tax and total cost per path (``rows``: the core's
    ``PathRow`` records, ``names``: their names in the reader's language)."""
    fig = go.Figure()
    for key in PATH_MEASURES:
        values = [getattr(r, key) for r in rows]
        fig.add_trace(
            go.Bar(  # horizontal: the paths' names stay whole and upright on a phone
                y=[wrap_label(name) for name in names],
                x=[v / 100 for v in values],
                orientation="h",
                name=_(MEASURES[key]),
                marker_color=MEASURE_COLORS[key],
                customdata=[money(v) for v in values],
                hovertemplate=_("{label}: {value}").format(label="%{y}", value="%{customdata}")
                + "<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_layout(
        barmode="group",
        xaxis={"tickformat": "$,.0f", "title": _("US dollars"), "nticks": 5},
        yaxis={"autorange": "reversed", "automargin": True},
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
        height=200 + 90 * len(rows),
        margin={"l": 10, "r": 20, "t": 20, "b": 10},
    )
    return fig
