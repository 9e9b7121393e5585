"""Languages, catalogs and locale-aware formatting (Babel), shared by the app and the handout.

Why here and not in the shell: the PDF handout, the CSV export and the tests format money
and dates exactly as the pages do, so there is one formatter. Catalogs are loaded lazily
(first use, then cached): nothing is read at import time. A catalog is never installed
globally (``gettext.install``) because one server process serves every reader's language.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from babel.core import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton
from babel.dates import parse_date as _babel_parse_date
from babel.lists import format_list
from babel.numbers import (
    format_currency,
    format_decimal,
    format_percent,
    get_decimal_symbol,
    get_group_symbol,
)
from babel.support import NullTranslations, Translations

from deficiency.core.money import from_cents

#: Supported languages: code -> autonym (shown as is in every language, so a reader who
#: cannot read the current language still finds their own).
LANGUAGES: dict[str, str] = {"en": "English", "ja": "日本語", "es": "Español"}
DEFAULT_LANGUAGE = "en"
#: Babel locale per language. US Spanish (es_US) keeps "$1,234.56"; amounts stay US dollars.
LOCALES: dict[str, str] = {"en": "en_US", "ja": "ja_JP", "es": "es_US"}

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locales"
DOMAIN = "messages"

Gettext = Callable[[str], str]


def normalize_language(code: str | None) -> str | None:
    """A supported language code for ``code`` (``"ES"``, ``"es-MX"`` → ``"es"``), else None."""
    if not code:
        return None
    base = str(code).strip().lower().replace("_", "-").split("-")[0]
    return base if base in LANGUAGES else None


@cache
def translations(lang: str) -> NullTranslations:
    """The compiled catalog for ``lang`` (English is the source language: identity)."""
    if lang == DEFAULT_LANGUAGE or lang not in LANGUAGES:
        return NullTranslations()
    loaded = Translations.load(str(LOCALE_DIR), [lang], DOMAIN)
    if not isinstance(loaded, Translations):  # no compiled .mo: run `make translations`
        raise FileNotFoundError(f"no compiled catalog for {lang!r} under {LOCALE_DIR}")
    return loaded


def gettext_for(lang: str) -> Gettext:
    """The ``gettext`` function of one language."""
    return translations(lang).gettext


def locale_of(lang: str) -> str:
    return LOCALES.get(lang, LOCALES[DEFAULT_LANGUAGE])


def money(cents: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """Integer cents as US dollars in the reader's locale: ``$50,000.00``.

    The value is already exact to the cent, so Babel's own (half-even) rounding never acts.
    """
    return format_currency(from_cents(cents), "USD", locale=locale_of(lang))


def dollars(amount: Decimal, lang: str = DEFAULT_LANGUAGE) -> str:
    """An exact ``Decimal`` dollar amount formatted like :func:`money`."""
    return format_currency(amount, "USD", locale=locale_of(lang))


def whole_dollars(cents: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """Whole US dollars in the locale's own currency pattern, without cents: ``$144,500``.

    For the ends of a range (a slider's marks), where cents would only be noise; the
    amount is rounded half-up to the dollar first (Babel itself would round half-even).
    """
    locale = Locale.parse(locale_of(lang))
    pattern = copy.copy(locale.currency_formats["standard"])
    pattern.frac_prec = (0, 0)
    dollars_ = (from_cents(cents)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return pattern.apply(dollars_, locale, currency="USD", currency_digits=False)


def number(value: Decimal | int, lang: str = DEFAULT_LANGUAGE) -> str:
    return format_decimal(value, locale=locale_of(lang))


def plotly_separators(lang: str = DEFAULT_LANGUAGE) -> str:
    """Plotly's ``layout.separators`` (decimal mark, then grouping mark) from Babel's locale.

    Chart axes and hover numbers are formatted by Plotly (d3-format), not by Python; this
    makes them use the reader's marks like every other number.
    """
    locale = locale_of(lang)
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def percent(value: Decimal | float, lang: str = DEFAULT_LANGUAGE) -> str:
    return format_percent(value, locale=locale_of(lang), decimal_quantization=False)


def date(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """A date in the reader's locale, unambiguous (month spelled out, not 03/04/2026)."""
    return _babel_date(day, format="long", locale=locale_of(lang))


def listing(items: list[str], lang: str = DEFAULT_LANGUAGE) -> str:
    """Items joined as the locale lists them (Babel's ``format_list``): ``A, B, and C``,
    ``A、B、C``, ``A, B y C``."""
    return format_list(items, locale=locale_of(lang)) if items else ""


def month_year(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """Month and year as the locale writes them on a chart axis: ``Jul 2025``, ``2025年7月``,
    ``jul 2025`` (Plotly's own date axis is English only)."""
    return format_skeleton("yMMM", day, locale=locale_of(lang))


def year(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """The year as the locale writes it alone: ``2026``, ``2026年``."""
    return format_skeleton("y", day, locale=locale_of(lang))


_YEAR_FIRST = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_typed_date(text: str, lang: str = DEFAULT_LANGUAGE) -> dt.date | str:
    """A date as a person types it: ``2025-09-15``, ``2025/9/15``, ``2025年9月15日``,
    ``20250915``, or the reader's short form (``9/15/2025`` in English, ``15/9/2025`` in
    Spanish, via Babel).

    Returns the text unchanged when it is not a date, so the schema's validation reports it
    with the allowed range; an empty field stays empty (not known).
    """
    stripped = text.strip()
    if not stripped:
        return ""
    found = _YEAR_FIRST.match(stripped) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", stripped)
    try:
        if found:
            year, month, day = (int(part) for part in found.groups())
            return dt.date(year, month, day)
        if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}", stripped):
            return _babel_parse_date(stripped, locale=locale_of(lang), format="short")
    except (ValueError, IndexError):
        return text
    return text
