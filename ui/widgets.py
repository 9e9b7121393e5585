"""Small pieces every page draws: the link warnings, the disclaimer and the charts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st

from ui import state
from ui.text import _, issue_text, plain


def show_issues() -> None:
    """List each bad key of the opened link, and each rejected input, in the reader's language.

    Values echoed from the link are escaped (:func:`ui.text.plain`): shown, never rendered.
    """
    link_issues = st.session_state.get(state.LINK_ISSUES) or []
    if link_issues:
        lines = [_("Some settings in this link could not be used and were left out:")]
        lines += ["- " + plain(issue_text(issue, from_link=True)) for issue in link_issues]
        st.warning("\n".join(lines))
    bad_lang = st.session_state.pop(state.LANG_NOTICE, None)
    if bad_lang is not None:
        st.info(
            _("The language “{code}” is not available; showing English.").format(
                code=plain(bad_lang)
            )
        )
    for issue in state.input_issues():
        st.error(plain(issue_text(issue)))


def disclaimer(as_of: dt.date | None = None) -> None:
    """The one-line disclaimer, with the date the rules shown were last checked.

    ``as_of``: the page's own date when the core computes one for the rules it shows (the
    Credit page); otherwise the state-law rules' date. Either way the page shows one date.
    """
    from deficiency.rules.state_law import rules_as_of
    from deficiency.text.labels import DISCLAIMER
    from ui.text import date

    day = as_of or rules_as_of(state.scenario())
    st.caption(plain(_("Rules as of {date}.").format(date=date(day))))
    st.caption(_(DISCLAIMER))


#: Chart text (axes, legends, titles) in the theme's text colour: Streamlit's chart theme
#: draws it in a light grey that does not reach 4.5:1 on the page (WCAG 1.4.3, issue 17).
CHART_TEXT = "#0b1220"


def _nothing_to_draw(figure: Any) -> bool:
    """True when every amount the figure plots as bars or lines is zero (positions on a
    map or a timeline are not amounts; a heatmap's amounts are its colours)."""
    amounts: list[float] = []
    for trace in figure.data:
        if trace.type in ("bar", "waterfall") or (
            trace.type == "scatter" and "lines" in (trace.mode or "lines")
        ):
            horizontal = getattr(trace, "orientation", None) == "h"
            values = trace.x if horizontal else trace.y
            amounts += list(values) if values is not None else []
    return bool(amounts) and all(v == 0 for v in amounts)


def _style(figure: Any, language: str) -> Any:
    """The house style on ``figure`` (changed in place): the reader's number marks (Babel's,
    via ``layout.separators``), readable text, and an all-zero axis that reads $0 only."""
    from deficiency.text.i18n import plotly_separators

    if _nothing_to_draw(figure):
        # Plotly's autorange labelled an all-zero axis "$0" and "$1"; only $0 is true.
        horizontal = any(getattr(t, "orientation", None) == "h" for t in figure.data)
        zero_axis = {"range": [-0.05, 1], "tickmode": "array", "tickvals": [0]}
        (figure.update_xaxes if horizontal else figure.update_yaxes)(**zero_axis)
    figure.update_layout(
        separators=plotly_separators(language),
        font={"color": CHART_TEXT},
        title_font_color=CHART_TEXT,
        legend_font_color=CHART_TEXT,
    )
    # Streamlit's chart theme sets the axes' own colours, which win over the layout's.
    figure.update_xaxes(tickfont_color=CHART_TEXT, title_font_color=CHART_TEXT)
    figure.update_yaxes(tickfont_color=CHART_TEXT, title_font_color=CHART_TEXT)
    figure.update_traces(colorbar={"tickfont": {"color": CHART_TEXT}}, selector={"type": "heatmap"})
    return figure


def _draw(figure: Any, alt: str, key: str | None) -> None:
    st.plotly_chart(
        figure, config={"displaylogo": False, "displayModeBar": False}, alt=alt, key=key
    )


def show_chart(figure: Any, alt: str, key: str | None = None) -> None:
    """Draw a Plotly figure the same way everywhere: no logo or toolbar, the reader's number
    marks, readable text and an accessible name.

    Each chart's figures are also in a table or a sentence beside it, drawn by its page.
    """
    from ui.text import lang

    _draw(_style(figure, lang()), alt, key)


#: Styled figures kept per process (issue 16): a few hundred kB at most.
CACHED_FIGURES = 128


@st.cache_resource(max_entries=CACHED_FIGURES, show_spinner=False)
def _built(_build: Callable[..., Any], name: str, args: tuple[Any, ...], language: str) -> Any:
    """``_build(*args, _, money)`` in ``language``, styled; ``name`` (the builder's dotted
    name) keys the cache in its place. Shared by every session and never changed after it is
    made (Streamlit's chart copies it with ``to_dict`` to send it)."""
    from deficiency.text import i18n

    def money(cents: int) -> str:
        return i18n.money(int(cents), language)

    return _style(_build(*args, i18n.gettext_for(language), money), language)


def show_built_chart(
    build: Callable[..., Any], *args: Any, alt: str, key: str | None = None
) -> None:
    """Like :func:`show_chart` for a figure that depends only on ``args`` and the language:
    built and styled once per process, not on every rerun (building and styling the
    Calculator's waterfall took ~8 ms of each ~30 ms rerun; issue 16).

    ``build(*args, _, money)`` must be a pure function of its arguments, which must be
    hashable values (core results are frozen dataclasses).
    """
    from ui.text import lang

    name = f"{build.__module__}.{build.__qualname__}"
    _draw(_built(build, name, tuple(args), lang()), alt, key)
