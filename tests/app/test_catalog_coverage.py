"""No English left on a Japanese or Spanish page (issue 17).

Every page is rendered in ja and es with a filled scenario (a letter and a 1099-C too), and
everything it shows (titles, labels, options, help, metrics, table cells, chart words; see
:mod:`tests.app.page_texts`) is searched for the catalog's English text shown as is: a
message that was never passed through ``_()``, is missing from the catalog, or whose
translation kept part of the English.

What may stay English is decided from data, not typed here:

* proper names and citations: the names, titles, citations and headings of the project's
  own data tables (state names, statutes, source titles such as "IRS Publication 4681"),
  and any run of English words written as a name ("Truth in Lending", "Fannie Mae");
* the English name of one of the app's own fields, options or programs, given in
  parentheses after its translation ("最初の延滞日（date of first delinquency）"): the
  labels of :mod:`deficiency.text.labels`, which the reader meets on English papers;
* a message the translator left identical on purpose ("FHA", "USDA");
* a part the page declares English (``ui.a11y.language_part("en", …)``): the letter to send
  to a US lender, shown beside its translation.
"""

from __future__ import annotations

import ast
import csv
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.app.conftest import open_app
from tests.app.page_texts import page_texts, unescape
from tests.browser.audit import app_pages
from tests.support.paths import ROOT

#: Every page of the menu (app.py's), the default one as None: AppTest opens it first.
PAGES = tuple(None if path == "" else file for path, file in app_pages())
#: The issue's filled scenario, with a letter and a 1099-C, so every section is drawn.
QUERY = {
    "v": "1",
    "balance": "250000",
    "interest": "1000",
    "late_fees": "200",
    "legal_fees": "300",
    "sale_costs": "400",
    "sale_price": "200000",
    "state": "AZ",
    "sale_date": "2025-09-15",
    "dofd": "2025-01-10",
    "lt_obligation": "12000",
    "lt_proceeds": "8000",
    "lt_repo_fee": "450",
    "lt_stated_deficiency": "5200",
    "fc_date": "2025-09-15",
    "fc_amount": "51900",
    "fc_code": "D",
}
#: Columns of the data tables that are shown as they are: proper names and citations.
NAME_COLUMNS = {"name", "title", "citation", "heading", "source_title", "section", "code"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
#: What ends a gloss or a name around English text: brackets, quotes, list and clause marks.
DELIMITERS = re.compile(r"[()（）\[\]“”\"「」『』、,，:：;；／\n]")
#: Short words a name may keep in lower case ("Truth in Lending", "Cancellation of Debt").
NAME_JOINERS = {"of", "in", "and", "for", "the", "on", "to", "a", "an", "de", "del", "y"}


@cache
def names_and_citations() -> tuple[str, ...]:
    """Every name, title, citation and heading in the project's data tables."""
    found: set[str] = set()
    for path in (ROOT / "deficiency").rglob("*.csv"):
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                found.update(v for k, v in row.items() if k in NAME_COLUMNS and v)
    return tuple(sorted(found))


@cache
def glossary() -> tuple[str, ...]:
    """The English labels of the app's fields, options and programs, in lower case."""
    from deficiency.text.labels import FIELD_LABELS, OPTION_LABELS, PROGRAM_LABELS

    labels = [label for label, _help in FIELD_LABELS.values()]
    labels += list(OPTION_LABELS.values()) + list(PROGRAM_LABELS.values())
    return tuple(label.lower() for label in labels)


def is_name(run: str) -> bool:
    """Written as a name or citation: every word capitalised or a number, except joiners."""
    words = [w.strip(".,()") for w in run.split() if w.strip(".,()")]
    return (
        bool(words)
        and all(
            w[0].isupper() or w[0].isdigit() or w in NAME_JOINERS or not w[0].isalpha()
            for w in words
        )
        and words[-1] not in NAME_JOINERS
    )


def allowed_english(run: str) -> bool:
    """A name, a citation, or the English name of one of the app's own terms."""
    run = run.strip(" ,.-/")
    return (
        is_name(run)
        or any(run in name for name in names_and_citations())
        or any(run.lower() in label for label in glossary())
    )


@cache
def catalog(lang: str):
    with open(ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=lang)


def english_phrases(msgid: str) -> list[str]:
    """The parts of a message that would betray it, untranslated: its runs of two or more
    English words between placeholders and punctuation ("Choose a state", "of the
    deficiency"); a one-word message counts only as a whole label (see below)."""
    parts = re.split(r"\{[^{}]*\}|[()\[\]:;,.!?“”\"—–·/\n]|\s-\s|%", msgid)
    phrases = []
    for part in parts:
        part = part.strip()
        if re.search(r"[_=&<>{}]", part):  # an identifier, a query or markup: not prose
            continue
        words = part.split()
        if len(WORD.findall(part)) >= 2 and len(part) >= 8:
            phrases.append(part)
        # Any three words in a row too, unless all capitalised (a name: "Legal Services
        # Corporation"): a translation that kept "of the deficiency" is caught.
        for i in range(len(words) - 2):
            window = words[i : i + 3]
            if all(WORD.fullmatch(w) for w in window) and not all(w[0].isupper() for w in window):
                phrases.append(" ".join(window))
    return phrases


@cache
def phrases_to_find(lang: str) -> dict[str, str]:
    """English phrase -> the message it comes from, for every message the translator did
    translate (one left identical on purpose is a name: "FHA", "Metro 2")."""
    found: dict[str, str] = {}
    for message in catalog(lang):
        if not message.id or not isinstance(message.id, str):
            continue
        if not message.string or message.string == message.id:
            continue
        for phrase in english_phrases(message.id):
            found.setdefault(phrase, message.id)
    return found


@cache
def source_literals() -> dict[str, str]:
    """English phrases written in the shell's code (app.py, pages/, ui/): a label passed to a
    translator the extractor does not know (``translate("Choose a state")``) never reaches
    the catalog, so the catalog alone would not reveal it. Docstrings are left out."""
    found: dict[str, str] = {}
    paths = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    paths += sorted((ROOT / "ui").glob("*.py"))
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
            ):
                for phrase in english_phrases(node.value):
                    found.setdefault(phrase, f"{path.relative_to(ROOT)}: {node.value[:60]!r}")
    return found


