"""A drafted letter as a PDF or a Word file, and the reader's notes as a PDF of their own.

Two files, never one: the letter's PDF and Word file hold the English letter to sign and
send, nothing else; the notes PDF (:func:`render_notes_pdf`) holds, in the reader's
language, what is for the reader alone (why the letter fits, the dates, notes such as the
tax consequence of a settlement, free help, the sources, the not-legal-advice notice) and
the translation, marked at its top and at the foot of each page as not to be sent. A reader
who prints or e-mails a whole letter file so sends no private note (issue 19).

Why the handout's page and fonts (:mod:`deficiency.outputs.handout`): the same US Letter
page, margins and embedded Unicode fonts, so a letter prints like the rest of what the app
gives a counselor, and a Japanese reader's files print in Noto CJK (which also covers the
English letter, and a name typed in Japanese). The English letter is laid out word by
word; the notes and the translation, in Japanese, character by character (Japanese has no
spaces to break at).

The Word file (python-docx, imported on first use so ``import deficiency`` stays light) is
the same letter for a reader who wants to edit it before signing: a paragraph per line and
the lists as Word's own bullets.

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
    kept_lines,
    letter_lines,
    load_common,
    translation_lines,
)
from deficiency.outputs.handout import SCRIPTS, find_fonts
from deficiency.outputs.handout.layout import FONT, MUTED, HandoutPdf, Writer
from deficiency.text import i18n

LETTER_PT = 10.5
NOTES_PT = 9.0


class NotesPdf(HandoutPdf):
    """The handout's page, with a mark beside the page number: not to be sent."""

    def __init__(self, wrapmode: WrapMode, mark: str):
        super().__init__(wrapmode)
        self.mark = mark

    def footer(self) -> None:
        super().footer()
        self.set_x(self.l_margin)
        self.set_font(FONT, "B", 7)
        self.cell(0, 4, self.mark, align="L")


def _draw(w: Writer, lines: list[TextLine], size: float) -> None:
    """Lines as the page draws them: frame lines close together, paragraphs apart."""
    for item in lines:
        if item.style == "heading":
            w.heading(item.text)
        elif item.style == "blank":
            w.space(size * 0.35)
        elif item.style == "item":
            w.bullets([item.text], size=size)
        elif item.style == "warning":
            w.boxed(item.text, size=size + 0.5)
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


def _check(lang: str) -> None:
    if lang not in i18n.LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {sorted(i18n.LANGUAGES)}")


def _pdf(pdf: HandoutPdf, lang: str, written_in: str, title: str, today: dt.date) -> Writer:
    """``pdf`` with ``lang``'s fonts, its metadata (``written_in``: the text's language) and
    a first page: a writer to draw on."""
    regular, bold = find_fonts(lang)
    pdf.add_font(FONT, "", str(regular.path), collection_font_number=regular.index)
    pdf.add_font(FONT, "B", str(bold.path), collection_font_number=bold.index)
    pdf.set_title(title)
    pdf.set_lang(i18n.locale_of(written_in).replace("_", "-"))
    pdf.set_creator("deficiency letters")
    pdf.set_creation_date(dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC))
    pdf.add_page()
    pdf.set_text_color("#000000")
    return Writer(pdf, lang)


def render_letter_pdf(draft: Draft, parties: Parties, lang: str, today: dt.date) -> bytes:
    """The PDF of one letter: the English letter to sign and send, and nothing else (the
    notes are :func:`render_notes_pdf`). ``lang``, the reader's, picks the fonts. Raises
    ``ValueError`` for an unknown language and
    :class:`~deficiency.outputs.handout.HandoutFontError` when no font prints it."""
    _check(lang)
    pdf = HandoutPdf(WrapMode.WORD)
    w = _pdf(pdf, lang, LETTER_LANGUAGE, Voice(LETTER_LANGUAGE)._(draft.title), today)
    _draw(w, letter_lines(draft, parties, today), LETTER_PT)
    return bytes(pdf.output())


def render_notes_pdf(draft: Draft, parties: Parties, lang: str, today: dt.date) -> bytes:
    """The reader's notes on one letter as a PDF in ``lang``, never to be sent: a warning
    at the top and at the foot of each page, the notes (with the notice and free help), then
    the translation of the letter (none in English), in grey, on a page of its own. Raises
    like :func:`render_letter_pdf`."""
    _check(lang)
    reader = Voice(lang)
    wrap = WrapMode.CHAR if SCRIPTS.get(lang) == "cjk" else WrapMode.WORD
    mark = load_common().notes["footer"]  # not inside ``_()``: Babel would extract the key
    pdf = NotesPdf(wrap, reader._(mark))
    kept = kept_lines(draft, reader)
    w = _pdf(pdf, lang, lang, kept[0].text, today)  # titled as its first heading
    _draw(w, kept, NOTES_PT)
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


def render_letter_docx(draft: Draft, parties: Parties, today: dt.date) -> bytes:
    """The Word file of one letter: the English letter to edit, sign and send, and nothing
    else (the notes are :func:`render_notes_pdf`)."""
    import docx

    document = docx.Document()
    properties = document.core_properties
    properties.title = Voice(LETTER_LANGUAGE)._(draft.title)
    properties.language = i18n.locale_of(LETTER_LANGUAGE).replace("_", "-")
    properties.author = ""
    properties.created = dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC)
    _docx_lines(document, letter_lines(draft, parties, today), LETTER_PT)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


__all__ = ["NotesPdf", "render_letter_docx", "render_letter_pdf", "render_notes_pdf"]
