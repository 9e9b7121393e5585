"""AppTest helpers: run the real entry point (navigation and link sync included)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.paths import ROOT


def open_app(query: dict[str, str] | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page).run()
    return at


def open_figure_groups(at: AppTest) -> AppTest:
    """Open every chart's "figures as a table" group, as a reader does, and rerun: the page
    draws a group's table only while it is open (``ui.a11y.chart_figures``, issue 16). The
    group's key ends its element id (``$$ID-<hash>-figures_…``)."""
    for group in at.expander:
        key = group.proto.id.rsplit("-", 1)[-1] if group.proto.id else ""
        if key.startswith("figures_"):
            at.session_state[key] = True
    return at.run()


def metric(at: AppTest, label: str) -> str:
    for item in at.metric:
        if item.label == label:
            return item.value
    raise AssertionError(f"no metric {label!r}: {[m.label for m in at.metric]}")


def shown(markdown: str) -> str:
    """Markdown source as the reader sees it (backslash escapes removed)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def url_of(at: AppTest) -> dict[str, str]:
    """The query string the app last wrote to the address bar.

    AppTest does not mirror script-side ``st.query_params`` writes back into
    ``at.query_params`` (URL sync is the browser's job); the browser tests check the real
    address bar, this checks what the app asked for.
    """
    return dict(at.session_state["_last_url"])


def plotly_values(data: object) -> list[float]:
    """A Plotly array from a chart spec: a plain list, or a base64 typed array (numpy input)."""
    import base64

    import numpy as np

    if isinstance(data, dict) and "bdata" in data:
        array = np.frombuffer(base64.b64decode(data["bdata"]), dtype=np.dtype(data["dtype"]))
        return array.tolist()
    return list(data)  # type: ignore[call-overload]


@pytest.fixture
def app():
    return open_app
