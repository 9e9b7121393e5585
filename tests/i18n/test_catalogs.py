"""Every message the app can show exists, translated, in every catalog.

The messages are extracted from the source exactly as `make extract` does (Babel's
extractor over app.py, pages/, ui/ and deficiency/), so a new string without a translation
fails here, not in front of a Japanese or Spanish reader.
"""

from __future__ import annotations

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from deficiency.text import i18n
from tests.support.paths import ROOT

SOURCES = ("app.py", "pages", "ui", "deficiency")
TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT_LANGUAGE]
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def source_messages() -> set[str]:
    found: set[str] = set()
    method_map = [("**.py", "python")]
    for source in SOURCES:
        path = ROOT / source
        if path.is_file():
            with open(path, "rb") as handle:
                from babel.messages.extract import extract

                found.update(m[1] for m in extract("python", handle) if isinstance(m[1], str))
        else:
            for _file, _line, message, _comments, _ctx in extract_from_dir(
                str(path), method_map=method_map
            ):
                if isinstance(message, str):
                    found.add(message)
    return found


def catalog(lang: str):
    with open(ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=lang)


MESSAGES = sorted(source_messages())


def test_extraction_finds_the_app_messages() -> None:
    assert "Deficiency balance" in MESSAGES
    assert len(MESSAGES) > 50


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated(lang: str) -> None:
    cat = catalog(lang)
    missing = [m for m in MESSAGES if m not in cat]
    empty = [m for m in MESSAGES if m in cat and not cat[m].string]
    fuzzy = [m for m in MESSAGES if m in cat and cat[m].fuzzy]
    assert not missing, f"{lang}: not in the catalog (run make update-catalogs): {missing[:5]}"
    assert not empty, f"{lang}: untranslated: {empty[:5]}"
    assert not fuzzy, f"{lang}: fuzzy: {fuzzy[:5]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_survive_translation(lang: str) -> None:
    cat = catalog(lang)
    for message in MESSAGES:
        if message in cat and cat[message].string:
            original = set(PLACEHOLDER.findall(message))
            translated = set(PLACEHOLDER.findall(cat[message].string))
            assert original == translated, (lang, message, cat[message].string)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_compiled_catalog_translates(lang: str) -> None:
    gettext = i18n.gettext_for(lang)
    assert gettext("Deficiency balance") != "Deficiency balance"


def test_money_and_dates_follow_the_locale() -> None:
    import datetime as dt

    assert i18n.money(-123456789, "en") == "-$1,234,567.89"
    assert i18n.money(5_000_000, "es") == "$50,000.00"
    assert i18n.money(5_000_000, "ja") == "$50,000.00"
    assert i18n.date(dt.date(2026, 2, 28), "ja") == "2026年2月28日"
    assert i18n.date(dt.date(2026, 2, 28), "es") == "28 de febrero de 2026"
    assert i18n.normalize_language("es-MX") == "es"
    assert i18n.normalize_language("fr") is None
