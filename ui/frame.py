"""What every page does first and last: open the link, offer the language, write the link.

Pages call :func:`begin` and :func:`end` themselves (rather than the entry point doing it
around ``page.run()``) so a page behaves the same however it is run: through
``st.navigation`` in the server, or as a lone script (AppTest re-runs a page module
directly once ``pages/`` exists, the legacy multipage folder name).
"""

from __future__ import annotations

import streamlit as st

from deficiency import i18n
from ui import state
from ui.text import LANG_KEY


def _set_language() -> None:
    st.session_state[LANG_KEY] = st.session_state["lang_select"]


def begin() -> None:
    """Open the scenario from the link (once per link) and draw the language selector."""
    state.load_from_link()
    with st.sidebar:
        st.selectbox(
            "Language · 言語 · Idioma",
            options=list(i18n.LANGUAGES),
            format_func=i18n.LANGUAGES.__getitem__,
            key="lang_select",
            on_change=_set_language,
        )


def end() -> None:
    """Mirror the scenario into the address bar after the page has drawn."""
    state.write_link()
