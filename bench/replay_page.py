"""The Calculator's page with none of its Python: the floors for bench/load.py.

The page draws the Calculator's widgets as :mod:`bench.bare_page` does (real widgets,
registered and sent by Streamlit), then sends the Calculator's other elements (headings,
text, metrics, tables, chart, blocks), recorded from a run of the real page by
:mod:`bench.replay`, with nothing computed or formatted, in one of two ways
(``DEFICIENCY_REPLAY_MODE``):

* ``api``: the same public calls with the recorded arguments (``st.markdown(body)``,
  ``st.metric(label, body)``, ``st.table(frame)``, ``st.plotly_chart(figure)``, …): what
  Streamlit's own element code costs for this page, our code's cost taken away;
* ``raw``: the recorded protobufs handed to ``DeltaGenerator._enqueue`` as they are: what
  serializing and sending the same bytes costs, Streamlit's element code taken away too.

The recording's path comes from ``DEFICIENCY_REPLAY``.
"""

from __future__ import annotations

import json
import os
import runpy
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import streamlit as st

from bench.replay import read_elements

_ALERTS = {1: st.error, 2: st.warning, 3: st.info, 4: st.success}


def _as_call(kind: str, proto: Any) -> Callable[[], Any]:
    """One recorded element as the public call that draws it (arguments prepared once)."""
    if kind == "add_block":
        return st.container
    if kind == "markdown":
        from streamlit.proto.Markdown_pb2 import Markdown

        if proto.element_type == Markdown.Type.CAPTION:
            return lambda: st.caption(proto.body)
        if proto.element_type == Markdown.Type.DIVIDER:
            return st.divider
        return lambda: st.markdown(proto.body)
    if kind == "heading":
        draw = st.title if proto.tag == "h1" else st.subheader
        return lambda: draw(proto.body)
    if kind == "metric":
        return lambda: st.metric(proto.label, proto.body, help=proto.help or None)
    if kind == "alert":
        return lambda: _ALERTS[proto.format](proto.body)
    if kind == "code":
        return lambda: st.code(proto.code_text, language=None, wrap_lines=True)
    if kind == "html":
        return lambda: st.html(proto.body)
    if kind == "table":
        import pyarrow as pa

        frame = pa.ipc.open_stream(proto.arrow_data.data).read_all().to_pandas()
        return lambda: st.table(frame, hide_index=True)
    if kind == "plotly_chart":
        import plotly.graph_objects as go

        spec = json.loads(proto.spec)
        return lambda: st.plotly_chart(
            go.Figure(spec, _validate=False),
            config={"displaylogo": False, "displayModeBar": False},
            key="chart",
        )
    if kind == "download_button":
        return lambda: st.download_button(
            proto.label, data=b"recorded", file_name="replay.csv", on_click="ignore",
            key=proto.id.rsplit("-", 1)[-1],
        )  # fmt: skip
    raise ValueError(f"no public call for a recorded {kind}")


@cache
def _calls(path: str, mode: str) -> tuple[Callable[[], Any], ...]:
    elements = read_elements(Path(path))
    if mode == "raw":
        return tuple(
            st.container if kind == "add_block" else (lambda k=kind, p=proto: _raw(k, p))
            for kind, proto in elements
        )
    return tuple(_as_call(kind, proto) for kind, proto in elements)


def _raw(kind: str, proto: Any) -> None:
    st._main._enqueue(kind, proto)  # Streamlit's own path for a built element


runpy.run_path(str(Path(__file__).with_name("bare_page.py")))
for draw in _calls(
    os.environ["DEFICIENCY_REPLAY"], os.environ.get("DEFICIENCY_REPLAY_MODE", "api")
):
    draw()
