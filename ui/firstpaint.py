"""The answer first: a session's first run of a page leaves out what is heavy to draw.

Why (issue 16): a new visitor's browser downloads and compiles each kind of element's code
before it draws one. The Calculator's chart (Plotly, 4.7 MB of JavaScript), its table (the
data grid and Arrow, 1.2 MB) and its share-link box (the syntax highlighter, 1.5 MB) came
in the same run as the headline, and compiling them held the headline back by about two
seconds. So the session's first run draws the headline and every input, and a small
component asks for the next run once the browser shows the headline: that run adds the
chart, the table, the explanations below it and the link box. What if does the same with
its first chart: its first run draws that chart and every input, and leaves out the other
three charts (one, the 200 × 200 heatmap, is most of the bytes it sends) and the tables.
Any other run (an edit typed meanwhile) draws everything too. Nothing a reader types is
affected: every widget is drawn in every run (a widget left out of a run would lose its
value, issue 13); only output waits. If the component's script never runs (a script error,
a very old browser), the reader's next action brings the rest.

Without a browser on the other end (``AppTest``: no request headers; a browser always sends
``Host``) there is nothing to paint first, and every run draws everything.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

_PAINTED = "_first_paint_done"

#: Ask for the rest of the page once every input has been drawn and the headline's figure
#: (a metric, or What if's first chart) is on screen, or the tab is in the background
#: (nobody is waiting for a first paint), or
#: four seconds have passed (a page whose headline never shows). Never while an input's code
#: is still loading: an input still a skeleton when the next run came never saw the value
#: the first run gave it, and showed its default (0.00) although the scenario held the
#: link's figure. Polled with timers, which keep running (slower) in a background tab,
#: where animation frames stop.
_JS = """
export default function ({ setTriggerValue }) {
  const started = performance.now();
  const figures = "[data-testid='stMetricValue'], [data-testid='stPlotlyChart'] svg.main-svg";
  const shown = () => [...document.querySelectorAll(figures)]
    .some((el) => el.getBoundingClientRect().height > 0);
  const drawn = () => !document.querySelector("[data-testid='stSkeleton']");
  const ask = () => setTriggerValue("painted", true);
  const step = () => {
    const waited = performance.now() - started > 4000;
    if (!drawn() || !(shown() || document.hidden || waited)) {
      window.setTimeout(step, 50);
    } else if (document.hidden) {
      ask();
    } else {
      requestAnimationFrame(() => window.setTimeout(ask, 0));  // after the frame is painted
    }
  };
  step();
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
