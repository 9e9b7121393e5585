"""What every page does first and last: open the link, offer the language, write the link.

Pages call :func:`begin` and :func:`end` themselves (rather than the entry point doing it
around ``page.run()``) so a page behaves the same however it is run: through
``st.navigation`` in the server, or as a lone script (AppTest re-runs a page module
directly once ``pages/`` exists, the legacy multipage folder name).
"""

from __future__ import annotations

import threading

import streamlit as st

from deficiency.text import i18n
from ui import a11y, state, streamlit_internals
from ui.text import LANG_KEY

#: Choice widgets outside the scenario whose options are codes shown with translated labels.
_TRANSLATED_CHOICES = ("whatif_measure",)


def _set_language() -> None:
    """Switch the reader's language, and hand every input its value again.

    Why the second part: select boxes and radios keep the label they last showed in the
    browser (Streamlit 1.67 identifies their value by its label), so after a switch they
    went on showing the previous language's option until the page was reloaded. A value
    set from the script is sent to the browser with the new labels.
    """
    st.session_state[LANG_KEY] = st.session_state["lang_select"]
    for key in list(st.session_state.keys()):
        if isinstance(key, str) and (
            key.startswith(state.WIDGET_PREFIX) or key in _TRANSLATED_CHOICES
        ):
            st.session_state[key] = st.session_state[key]


#: Set by ``app.py`` in the thread of the run it starts; read and cleared by :func:`begin`.
_THIS_RUN = threading.local()
_LEFT_LEGACY = "_left_legacy_mode"


def entered_through_app() -> None:
    """``app.py`` calls this before ``st.navigation``: this run passes through the entry point."""
    _THIS_RUN.via_app = True


def _leave_legacy_multipage_mode() -> None:
    """Make sure every page runs through ``app.py``'s ``st.navigation``.

    Why: a process starts in Streamlit's legacy multipage mode because a ``pages/`` folder
    exists (``PagesManager.uses_pages_directory``), and only a run of ``app.py`` (its
    ``st.navigation``) turns it off. So on a freshly started server whose first visitor
    follows a shared link to ``/compare`` or ``/whatif``, Streamlit ran that page file
    alone: no page config, a menu of file names, and every later visitor the same until
    someone opened ``/``. A run that did not pass through ``app.py`` (told by a marker the
    entry point leaves in its own thread, not by the process-wide flag, which another
    first visitor may already have turned off) turns the mode off and reruns: the rerun
    goes through ``app.py`` with the same page. At most once per session, so a page run
    on its own (a test harness) never loops. Streamlit 1.67 (pinned); tests/browser opens
    a fresh server on deep links.
    """
    via_app = getattr(_THIS_RUN, "via_app", False)
    _THIS_RUN.via_app = False
    if via_app:
        return
    streamlit_internals.leave_legacy_multipage_mode()
    if not st.session_state.get(_LEFT_LEGACY):
        st.session_state[_LEFT_LEGACY] = True
        st.rerun()


def begin() -> None:
    """Open the scenario from the link (once per link) and draw the language selector."""
    _leave_legacy_multipage_mode()
    state.load_from_link()
    a11y.page_shell()  # the page's language, the menu closing on phones, the phone layout
    with st.sidebar:
        st.selectbox(
            "Language · 言語 · Idioma",
            options=list(i18n.LANGUAGES),
            format_func=i18n.LANGUAGES.__getitem__,
            key="lang_select",
            on_change=_set_language,
        )
        # So that a browser reconnecting after its server died reruns the page at once and
        # re-sends what it shows (issue 13): ui.streamlit_internals explains why.
        streamlit_internals.rerun_after_reconnect()


def end() -> None:
    """Mirror the scenario into the address bar after the page has drawn.

    Last, because it may rerun the page: after a reconnect, the edits the reader's browser
    re-sent are applied in a rerun (:func:`ui.state.replay_resent_values`).
    """
    state.write_link()
    state.replay_resent_values()
