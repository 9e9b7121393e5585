"""Plotly figures drawn from core results (no arithmetic on amounts beyond plotting).

Hover text and labels are pre-formatted by Babel in the reader's language: Plotly has no
locale bundle in Streamlit, and the amounts shown must be the exact cents.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from deficiency.engine import Item

Translate = Callable[[str], str]
Money = Callable[[int], str]

COLORS = {"up": "#b4542d", "down": "#2e7d5b", "total": "#3b4a6b"}


def waterfall(items: tuple[Item, ...], _: Translate, money: Money) -> go.Figure:
    """From the balance, up through each cost, down through the proceeds, to the deficiency."""
    labels = [_(item.label) for item in items]
    measures = ["total" if item.sign == 0 else "relative" for item in items]
    values = [(item.sign or 1) * item.cents / 100 for item in items]
    values[-1] = items[-1].cents / 100 if items[-1].key == "deficiency" else 0
    hover = [money(item.cents) for item in items]
    signs = ["+" if item.sign > 0 else ("−" if item.sign < 0 else "=") for item in items]
    fig = go.Figure(
        go.Waterfall(
            x=labels,
            y=values,
            measure=measures,
            text=[f"{s} {h}" for s, h in zip(signs, hover, strict=True)],
            textposition="outside",
            customdata=hover,
            hovertemplate="%{x}: %{customdata}<extra></extra>",
            increasing={"marker": {"color": COLORS["up"]}},
            decreasing={"marker": {"color": COLORS["down"]}},
            totals={"marker": {"color": COLORS["total"]}},
            connector={"line": {"color": "#999", "width": 1}},
        )
    )
    fig.update_layout(
        title=_("From what was owed to the deficiency"),
        yaxis_title=_("US dollars"),
        showlegend=False,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=380,
        yaxis={"tickformat": "$,.0f", "rangemode": "tozero"},
        uniformtext={"minsize": 9, "mode": "hide"},
    )
    return fig


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
