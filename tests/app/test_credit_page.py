"""The Credit page: its own date-of-first-delinquency field, one sentence for programs that
share a rule, and one "Rules as of" date (issue 13)."""

from __future__ import annotations

from typing import Any

from tests.app.conftest import open_app, shown, url_of

SHORT_SALE = {"balance": "250000", "sale_price": "200000", "state": "TX", "path": "short_sale"}


def _dofd_field(at: Any) -> Any:
    """The date-of-first-delinquency input, typed text or a date picker."""
    for widget in [*at.text_input, *at.date_input]:
        if widget.key == "in_dofd":
            return widget
    raise AssertionError("the Credit page has no date-of-first-delinquency field")


def _markdown(at: Any) -> str:
    return "\n".join(shown(m.value) for m in at.markdown)


def test_credit_page_asks_for_the_date_of_first_delinquency_itself() -> None:
    at = open_app(SHORT_SALE, page="pages/credit.py")
    assert "Enter the date of first delinquency" in _markdown(at)
    field = _dofd_field(at)
    if field in at.text_input:
        field.input("2024-01-15").run()
    else:  # pragma: no cover - the date picker the field replaced
        import datetime as dt

        field.set_value(dt.date(2024, 1, 15)).run()
    assert not at.exception
    assert at.session_state["_scenario"].dofd.isoformat() == "2024-01-15"
    assert url_of(at).get("dofd") == "2024-01-15"  # a shared link keeps the typed date
    assert "Expected removal: January 15, 2031" in _markdown(at)


def test_fha_va_and_usda_share_one_paragraph() -> None:
    at = open_app(SHORT_SALE, page="pages/credit.py")
    text = _markdown(at)
    assert text.count("no waiting period applies if every mortgage payment") == 1
    assert "FHA, VA and USDA: no waiting period applies if" in text


def test_one_rules_as_of_date() -> None:
    at = open_app(SHORT_SALE, page="pages/credit.py")
    dates = [shown(c.value) for c in at.caption if shown(c.value).startswith("Rules as of")]
    assert dates == ["Rules as of December 1, 2026."]
