"""Charts are styled as plain dicts and handed to Plotly unvalidated (issue 16): each must be
exactly the figure Plotly's own (validated) update calls made, for any scenario and language.
The oracle below is the styling as it was written with those calls."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency import evaluate, validate
from deficiency.core.money import cents_str
from deficiency.core.scenario import FORMULA_AMOUNT_KEYS
from deficiency.text import i18n
from ui.charts import waterfall_spec
from ui.widgets import CHART_TEXT, _style, _style_spec

amounts = st.one_of(st.just(0), st.integers(min_value=0, max_value=10_000_000_000))
LANGUAGES = sorted(i18n.LANGUAGES)


def plotly_styled(figure: go.Figure, language: str) -> dict[str, Any]:
    """The house style applied with Plotly's validated update calls (the oracle)."""
    amounts: list[float] = []
    for trace in figure.data:
        if trace.type in ("bar", "waterfall") or (
            trace.type == "scatter" and "lines" in (trace.mode or "lines")
        ):
            values = trace.x if getattr(trace, "orientation", None) == "h" else trace.y
            amounts += list(values) if values is not None else []
    if amounts and all(v == 0 for v in amounts):
        horizontal = any(getattr(t, "orientation", None) == "h" for t in figure.data)
        zero_axis = {"range": [-0.05, 1], "tickmode": "array", "tickvals": [0]}
        (figure.update_xaxes if horizontal else figure.update_yaxes)(**zero_axis)
    figure.update_layout(
        separators=i18n.plotly_separators(language),
        font={"color": CHART_TEXT},
        title_font_color=CHART_TEXT,
        legend_font_color=CHART_TEXT,
    )
    figure.update_xaxes(tickfont_color=CHART_TEXT, title_font_color=CHART_TEXT)
    figure.update_yaxes(tickfont_color=CHART_TEXT, title_font_color=CHART_TEXT)
    figure.update_traces(colorbar={"tickfont": {"color": CHART_TEXT}}, selector={"type": "heatmap"})
    return figure.to_dict()


@st.composite
def items(draw):
    data = {key: cents_str(draw(amounts)) for key in FORMULA_AMOUNT_KEYS}
    data["loan"] = draw(st.sampled_from(["mortgage", "auto", "other"]))
    data.pop("settlement", None)
    return evaluate(validate(data)).items


@settings(max_examples=150, deadline=None)
@given(items(), st.sampled_from(LANGUAGES))
def test_the_fast_waterfall_is_plotlys_own_figure(lines, language: str) -> None:
    _ = i18n.gettext_for(language)

    def money(cents: int) -> str:
        return i18n.money(int(cents), language)

    validated = plotly_styled(go.Figure(waterfall_spec(lines, _, money)), language)
    fast = _style_spec(waterfall_spec(lines, _, money), language)
    assert go.Figure(fast, _validate=False).to_dict() == validated
    go.Figure(fast)  # and Plotly's validator accepts every property as given


OTHER_FIGURES = {
    "zero bars": lambda: go.Figure(go.Bar(x=["a", "b"], y=[0, 0])),
    "bars": lambda: go.Figure(go.Bar(x=["a", "b"], y=[0, 5]), layout={"title": {"text": "T"}}),
    "zero lines": lambda: go.Figure(go.Scatter(x=[1, 2], y=[0, 0], mode="lines")),
    "markers on a timeline": lambda: go.Figure(go.Scatter(x=[1, 2], y=[0, 0], mode="markers")),
    "heatmap": lambda: go.Figure(go.Heatmap(z=[[1, 2], [3, 4]], x=[1, 2], y=[0, 0])),
    "two x axes": lambda: go.Figure(
        [go.Bar(x=[1], y=[2]), go.Bar(x=[1], y=[3], xaxis="x2")],
        layout={"xaxis2": {"overlaying": "x"}},
    ),
}


def test_every_other_chart_kind_is_styled_as_plotly_would() -> None:
    for name, make in OTHER_FIGURES.items():
        for language in LANGUAGES:
            assert _style(make(), language).to_dict() == plotly_styled(make(), language), name


def test_every_letter_check_waterfall_is_plotlys_own_figure() -> None:
    # The Letter check draws the lender's own lines (intermediate totals, expenses, credits)
    # through the same fast path: every worked letter, in every language.
    import json
    from pathlib import Path

    from deficiency.counselor.letter import check_letter, validate_letter

    path = Path(__file__).parents[1] / "deficiency" / "counselor" / "ucc_letter_examples.json"
    for example in json.loads(path.read_text(encoding="utf-8")):
        lines = check_letter(validate_letter(example["letter"]), state=example["state"]).lines
        for language in LANGUAGES:
            _ = i18n.gettext_for(language)
            spec = waterfall_spec(lines, _, str)
            validated = plotly_styled(go.Figure(waterfall_spec(lines, _, str)), language)
            assert go.Figure(_style_spec(spec, language), _validate=False).to_dict() == validated
            go.Figure(spec)


def test_an_all_zero_waterfall_reads_zero_only() -> None:
    lines = evaluate(validate({"balance": "0", "sale_price": "0"})).items
    spec = _style_spec(waterfall_spec(lines, str, str), "en")
    assert spec["layout"]["xaxis"]["tickvals"] == [0]


def test_a_label_on_three_lines_gets_a_taller_slot() -> None:
    # Spanish "Saldo deficiente (deficiency balance)" wraps to three lines: in a fixed 40 px
    # slot it ran into "Precio de venta" on a phone.
    lines = evaluate(validate({"loan": "auto", "balance": "10000", "sale_price": "8500"})).items
    english = waterfall_spec(lines, i18n.gettext_for("en"), str)
    spanish = waterfall_spec(lines, i18n.gettext_for("es"), str)
    assert max(label.count("<br>") for label in spanish["data"][0]["y"]) == 2
    assert english["layout"]["height"] == 120 + 40 * len(lines)
    assert spanish["layout"]["height"] > english["layout"]["height"]
