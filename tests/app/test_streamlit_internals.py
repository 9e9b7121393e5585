"""The Streamlit internals the app relies on are still there and still behave (issue 13).

:mod:`ui.streamlit_internals` is the only place the app touches Streamlit's private
internals (checked against 1.67.0). These tests drive each of its functions against the
installed Streamlit, so an upgrade that removes or changes one of them fails here, by name,
instead of silently losing what readers typed when a server dies.

The reconnect is simulated inside a script run (AppTest): the values are handed to the
session state the way Streamlit hands over what a reconnecting browser sends with its first
run (``SessionState.set_widgets_from_proto``), before any widget of the session is drawn.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from streamlit.testing.v1 import AppTest

from ui import streamlit_internals as internals


def _script() -> None:
    """A page with one widget of each kind the app uses, keyed like the app's inputs."""
    import streamlit as st
    from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
    from streamlit.runtime.state.session_state_proxy import get_session_state

    from ui import streamlit_internals as internals

    sent = st.session_state.pop("_sent", None)
    if sent is not None:  # a reconnecting browser's values, before anything is drawn
        states = WidgetStates()
        states.ParseFromString(sent)
        get_session_state()._state.set_widgets_from_proto(states)
    found = internals.unregistered_widget_values("in_")
    st.session_state["_found"] = sorted(found)

    st.number_input("Amount", value=1.0, key="in_amount")
    st.selectbox("Choice", ["a", "b"], format_func={"a": "Alpha", "b": "Beta"}.get, key="in_choice")
    st.radio("Kind", ["x", "y"], format_func={"x": "Ex", "y": "Why"}.get, key="in_kind")
    st.text_input("Text", key="in_text")
    st.checkbox("Flag", key="in_flag")
    st.text_input("Other", key="other")

    st.session_state["_values"] = {key: internals.widget_value(s) for key, s in found.items()}
    try:
        internals.widget_value(WidgetState(id="$$ID-0123456789abcdef-in_never", double_value=1))
    except KeyError:
        st.session_state["_never_drawn"] = "KeyError"


def _ids() -> dict[str, str]:
    """Element ids of the script's widgets, by key (what the browser sends them under)."""
    at = AppTest.from_function(_script).run()
    assert not at.exception, at.exception
    widgets = [*at.number_input, *at.selectbox, *at.radio, *at.text_input, *at.checkbox]
    return {w.key: w.id for w in widgets if w.key}


def _resent(ids: dict[str, str]) -> bytes:
    """What a browser showing edited values sends with a new session's first run."""
    states = WidgetStates()
    states.widgets.extend(
        [
            WidgetState(id=ids["in_amount"], double_value=212345.67),
            WidgetState(id=ids["in_choice"], string_value="Beta"),  # the label, not "b"
            WidgetState(id=ids["in_kind"], string_value="Why"),
            WidgetState(id=ids["in_text"], string_value="typed"),
            WidgetState(id=ids["in_flag"], bool_value=True),
            WidgetState(id=ids["other"], string_value="not an input of ours"),
        ]
    )
    return states.SerializeToString()


def test_resent_values_are_found_before_drawing_and_decoded_after() -> None:
    at = AppTest.from_function(_script)
    at.session_state["_sent"] = _resent(_ids())
    at.run()
    assert not at.exception, at.exception
    assert at.session_state["_found"] == ["in_amount", "in_choice", "in_flag", "in_kind", "in_text"]
    assert at.session_state["_values"] == {
        "in_amount": 212345.67,
        "in_choice": "b",
        "in_kind": "y",
        "in_text": "typed",
        "in_flag": True,
    }
    assert at.session_state["_never_drawn"] == "KeyError"

    at.run()  # an ordinary run of the same session: every widget is registered by now
    assert not at.exception, at.exception
    assert at.session_state["_found"] == []


def test_a_fresh_session_without_resent_values_finds_none() -> None:
    at = AppTest.from_function(_script).run()
    assert not at.exception, at.exception
    assert at.session_state["_found"] == []


def test_missing_internals_raise_instead_of_returning_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import streamlit.runtime.state.session_state_proxy as proxy

    monkeypatch.setattr(proxy, "get_session_state", lambda: object())
    checked = re.escape(internals.CHECKED_AGAINST)
    with pytest.raises(internals.StreamlitInternalsChangedError, match=checked):
        internals.unregistered_widget_values("in_")
    with pytest.raises(internals.StreamlitInternalsChangedError):
        internals.widget_value(WidgetState(id="x", double_value=1))


def _frontend_bundle() -> str:
    js = Path(streamlit.__file__).parent / "static" / "static" / "js"
    bundles = [p for p in js.glob("index.*.js") if "handleConnectionStateChanged" in p.read_text()]
    assert len(bundles) == 1, f"the frontend's App bundle not found in {js}"
    return bundles[0].read_text()


def test_the_browser_still_reruns_on_reconnect_when_a_fragment_auto_reruns() -> None:
    """The frontend rule :func:`rerun_after_reconnect` relies on (App.tsx, minified)."""
    bundle = _frontend_bundle()
    handler = re.search(r"handleConnectionStateChanged=.{0,1200}?Requesting a script run", bundle)
    assert handler, "the reconnect handler no longer requests a script run"
    assert "autoRerunIntervals.size>0" in handler.group(0), (
        "on reconnect the browser no longer reruns because of an auto-rerun fragment: "
        "rerun_after_reconnect needs another way"
    )
    auto = re.search(r"handleAutoRerun=.{0,400}?autoRerunIntervals\.set\(", bundle)
    assert auto, "an auto_rerun message no longer registers an interval"


def test_the_reconnect_fragment_reruns_by_itself() -> None:
    """Streamlit still sends the browser an auto-rerun for the fragment, under the browser's
    timer limit (2**31 - 1 ms), so the interval exists and never fires at once."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    assert "auto_rerun" in ForwardMsg.DESCRIPTOR.fields_by_name
    assert 0 < internals.RECONNECT_FRAGMENT_EVERY.total_seconds() * 1000 < 2**31 - 1

    def page() -> None:
        from ui import streamlit_internals

        streamlit_internals.rerun_after_reconnect()

    at = AppTest.from_function(page).run()
    assert not at.exception, at.exception


def test_legacy_multipage_flag_is_still_there() -> None:
    from streamlit.runtime.pages_manager import PagesManager

    saved = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = True
        assert internals.leave_legacy_multipage_mode() is True
        assert PagesManager.uses_pages_directory is False
        assert internals.leave_legacy_multipage_mode() is False
    finally:
        PagesManager.uses_pages_directory = saved
