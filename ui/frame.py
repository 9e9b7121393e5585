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


def _leave_legacy_multipage_mode() -> None:
    """Make sure every page runs through ``app.py``'s ``st.navigation``.

    Why: a process starts in Streamlit's legacy multipage mode because a ``pages/`` folder
    exists (``PagesManager.uses_pages_directory``), and only a run of ``app.py`` (its
    ``st.navigation``) turns it off. So on a freshly started server whose first visitor
    follows a shared link to ``/compare`` or ``/whatif``, Streamlit ran that page file
    alone: no page config, a menu of file names, and every later visitor the same until
    someone opened ``/``. Turning the flag off and rerunning sends this very run through
    ``app.py`` with the same page. Streamlit 1.67 (pinned); tests/browser checks a fresh
    server opened on a deep link.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def begin() -> None:
    """Open the scenario from the link (once per link) and draw the language selector."""
    _leave_legacy_multipage_mode()
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
