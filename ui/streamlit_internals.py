"""Every use of Streamlit's private internals, in one small module.

Checked against Streamlit 1.67.0 (pinned in ``requirements.txt``). Nothing here is public API:
``tests/app/test_streamlit_internals.py`` exercises each function against the installed
Streamlit and fails, naming what changed, if an upgrade removes or changes any of it. The
functions raise :class:`StreamlitInternalsChangedError` rather than quietly doing nothing.

Why each is needed:

* **Values a reconnecting browser re-sends** (:func:`unregistered_widget_values`). When the
  server behind a page dies or restarts, the browser reconnects to a new session (on another
  replica, or the restarted process) and sends every widget's value with its first run.
  Streamlit keeps them serialized in ``SessionState._new_widget_state`` until a widget with
  the same id registers *in this session*. Before that it can neither read them
  (``WStates.__getitem__``: no deserializer, "pretend it doesn't exist") nor call their
  ``on_change`` callbacks (``SessionState._call_callbacks`` skips a widget without
  metadata), and a value set through ``st.session_state`` (how every input here starts
  from the scenario, :func:`ui.inputs._prepare`) wins over them when the widget registers
  (``SessionState._getitem``). So what the reader had typed, including an edit still in
  flight when the server died, was overwritten by the link. No public API reads a widget's
  value before it registers, or decodes a choice's value (a select box sends its formatted
  label) without that widget's own deserializer.
* **A rerun after every reconnect** (:func:`rerun_after_reconnect`). No Python internals,
  but an undocumented frontend rule: on reconnecting, the browser asks for a run only if it
  believes one was under way, or if the page has an auto-rerun fragment
  (``App.handleConnectionStateChanged`` in the frontend bundle: ``scriptRunState`` running
  or rerun requested, or ``autoRerunIntervals.size > 0``). A committed edit does not count
  as a run under way until the server answers, so an edit whose message died with the server
  was never sent again, and the page kept the dead server's figures.
* **Legacy multipage mode** (:func:`leave_legacy_multipage_mode`): a process starts in it
  because a ``pages/`` folder exists (``PagesManager.uses_pages_directory``) and runs a page
  file alone, without ``app.py``, until some run of ``app.py`` calls ``st.navigation``.
  (The page that turns it off reruns with ``st.rerun()``, which leaves the session's widget
  state untouched, so what a reconnecting browser re-sent still reaches the rerun.)
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import streamlit as st

if TYPE_CHECKING:
    from streamlit.proto.WidgetStates_pb2 import WidgetState

CHECKED_AGAINST = "1.67.0"

#: How often the reconnect fragment reruns by itself (it draws nothing). Long, because the
#: periodic run is only a side effect; under the browser's timer limit (about 24.8 days).
RECONNECT_FRAGMENT_EVERY = timedelta(hours=12)


class StreamlitInternalsChangedError(RuntimeError):
    """A Streamlit internal this app relies on is missing or different (an upgrade?)."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"Streamlit internals changed: {what} (checked against Streamlit "
            f"{CHECKED_AGAINST}; see ui/streamlit_internals.py)"
        )


def _widget_state() -> tuple[Any, Any]:
    """This session's widget values (``WStates``) and the lock that guards them."""
    try:
        from streamlit.runtime.state.session_state_proxy import get_session_state

        safe = get_session_state()
        return safe._state._new_widget_state, safe._lock
    except (ImportError, AttributeError) as exc:
        raise StreamlitInternalsChangedError(f"session widget state: {exc}") from exc


def unregistered_widget_values(prefix: str) -> dict[str, WidgetState]:
    """The values the browser sent for keyed widgets no run of this session has drawn yet.

    By widget key (only keys starting with ``prefix``), as the browser's protobuf
    ``WidgetState``. Empty in a session's ordinary runs: every widget a browser shows was
    drawn, so registered, by this session. After a reconnect to a new session: what the
    reader's page held, including an edit the dead server never answered. Read it at the
    start of a run, before any widget is drawn.
    """
    try:
        from streamlit.runtime.state.common import user_key_from_element_id
        from streamlit.runtime.state.session_state import Serialized
    except ImportError as exc:
        raise StreamlitInternalsChangedError(f"widget state classes: {exc}") from exc
    widgets, lock = _widget_state()
    try:
        with lock:
            entries = list(widgets.states.items())
            registered = set(widgets.widget_metadata)
    except AttributeError as exc:
        raise StreamlitInternalsChangedError(f"WStates fields: {exc}") from exc
    found: dict[str, WidgetState] = {}
    for element_id, stored in entries:
        if element_id in registered or not isinstance(stored, Serialized):
            continue
        key = user_key_from_element_id(element_id) or ""
        if key.startswith(prefix):
            found[key] = stored.value
    return found


def widget_value(sent: WidgetState) -> Any:
    """A re-sent value as the widget now registered under its id reads it.

    Uses that widget's own deserializer (a select box's label becomes its option, a number
    input's double its float). Call after the widget has been drawn in this session;
    ``KeyError`` when no widget with that id has been.
    """
    try:
        from streamlit.runtime.state.session_state import Serialized, WStates
    except ImportError as exc:
        raise StreamlitInternalsChangedError(f"widget state classes: {exc}") from exc
    widgets, lock = _widget_state()
    try:
        with lock:
            metadata = widgets.widget_metadata.get(sent.id)
    except AttributeError as exc:
        raise StreamlitInternalsChangedError(f"WStates fields: {exc}") from exc
    if metadata is None:
        raise KeyError(sent.id)
    try:
        alone = WStates(states={sent.id: Serialized(sent)}, widget_metadata={sent.id: metadata})
    except TypeError as exc:
        raise StreamlitInternalsChangedError(f"WStates/Serialized constructors: {exc}") from exc
    return alone[sent.id]


@st.fragment(run_every=RECONNECT_FRAGMENT_EVERY)
def _reconnect_fragment() -> None:
    """Draws nothing: being an auto-rerun fragment is its whole purpose (see the module)."""


def rerun_after_reconnect() -> None:
    """Make the browser ask for a run whenever it reconnects (call once per page run).

    The browser then re-sends every widget value to the new session at once, so the figures
    and the link catch up with what the page shows (with :func:`unregistered_widget_values`)
    instead of waiting for the reader's next edit.
    """
    _reconnect_fragment()


def leave_legacy_multipage_mode() -> bool:
    """Turn Streamlit's legacy ``pages/`` mode off for the process; True if it was on."""
    try:
        from streamlit.runtime.pages_manager import PagesManager

        was_on = bool(PagesManager.uses_pages_directory)
    except (ImportError, AttributeError) as exc:
        raise StreamlitInternalsChangedError(f"PagesManager.uses_pages_directory: {exc}") from exc
    PagesManager.uses_pages_directory = False
    return was_on
