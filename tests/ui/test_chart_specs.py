"""The Calculator's waterfall is handed to Plotly unvalidated (issue 16): it must be exactly
the figure Plotly's validated path makes, for any scenario and language."""

from __future__ import annotations

import plotly.graph_objects as go
from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency import evaluate, validate
from deficiency.core.money import cents_str
from deficiency.core.scenario import FORMULA_AMOUNT_KEYS
from deficiency.text import i18n
from ui.charts import waterfall_spec
from ui.widgets import _style, _style_spec

amounts = st.one_of(st.just(0), st.integers(min_value=0, max_value=10_000_000_000))


@st.composite
def items(draw):
    data = {key: cents_str(draw(amounts)) for key in FORMULA_AMOUNT_KEYS}
    data["loan"] = draw(st.sampled_from(["mortgage", "auto", "other"]))
    data.pop("settlement", None)
    return evaluate(validate(data)).items


@settings(max_examples=150, deadline=None)
@given(items(), st.sampled_from(sorted(i18n.LANGUAGES)))
def test_the_fast_waterfall_is_plotlys_own_figure(lines, language: str) -> None:
    _ = i18n.gettext_for(language)

    def money(cents: int) -> str:
        return i18n.money(int(cents), language)

    validated = _style(go.Figure(waterfall_spec(lines, _, money)), language).to_dict()
    fast = _style_spec(waterfall_spec(lines, _, money), language)
    assert go.Figure(fast, _validate=False).to_dict() == validated
    go.Figure(fast)  # and Plotly's validator accepts every property as given


def test_an_all_zero_waterfall_reads_zero_only() -> None:
    lines = evaluate(validate({"balance": "0", "sale_price": "0"})).items
    spec = _style_spec(waterfall_spec(lines, str, str), "en")
    assert spec["layout"]["xaxis"]["tickvals"] == [0]
