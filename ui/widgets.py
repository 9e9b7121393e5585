"""Small pieces every page draws: the link warnings, the disclaimer and the charts."""

from __future__ import annotations

import datetime as dt
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


def show_chart(figure: Any, alt: str, key: str | None = None) -> None:
    """Draw a Plotly figure the same way everywhere: no logo or toolbar, the reader's number
    marks (Babel's, via ``layout.separators``) and an accessible name."""
    from deficiency.text.i18n import plotly_separators
    from ui.text import lang

    figure.update_layout(separators=plotly_separators(lang()))
    st.plotly_chart(
        figure, config={"displaylogo": False, "displayModeBar": False}, alt=alt, key=key
    )
