"""Small pieces every page draws: the link warnings, the disclaimer and the charts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection
from typing import Any

import streamlit as st

from ui import state
from ui.text import _, issue_text, plain


def show_issues(under_their_input: Collection[str] = ()) -> None:
    """List each bad key of the opened link, and each rejected input, in the reader's language.

    Values echoed from the link are escaped (:func:`ui.text.plain`): shown, never rendered.
    ``under_their_input``: fields whose page shows their message under the input instead
    (:func:`show_field_issues`), because the input sits in a fragment: its reruns do not
    redraw this list, and rerunning the whole page from the fragment made the page jump.
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
    below = [issue for field in under_their_input for issue in state.input_issues(field)]
    for issue in state.input_issues():
        if issue not in below:
            st.error(plain(issue_text(issue)))


def show_field_issues(field: str) -> None:
    """A refused value's message under its input, for an input in a fragment (What if's
    rate, far down the page, where the list at the top is neither in view nor redrawn)."""
    for issue in state.input_issues(field):
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


def _style(figure: Any, language: str) -> Any:
    """``figure`` in the house style (:func:`_style_spec`), as a new figure."""
    import plotly.graph_objects as go

    return go.Figure(_style_spec(figure.to_dict(), language), _validate=False)


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


def _merge(into: dict[str, Any], update: dict[str, Any]) -> None:
    """Nested dict update: ``update``'s leaves written into ``into`` (changed in place)."""
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


_AXIS = re.compile(r"[xy]axis\d*")


def _axes(layout: dict[str, Any], letter: str) -> list[str]:
    """The figure's x or y axes (``xaxis``, ``xaxis2``...), as Plotly's update_xaxes finds them."""
    more = sorted(key for key in layout if _AXIS.fullmatch(key) and key[0] == letter and key[5:])
    return [letter + "axis", *more]


def _style_spec(spec: dict[str, Any], language: str) -> dict[str, Any]:
    """The house style on a figure dict (changed in place, and returned): the reader's number
    marks (Babel's, via ``layout.separators``), text in the page's text colour, and an
    all-zero axis that reads $0 only. Plain dict edits, so no Plotly validation is paid on
    every rerun (issue 16); tests/ui checks it gives what Plotly's own update calls gave.
    """
    from deficiency.text.i18n import plotly_separators

    traces = spec["data"]
    layout = spec.setdefault("layout", {})
    # Amounts are what bars and lines plot (positions on a map or a timeline are not; a
    # heatmap's amounts are its colours).
    amounts: list[float] = []
    for trace in traces:
        kind = trace.get("type", "scatter")
        if kind in ("bar", "waterfall") or (
            kind == "scatter" and "lines" in (trace.get("mode") or "lines")
        ):
            values = trace.get("x" if trace.get("orientation") == "h" else "y")
            amounts += list(values) if values is not None else []
    if amounts and all(v == 0 for v in amounts):
        # Plotly's autorange labelled an all-zero axis "$0" and "$1"; only $0 is true.
        horizontal = any(trace.get("orientation") == "h" for trace in traces)
        zero_axis = {"range": [-0.05, 1], "tickmode": "array", "tickvals": [0]}
        for axis in _axes(layout, "x" if horizontal else "y"):
            _merge(layout.setdefault(axis, {}), zero_axis)
    text = {"color": CHART_TEXT}
    _merge(
        layout,
        {
            "separators": plotly_separators(language),
            "font": dict(text),
            "title": {"font": dict(text)},
            "legend": {"font": dict(text)},
        },
    )
    # Streamlit's chart theme sets the axes' own colours, which win over the layout's.
    for axis in _axes(layout, "x") + _axes(layout, "y"):
        _merge(layout.setdefault(axis, {}), {"tickfont": dict(text), "title": {"font": dict(text)}})
    for trace in traces:
        if trace.get("type") == "heatmap":
            _merge(trace, {"colorbar": {"tickfont": dict(text)}})
    return spec


def show_spec_chart(
    build: Callable[..., dict[str, Any]], *args: Any, alt: str, key: str | None = None
) -> None:
    """Like :func:`show_chart` for a figure built as a plain dict by ``build(*args, _,
    money)``: styled as a dict and handed to Plotly unvalidated, so a rerun does not pay
    Plotly's validation (~8 ms of the Calculator's ~30 ms run; issue 16): the Calculator's
    and the Letter check's waterfalls. ``build`` must
    give Plotly's nested dict form; tests validate its figures with Plotly.
    """
    import plotly.graph_objects as go

    from ui.text import _, lang, money

    spec = _style_spec(build(*args, _, money), lang())
    _draw(go.Figure(spec, _validate=False), alt, key)
