"""The answer first: a session's first run of the Calculator leaves out what is heavy to draw.

Why (issue 16): a new visitor's browser downloads and compiles each kind of element's code
before it draws one. The Calculator's chart (Plotly, 4.7 MB of JavaScript), its table (the
data grid and Arrow, 1.2 MB) and its share-link box (the syntax highlighter, 1.5 MB) came
in the same run as the headline, and compiling them held the headline back by about two
seconds. So the session's first run draws the headline, the inputs and the explanations,
and a small component asks for the next run once the browser shows the headline: that run
adds the chart, the table and the link box. Any other run (an edit typed meanwhile) draws
everything too. Nothing a reader types is affected: every widget is drawn in every run (a
widget left out of a run would lose its value, issue 13); only output waits.

Without a browser on the other end (``AppTest``: no request headers) there is nothing to
paint first, and every run draws everything.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

_PAINTED = "_first_paint_done"

#: Once every input has been drawn and the headline's figure is on screen (or after about
#: four seconds of frames, so a page without it never waits for ever), one frame later,
#: ask for the rest of the page. The inputs matter: an input whose code was still loading
#: (a skeleton) when the next run came never saw the value the first run gave it, and
#: showed its default (0.00) although the scenario held the link's figure.
_JS = """
export default function ({ setTriggerValue }) {
  let frames = 0;
  const shown = () => [...document.querySelectorAll("[data-testid='stMetricValue']")]
    .some((el) => el.offsetParent !== null);
  const drawn = () => !document.querySelector("[data-testid='stSkeleton']");
  const step = () => {
    frames += 1;
    if (drawn() && (shown() || frames > 240)) {
      requestAnimationFrame(() => setTriggerValue("painted", true));
      return;
    }
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}
"""

_component: Any = None


def ready() -> bool:
    """Whether this run draws the heavy elements: every run but a browser session's first."""
    return bool(st.session_state.get(_PAINTED)) or not st.context.headers


def finish() -> None:
    """Last thing on the page: after the light first run, ask the browser for the next run
    as soon as it shows the headline."""
    global _component
    if st.session_state.get(_PAINTED):
        return
    st.session_state[_PAINTED] = True
    if _component is None:
        _component = st.components.v2.component("deficiency_paint_first", js=_JS)
    with st.sidebar, st.container(key="paint_first"):
        _component(key="paint_first_component", height=0, on_painted_change=_nothing)


def _nothing() -> None:
    """The trigger's rerun is the whole point; there is nothing to store."""
