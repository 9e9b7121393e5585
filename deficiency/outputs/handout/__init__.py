"""The counselor handout: one scenario's whole analysis as a printable PDF (issue 8).

Pure Python and offline (fpdf2 for the page, segno for the QR code): no browser, no
network, nothing read at import time. Every label goes through the reader's catalog and
every amount and date through :mod:`deficiency.text.i18n`, exactly as the pages format them,
so the paper a counselor hands over says what the screen said.

Fonts: the built-in PDF fonts are Latin-1 only, so a Unicode TrueType/OpenType font is
needed for "$", accents and Japanese. The fonts are looked up at render time in a short
list of known system paths (:data:`FONT_CANDIDATES`); when none is installed,
:func:`render_pdf` raises :class:`HandoutFontError`, whose ``message`` is a translatable
id the app can show. Debian packages: ``fonts-dejavu-core`` (English, Spanish) and
``fonts-noto-cjk`` (Japanese; it also covers English and Spanish).

Most labels reuse the message ids of the pages (same English text, so the same
translation). The package: ``messages``, ``fonts``, ``qr``, ``layout`` (the page and its
drawing primitives), ``sections`` (one function per section), ``letter`` (the letter check).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from fpdf.enums import WrapMode

from deficiency.core.analysis import Analysis
from deficiency.counselor.letter import LetterCheck, LetterInputs
from deficiency.outputs.handout.fonts import (
    FONT_CANDIDATES,
    FONT_PACKAGES,
    SCRIPTS,
    FontFile,
    HandoutFontError,
    find_fonts,
)
from deficiency.outputs.handout.layout import FONT, HandoutPdf, Writer, waterfall_spans
from deficiency.outputs.handout.letter import draw_letter_check, letter_check
from deficiency.outputs.handout.messages import MSG_NO_FONT, TITLE
from deficiency.outputs.handout.qr import QR_BORDER, QR_ERROR, QR_SCALE, qr_code, qr_png
from deficiency.outputs.handout.sections import (
    draw_breakdown,
    draw_credit,
    draw_header,
    draw_inputs,
    draw_next_steps,
    draw_results,
    draw_second_lien,
    draw_sources,
    draw_state_law,
    draw_tax,
    shown_inputs,
    sources,
)
from deficiency.text import i18n
from deficiency.text.labels import DISCLAIMER

# -- the document ---------------------------------------------------------------------------
Section = Callable[[Writer, Analysis], None]
SECTIONS: tuple[Section, ...] = (
    draw_inputs,
    draw_results,
    draw_breakdown,
    draw_next_steps,
    draw_state_law,
    draw_second_lien,
    draw_tax,
    draw_credit,
    draw_sources,
)


def _sections(check: LetterCheck | None) -> tuple[Section, ...]:
    """The handout's sections; with a letter, its check right after "Can the lender
    collect it?" (the counselor's finding on the lender's own figures), and its sources."""
    if check is None:
        return SECTIONS
    at = SECTIONS.index(draw_state_law) + 1
    letter_section = functools.partial(draw_letter_check, check=check)
    return (
        *SECTIONS[:at],
        letter_section,
        *(
            functools.partial(draw_sources, check=check) if s is draw_sources else s
            for s in SECTIONS[at:]
        ),
    )


def render_pdf(
    analysis: Analysis,
    link: str,
    lang: str = "en",
    today: dt.date | None = None,
    *,
    letter: LetterInputs | None = None,
) -> bytes:
    """The counselor handout of ``analysis`` as PDF bytes, in ``lang`` (en, ja or es).

    ``link`` is the scenario's shareable address (printed and drawn as a QR code);
    ``today`` is the date printed on it (default: the analysis's reference day);
    ``letter`` is the lender's letter as entered on the Letter check page: when any of its
    values is set, the handout adds the letter check (figures, flags, what to ask). The
    output depends only on the arguments: the same analysis gives the same bytes.
    Raises ``ValueError`` for an unknown language or an empty link, and
    :class:`HandoutFontError` when no font for the language is installed.
    """
    if lang not in i18n.LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {sorted(i18n.LANGUAGES)}")
    if not link:
        raise ValueError("the handout needs the scenario's link")
    day = today or analysis.credit.today
    regular, bold = find_fonts(lang)
    pdf = HandoutPdf(WrapMode.CHAR if SCRIPTS.get(lang) == "cjk" else WrapMode.WORD)
    pdf.add_font(FONT, "", str(regular.path), collection_font_number=regular.index)
    pdf.add_font(FONT, "B", str(bold.path), collection_font_number=bold.index)
    w = Writer(pdf, lang)
    _ = w._
    pdf.set_title(_(TITLE))
    pdf.set_lang(i18n.locale_of(lang).replace("_", "-"))
    pdf.set_creator("deficiency handout")
    pdf.set_creation_date(dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC))
    pdf.add_page()

    draw_header(w, link, day)
    w.boxed(_(DISCLAIMER))
    for section in _sections(letter_check(analysis, letter)):
        section(w, analysis)
    w.space(2)
    w.keep(14)
    w.boxed(_(DISCLAIMER))  # again at the end: the page a reader may keep on its own
    return bytes(pdf.output())


__all__ = [
    "DISCLAIMER",
    "FONT_CANDIDATES",
    "FONT_PACKAGES",
    "MSG_NO_FONT",
    "QR_BORDER",
    "QR_ERROR",
    "QR_SCALE",
    "SCRIPTS",
    "SECTIONS",
    "TITLE",
    "FontFile",
    "HandoutFontError",
    "find_fonts",
    "letter_check",
    "qr_code",
    "qr_png",
    "render_pdf",
    "shown_inputs",
    "sources",
    "waterfall_spans",
]
