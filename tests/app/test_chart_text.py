"""Every chart has a text equivalent: the figures it shows are also in a table or sentence.

A screen reader gets a chart's accessible name (``alt``) but none of its figures, and a
phone's small chart hides some; so each figure a chart shows must also be on the page as
text (issue 17). Read from the charts' own data: the amounts in their labels and hover
text, the dates of a timeline, the states of the map. A chart of a continuous sweep (the
What-if curves, the heatmap) cannot list 201 points, so there a sample of its own points
must be in its table.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from deficiency.text import i18n
from tests.app.conftest import open_app, open_figure_groups
from tests.app.page_texts import element_texts, nodes, unescape
from tests.app.test_catalog_coverage import PAGES, QUERY

MONEY = re.compile(r"-?\$[\d,]+\.\d{2}")
#: More points than this is a sweep: a sample of it is enough.
SWEEP = 60
SAMPLE = 5


def chart_figures(spec: dict, lang: str) -> tuple[set[str], bool]:
    """What a chart shows as figures (amounts, dates, state codes), and whether it is a sweep."""
    figures: set[str] = set()
    points = 0
    for trace in spec["data"]:
        shown = [str(v) for key in ("customdata", "text") for v in _flat(trace.get(key))]
        figures.update(m for text in shown for m in MONEY.findall(text))
        if trace.get("type") == "heatmap":
            cells = _flat(trace["z"])
            figures.update(i18n.money(round(v * 100), lang) for v in cells)
            points = max(points, len(cells))
        if spec["layout"].get("xaxis", {}).get("type") == "date" and trace.get("mode") != "lines":
            figures.update(i18n.date(dt.date.fromisoformat(str(d)[:10]), lang) for d in trace["x"])
        if (
            trace.get("mode") == "markers+text"
            and spec["layout"].get("xaxis", {}).get("visible", True) is False
        ):  # the map: its tiles are the states
            figures.update(str(code) for code in trace.get("text") or [])
        points = max(points, len(_flat(trace.get("x"))))
    return figures, points > SWEEP


def _flat(value: object) -> list:
    if value is None:
        return []
    if isinstance(value, dict) and "bdata" in value:  # a numpy array sent as base64
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    if isinstance(value, list):
        return [item for v in value for item in (_flat(v) if isinstance(v, list) else [v])]
    return [value]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: (p or "pages/scenario.py")[6:-3])
def test_every_chart_has_its_figures_in_text(page: str | None, lang: str) -> None:
    at = open_figure_groups(open_app({**QUERY, "lang": lang}, page=page))
    assert not at.exception, at.exception
    text = "\n".join(
        unescape(t)
        for node in nodes(at)
        if getattr(node, "type", "") not in ("plotly_chart", "html", "bidi_component")
        for t in element_texts(node)
    )
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        figures, sweep = chart_figures(spec, lang)
        assert figures, f"{chart.proto.alt!r}: no figures read from the chart"
        missing = sorted(f for f in figures if f not in text)
        if sweep:
            found = len(figures) - len(missing)
            assert found >= SAMPLE, f"{chart.proto.alt!r}: only {found} of its points in text"
        else:
            assert not missing, f"{chart.proto.alt!r}: not in any table or sentence: {missing}"


def test_a_charts_figures_table_is_drawn_only_while_its_group_is_open() -> None:
    """What if's four "figures as a table" groups hold no input, so a closed one draws
    nothing (issue 16: details the reader has not opened cost nothing); opened, each shows
    its table, and closed again, it costs nothing again."""
    at = open_app(QUERY, page="pages/whatif.py")
    groups = [g for g in at.expander if g.label == "The chart's figures as a table"]
    assert len(groups) == 4 and not at.dataframe
    open_figure_groups(at)
    assert len(at.dataframe) == 4, len(at.dataframe)
    at.session_state["figures_whatif_price"] = False
    at.run()
    assert len(at.dataframe) == 3


def test_the_calculators_waterfall_follows_every_input_and_the_language() -> None:
    """The Calculator's waterfall is a dict styled outside Plotly (issue 16): a reader's new
    amount, or another reader's language, must reach the figure the browser gets."""

    def waterfall(at) -> dict:
        (spec,) = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
        return spec

    at = open_app({"balance": "250000", "sale_price": "200000"})
    first = waterfall(at)
    assert first["data"][0]["x"][-1] == 50000
    at.number_input(key="in_sale_price").set_value(190000.0).run()
    assert waterfall(at)["data"][0]["x"][-1] == 60000
    at.number_input(key="in_sale_price").set_value(200000.0).run()
    assert waterfall(at) == first  # the same scenario again: the same figure
    other = open_app({"balance": "250000", "sale_price": "200000", "lang": "ja"})
    japanese = waterfall(other)
    assert japanese["data"][0]["y"] != first["data"][0]["y"]  # labels in Japanese
    assert "¥" not in json.dumps(japanese) and japanese["data"][0]["x"] == first["data"][0]["x"]
    assert waterfall(at) == first  # the English reader's figure untouched
