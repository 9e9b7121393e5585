"""Translation and formatting for the current reader (language kept in session state).

``_`` is looked up per call so each session sees its own language; the catalogs are
shared read-only objects cached by :mod:`deficiency.text.i18n`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import streamlit as st

from deficiency.core.validators import FieldIssue
from deficiency.text import i18n
from deficiency.text.markers import Message

LANG_KEY = "_lang"


def lang() -> str:
    """The reader's language code (English until the app sets it from the link/selector)."""
    return st.session_state.get(LANG_KEY, i18n.DEFAULT_LANGUAGE)


def _(message: str) -> str:
    """Translate one message id into the reader's language."""
    return i18n.gettext_for(lang())(message)


def translator() -> i18n.Gettext:
    """The reader's ``gettext``, bound once (for callbacks that run outside the page)."""
    return i18n.gettext_for(lang())


def money(cents: int) -> str:
    return i18n.money(int(cents), lang())


def number(value: Decimal | int) -> str:
    """A plain number in the reader's locale (years, counts)."""
    return i18n.number(value, lang())


def percent(share: Decimal) -> str:
    """A share (0.3) as the reader writes a percent: ``30%``, ``30 %``."""
    return i18n.percent(share, lang())


def date(day: dt.date | None) -> str:
    return i18n.date(day, lang()) if day else "—"


def listing(items: list[str]) -> str:
    """Items joined as the reader's language lists them ("A, B and C", "A、B、C")."""
    return i18n.listing(items, lang())


def whole_dollars(cents: int) -> str:
    """Whole dollars in the reader's locale (a range's marks): ``$144,500``."""
    return i18n.whole_dollars(int(cents), lang())


def month_year(day: dt.date) -> str:
    """A chart axis's month in the reader's language: ``2025年7月``."""
    return i18n.month_year(day, lang())


def year(day: dt.date) -> str:
    """A chart axis's year in the reader's language: ``2026年``."""
    return i18n.year(day, lang())


def render(message: Message) -> str:
    """A core :class:`Message` as text in the reader's language, amounts and dates localised."""
    return message.text(_, money, date)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&])")


def md(text: str) -> str:
    """Our own translated markdown, with dollar signs made literal.

    Streamlit reads a pair of ``$`` as LaTeX math, so "$250,000 ... $200,000" would
    turn into a formula; bold and lists in the catalogs still render.
    """
    return text.replace("$", "\\$")


def plain(text: str) -> str:
    """Escape text for Streamlit markdown so it shows literally.

    Anything that may come from a link (a bad value echoed in a warning) goes through
    this: no link, image, HTML tag or LaTeX from a URL is ever rendered.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def field_label(key: str) -> str:
    """A field as the page labels it, in the reader's language (the key when it has none)."""
    from deficiency.text.labels import FIELD_LABELS

    entry = FIELD_LABELS.get(re.sub(r"^fc\d_", "fc_", key))
    return _(entry[0]) if entry else key


def issue_text(issue: FieldIssue, *, from_link: bool = False) -> str:
    """A rejected value explained in the reader's terms: the field's on-screen label, amounts
    in their number format. A problem in a link also names its stable key, which is what the
    person who wrote the link sees in it."""
    from deficiency.core.money import to_cents

    def label(key: str) -> str:
        shown = field_label(key)
        return f"{shown} ({key})" if from_link and shown != key else shown

    return issue.text(_, label=label, money=lambda amount: money(to_cents(amount)))
