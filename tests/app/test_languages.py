"""Every page in every language, the language kept in the link, and unknown languages."""

from __future__ import annotations

import re

import pytest

from tests.app.conftest import open_app, url_of

PAGES = [
    "pages/scenario.py",
    "pages/states.py",
    "pages/tax.py",
    "pages/credit.py",
    "pages/whatif.py",
    "pages/compare.py",
    "pages/learn.py",
    "pages/letter.py",
    "pages/form1099c.py",
]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def all_text(at) -> str:
    parts = [e.value for e in (*at.markdown, *at.caption, *at.title, *at.subheader)]
    parts += [m.label for m in at.metric]
    parts += [w.label for w in at.number_input]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["en", "ja", "es"])
def test_page_runs_in_each_language(page: str, lang: str) -> None:
    at = open_app({"lang": lang, "balance": "250000", "sale_price": "200000"}, page=page)
    assert not at.exception
    text = all_text(at)
    if lang == "ja":
        assert JAPANESE.search(text)
        assert "Deficiency balance calculator" not in text
    elif lang == "es":
        assert re.search(r"\b(saldo|deuda|venta)\b", text, re.IGNORECASE)
        assert "Deficiency balance calculator" not in text


def test_amounts_stay_dollars_in_every_language() -> None:
    for lang in ("ja", "es"):
        at = open_app({"lang": lang, "balance": "250000", "sale_price": "200000"})
        assert "$50,000.00" in [m.value for m in at.metric]


def test_language_is_kept_in_the_link_and_switchable() -> None:
    at = open_app({"lang": "es", "balance": "1"})
    assert url_of(at)["lang"] == "es"
    at.selectbox(key="lang_select").set_value("ja").run()
    assert url_of(at)["lang"] == "ja"
    assert url_of(at)["balance"] == "1"
    at.selectbox(key="lang_select").set_value("en").run()
    assert "lang" not in url_of(at)


def test_unknown_language_falls_back_to_english_with_a_notice() -> None:
    at = open_app({"lang": "xx", "balance": "250000", "sale_price": "200000"})
    assert not at.exception
    assert any("xx" in i.value and "English" in i.value for i in at.info)
    assert "Deficiency balance calculator" in all_text(at)


def test_a_japanese_link_reopens_identically_in_english() -> None:
    ja = open_app({"lang": "ja", "loan": "auto", "path": "voluntary_surrender", "balance": "9"})
    link = url_of(ja)
    link.pop("lang")
    en = open_app(link)
    assert en.selectbox(key="in_path").value == "voluntary_surrender"
    assert en.session_state["_scenario"] == ja.session_state["_scenario"]