@cache
def single_words(lang: str) -> dict[str, str]:
    """One-word messages ("Amount", "Deficiency"), found only as a whole label or cell."""
    return {
        m.id: m.id
        for m in catalog(lang)
        if isinstance(m.id, str)
        and m.string
        and m.string != m.id
        and len(WORD.findall(m.id)) == 1
        and WORD.fullmatch(m.id)
    }


def untranslated(texts: list[str], lang: str) -> list[tuple[str, str]]:
    """(message, text) pairs where English catalog text is shown as is."""
    phrases = {**source_literals(), **phrases_to_find(lang)}
    words = single_words(lang)
    pattern = re.compile(
        "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)),
    )
    hits: list[tuple[str, str]] = []
    for raw in texts:
        text = unescape(raw)
        if text.strip() in words:
            hits.append((words[text.strip()], text))
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            # A whole word or phrase, not a piece of a longer English word or a URL.
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if before.isalnum() or after.isalnum() or "://" in text[max(0, start - 40) : end]:
                continue
            # The English around the phrase, up to the nearest bracket, quote or comma.
            left = max((d.end() for d in DELIMITERS.finditer(text, 0, start)), default=0)
            right = next((d.start() for d in DELIMITERS.finditer(text, end)), len(text))
            run = text[left:right]
            if is_name(match.group(0)) or allowed_english(run):
                continue
            hits.append((phrases[match.group(0)], run))
    return hits


@pytest.mark.parametrize("lang", ["ja", "es"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: (p or "pages/scenario.py")[6:-3])
def test_no_english_left(page: str | None, lang: str) -> None:
    at = open_app({**QUERY, "lang": lang}, page=page)
    assert not at.exception, at.exception
    hits = untranslated(page_texts(at, skip_parts_in="en"), lang)
    assert not hits, "\n".join(f"{message!r} shown as is in: {text!r}" for message, text in hits)


def test_the_check_finds_english() -> None:
    """The check itself: English text shown on a Japanese page is found, names are not."""
    texts = [
        "州を選んでください",
        "Choose a state",
        "和解の提示額（不足額に対する割合：% of the deficiency）",
        "Amount",
        "出典：IRS Publication 4681, Canceled Debts, Foreclosures, Repossessions, and "
        "Abandonments (for Individuals)",
        "AZ – Arizona",
    ]
    found = {message for message, _text in untranslated(texts, "ja")}
    assert "Choose a state" in found
    assert "Amount" in found
    assert any("of the deficiency" in m for m in found), found
    shown = {text for _message, text in untranslated(texts, "ja")}
    assert not any("Arizona" in t or "Publication" in t for t in shown), shown


def test_names_come_from_the_data() -> None:
    names = names_and_citations()
    assert "Arizona" in names
    assert any(name.startswith("IRS Publication 4681") for name in names)
    assert Path(ROOT / "deficiency").is_dir()


def _english_letter_beside_its_translation() -> None:
    import streamlit as st

    with st.container(key="lang_en_letter"):  # as ui.a11y.language_part("en", "letter")
        st.markdown("Dear Sir or Madam: I am writing about your notice.")
    st.markdown("拝啓：通知についてご連絡します。")


def test_a_part_declared_english_is_left_out() -> None:
    """The English letter to send, declared as such, is not "English left" on the page."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_english_letter_beside_its_translation)
    at.run()
    everything = " ".join(page_texts(at))
    checked = " ".join(page_texts(at, skip_parts_in="en"))
    assert "Dear Sir or Madam" in everything
    assert "Dear Sir or Madam" not in checked and "拝啓" in checked
