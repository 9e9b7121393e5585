"""CSV exports read back to exactly the engine's cents (no float anywhere)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency.core.analysis import Analysis, analyze
from deficiency.core.engine import evaluate
from deficiency.core.money import MAX_AMOUNT, cents_str, to_cents
from deficiency.core.scenario import FORMULA_AMOUNT_KEYS, STATE_CODES, validate
from deficiency.interface.examples import example
from deficiency.outputs import exports
from deficiency.text import i18n

TODAY = dt.date(2026, 3, 1)


def parsed(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def items_and_totals(text: str) -> tuple[list[dict[str, str]], dict[str, int]]:
    rows = parsed(text)
    items = [row for row in rows if row["kind"] == "item"]
    totals = {row["key"]: to_cents(row["amount"]) for row in rows if row["kind"] == "total"}
    assert len(items) + len(totals) == len(rows)
    return items, totals


def check_exact(found: Analysis, text: str) -> None:
    """Every line and total reads back to the very cents of the analysis."""
    result = found.result
    items, totals = items_and_totals(text)
    assert [row["key"] for row in items] == [item.key for item in result.items]
    for row, item in zip(items, result.items, strict=True):
        assert row["amount"] == cents_str(item.cents)
        assert to_cents(row["amount"]) == item.cents
        assert int(row["sign"]) == item.sign
    assert totals == {
        "total_owed": result.total_owed,
        "applied": result.applied,
        "collectible_deficiency": found.state.collectible_cents,
        "still_owed": found.owes,
        "cancelled_debt": found.cancelled,  # one cancelled figure: the tax section's
    }
    signed = sum(int(row["sign"]) * to_cents(row["amount"]) for row in items)
    assert signed == result.deficiency - result.surplus
    closing = [row for row in items if row["sign"] == "0"]
    assert len(closing) == 1
    expected = ("surplus", result.surplus) if result.surplus else ("deficiency", result.deficiency)
    assert (closing[0]["key"], to_cents(closing[0]["amount"])) == expected


def test_short_sale_example() -> None:
    found = analyze(example("short_sale"), TODAY)
    text = exports.breakdown_csv(found)
    check_exact(found, text)
    assert text.splitlines()[0] == "kind,key,label,amount,sign"
    assert "item,deficiency,Deficiency balance,50000.00,0" in text.splitlines()
    assert found.result.deficiency == 5_000_000


def test_car_example() -> None:
    found = analyze(example("car"), TODAY)
    text = exports.breakdown_csv(found)
    check_exact(found, text)
    lines = text.splitlines()
    assert "item,legal_fees,Legal and court fees,500.00,1" in lines
    assert "item,deficiency,Deficiency balance,2000.00,0" in lines
    assert "total,total_owed,Total owed,10500.00," in lines


def test_pandas_reads_the_same_strings() -> None:
    found = analyze(example("car"), TODAY)
    frame = pd.read_csv(io.StringIO(exports.breakdown_csv(found)), dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(exports.BREAKDOWN_COLUMNS)
    items = frame[frame["kind"] == "item"]
    assert list(items["amount"]) == [cents_str(item.cents) for item in found.result.items]
    assert sum(
        int(sign) * to_cents(amount)
        for sign, amount in zip(items["sign"], items["amount"], strict=True)
    ) == (found.result.deficiency - found.result.surplus)


@pytest.mark.parametrize("lang", ["ja", "es"])
def test_labels_are_translated_and_codes_are_not(lang: str) -> None:
    found = analyze(example("short_sale"), TODAY)
    gettext = i18n.gettext_for(lang)
    rows = parsed(exports.breakdown_csv(found, lang))
    assert [row["key"] for row in rows] == [
        row["key"] for row in parsed(exports.breakdown_csv(found))
    ]
    labels = {row["key"]: row["label"] for row in rows}
    assert labels["deficiency"] == gettext("Deficiency balance") != "Deficiency balance"
    assert labels["balance"] == gettext("Loan balance")
    check_exact(found, exports.breakdown_csv(found, lang))


def test_download_bytes_have_a_bom_and_read_back() -> None:
    found = analyze(example("short_sale"), TODAY)
    data = exports.csv_bytes(exports.breakdown_csv(found, "ja"))
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert frame.columns[0] == "kind"
    assert "不足額" in frame.loc[frame["key"] == "deficiency", "label"].iloc[0]


# -- any scenario ----------------------------------------------------------------------------
cents = st.integers(min_value=0, max_value=10_000_000_000)


@st.composite
def scenarios(draw):
    data = {key: cents_str(draw(cents)) for key in FORMULA_AMOUNT_KEYS}
    data["loan"] = draw(st.sampled_from(["mortgage", "auto", "other"]))
    data["action"] = draw(st.sampled_from(["collect", "forgive", "settle"]))
    state = draw(st.none() | st.sampled_from(STATE_CODES))
    if state:
        data["state"] = state
    deficiency = evaluate(validate({**data, "action": "collect"})).deficiency
    data["settlement"] = cents_str(draw(st.integers(0, min(deficiency, to_cents(MAX_AMOUNT)))))
    return validate(data)


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.sampled_from(sorted(i18n.LANGUAGES)))
def test_any_scenario_reads_back_exactly(sc, lang) -> None:
    found = analyze(sc, TODAY)
    check_exact(found, exports.breakdown_csv(found, lang))


# -- comparison table ------------------------------------------------------------------------
def test_comparison_keeps_column_order_and_strings() -> None:
    rows = [
        {"scenario": "Short sale", "deficiency": "50000.00", "owes": "50000.00"},
        {"scenario": "Foreclosure, CA", "deficiency": "50000.00", "owes": "0.00", "note": "barred"},
        {"owes": "12.30", "scenario": "Dépôt «x», 日本"},
    ]
    text = exports.comparison_csv(rows)
    back = parsed(text)
    assert list(back[0]) == ["scenario", "deficiency", "owes", "note"]
    assert back[0] == {**rows[0], "note": ""}
    assert back[1] == rows[1]
    assert back[2] == {"scenario": "Dépôt «x», 日本", "deficiency": "", "owes": "12.30", "note": ""}
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(frame["owes"]) == ["50000.00", "0.00", "12.30"]


def test_comparison_values() -> None:
    from decimal import Decimal

    text = exports.comparison_csv(
        [{"a": None, "b": True, "c": False, "d": 3, "e": Decimal("1.50"), "f": "-20.00"}]
    )
    assert parsed(text) == [{"a": "", "b": "yes", "c": "no", "d": "3", "e": "1.50", "f": "-20.00"}]
    with pytest.raises(TypeError, match="float"):
        exports.comparison_csv([{"amount": 0.1}])
    assert exports.comparison_csv([]) == "\r\n"


def test_formulas_are_neutralised() -> None:
    text = exports.comparison_csv([{"name": "=HYPERLINK(1)", "n": "+x", "m": "-12.50", "k": "@a"}])
    assert parsed(text) == [{"name": "'=HYPERLINK(1)", "n": "'+x", "m": "-12.50", "k": "'@a"}]
