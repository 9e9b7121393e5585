"""The State laws page says, for the reader's own facts, whether each protection reaches them."""

from __future__ import annotations

import json

from tests.app.conftest import open_app, shown

ARIZONA_SHORT_SALE = {
    "state": "AZ",
    "path": "short_sale",
    "balance": "250000",
    "sale_price": "200000",
}


def test_arizona_trustee_sale_bar_is_not_shown_as_covering_a_short_sale() -> None:
    """Issue 13: Arizona is coloured "No deficiency after a trustee sale"; a reader with a
    short sale must be told that protection does not reach them, in the table and on hover."""
    at = open_app(ARIZONA_SHORT_SALE, page="pages/states.py")
    assert not at.exception
    table = at.dataframe[0].value
    row = table[table["code"] == "AZ"].iloc[0]
    assert row["category"] == "No deficiency after a trustee sale"
    assert row["covers"] == "No"
    assert row["covers_why"].startswith(
        "Arizona's no-deficiency rule for trustee sales applies only after a trustee "
        "(nonjudicial) foreclosure sale, not after your short sale."
    )
    california = table[table["code"] == "CA"].iloc[0]
    assert california["covers"] == "Yes"  # Cal. Code Civ. Proc. § 580e bars it
    hover = [
        text
        for trace in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
        for text in trace["customdata"]
        if text.startswith("AZ ")
    ]
    assert hover and "Covers your situation: No" in hover[0]
    assert "not after your short" in hover[0]
    captions = [shown(c.value) for c in at.caption]
    assert any(c.endswith("in the calculator: your short sale.") for c in captions)


def test_the_column_follows_a_changed_path() -> None:
    at = open_app({**ARIZONA_SHORT_SALE, "path": "foreclosure"}, page="pages/states.py")
    table = at.dataframe[0].value
    assert table[table["code"] == "AZ"].iloc[0]["covers"] == "Yes"
