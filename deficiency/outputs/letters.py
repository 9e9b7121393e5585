"""A drafted letter as a PDF or a Word file: the letter to sign, then the pages the reader keeps.

Why the handout's page and fonts (:mod:`deficiency.outputs.handout`): the same US Letter
page, margins and embedded Unicode fonts, so a letter prints like the rest of what the app
gives a counselor, and a Japanese reader's notes print in Noto CJK (which also covers the
English letter). The English letter is laid out word by word; the reader's notes and the
translation, in Japanese, character by character (Japanese has no spaces to break at).

The Word file (python-docx, imported on first use so ``import deficiency`` stays light) is
the same letter for a reader who wants to edit it before signing: a paragraph per line, the
lists as Word's own bullets, a page break before the notes and before the translation.

Pure and offline: the output depends only on the arguments, nothing is written to disk, and
the names typed on the page (:class:`~deficiency.counselor.letters.Parties`) exist only in
the returned bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from fpdf.enums import WrapMode

from deficiency.counselor.letters import (
    LETTER_LANGUAGE,
    Draft,
    Parties,
    TextLine,
    Voice,
    letter_lines,
    notes_lines,
    translation_lines,
)
from deficiency.outputs.handout import SCRIPTS, find_fonts
from deficiency.outputs.handout.layout import FONT, MUTED, HandoutPdf, Writer
from deficiency.text import i18n

LETTER_PT = 10.5
NOTES_PT = 9.0


def _draw(w: Writer, lines: list[TextLine], size: float) -> None:
    """Lines as the page draws them: frame lines close together, paragraphs apart."""
    for item in lines:
        if item.style == "heading":
            w.heading(item.text)
        elif item.style == "blank":
            w.space(size * 0.35)
        elif item.style == "item":
            w.bullets([item.text], size=size)
        elif item.style == "line":
            w.pdf.set_font(FONT, "", size)
            w.pdf.multi_cell(
                0,
                size * 0.5,
                item.text,
                align="L",
                new_x="LMARGIN",
                new_y="NEXT",
                wrapmode=w.pdf.wrapmode,
            )
        else:
            w.paragraph(item.text, size=size)


def render_letter_pdf(draft: Draft, parties: Parties, lang: str, today: dt.date) -> bytes:
    """The PDF of one letter: the English letter, then (on a new page, in ``lang``) the notes
    the reader keeps and the translation. Raises ``ValueError`` for an unknown language and
    :class:`~deficiency.outputs.handout.HandoutFontError` when no font prints it."""
    if lang not in i18n.LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {sorted(i18n.LANGUAGES)}")
    regular, bold = find_fonts(lang)
    pdf = HandoutPdf(WrapMode.WORD)
    pdf.add_font(FONT, "", str(regular.path), collection_font_number=regular.index)
    pdf.add_font(FONT, "B", str(bold.path), collection_font_number=bold.index)
    w = Writer(pdf, lang)
    english = Voice(LETTER_LANGUAGE)
    pdf.set_title(english._(draft.title))
    pdf.set_lang(i18n.locale_of(LETTER_LANGUAGE).replace("_", "-"))
    pdf.set_creator("deficiency letters")
    pdf.set_creation_date(dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC))
    pdf.add_page()
    pdf.set_text_color("#000000")
    _draw(w, letter_lines(draft, parties, today), LETTER_PT)

    reader = Voice(lang)
    pdf.wrapmode = WrapMode.CHAR if SCRIPTS.get(lang) == "cjk" else WrapMode.WORD
    pdf.add_page()
    _draw(w, notes_lines(draft, reader), NOTES_PT)
    translated = translation_lines(draft, parties, today, reader)
    if translated:
        pdf.add_page()
        pdf.set_text_color(MUTED)
        _draw(w, translated, NOTES_PT)
    return bytes(pdf.output())


def _docx_lines(document: Any, lines: list[TextLine], size: float) -> None:
    from docx.shared import Pt

    last = None
    for item in lines:
        if item.style == "blank":  # a gap between the letter's blocks, as on paper
            if last is not None:
                last.paragraph_format.space_after = Pt(size)
            continue
        if item.style == "heading":
            last = document.add_heading(item.text, level=2)
            continue
        style = "List Bullet" if item.style == "item" else None
        last = document.add_paragraph(item.text, style=style)
        last.paragraph_format.space_after = Pt(0 if item.style == "line" else size * 0.6)
        for run in last.runs:
            run.font.size = Pt(size)


def render_letter_docx(draft: Draft, parties: Parties, lang: str, today: dt.date) -> bytes:
    """The Word file of one letter: the English letter, then the notes and the translation
    in ``lang`` (each after a page break). Raises ``ValueError`` for an unknown language."""
    if lang not in i18n.LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {sorted(i18n.LANGUAGES)}")
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    english = Voice(LETTER_LANGUAGE)
    properties = document.core_properties
    properties.title = english._(draft.title)
    properties.language = i18n.locale_of(LETTER_LANGUAGE).replace("_", "-")
    properties.author = ""
    properties.created = dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC)
    _docx_lines(document, letter_lines(draft, parties, today), LETTER_PT)
    reader = Voice(lang)
    for part in (notes_lines(draft, reader), translation_lines(draft, parties, today, reader)):
        if part:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _docx_lines(document, part, NOTES_PT + 1)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


__all__ = ["render_letter_docx", "render_letter_pdf"]
