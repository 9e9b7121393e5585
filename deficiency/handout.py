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
translation); :data:`INPUT_LABELS`, :data:`OPTION_LABELS` and :data:`PROGRAM_LABELS` are
copies of the UI's ids and a test keeps them identical.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import segno
from fontTools.ttLib import TTCollection, TTLibError
from fpdf import FPDF
from fpdf.enums import WrapMode
from fpdf.fonts import FontFace

from deficiency.core.analysis import Analysis
from deficiency.core.engine import Item
from deficiency.core.money import to_cents
from deficiency.core.scenario import DATE_KEYS, SCENARIO_KEYS, Scenario
from deficiency.counselor.guidance import next_steps
from deficiency.counselor.letter import (
    LetterCheck,
    LetterFlag,
    LetterInputs,
    check_letter,
    encode_letter,
)
from deficiency.interface import links
from deficiency.rules import state_law, tax
from deficiency.rules.liens import second_lien_of
from deficiency.rules.state_law import rules_as_of
from deficiency.text import i18n
from deficiency.text.labels import (
    CONFIDENCE_LABELS,
    DISCLAIMER,
    INPUT_LABELS,
    OPTION_LABELS,
    PROGRAM_LABELS,
)
from deficiency.text.markers import N_, Message

# -- message ids new to the handout ---------------------------------------------------------
TITLE = N_("Deficiency balance: counselor handout")
PREPARED_ON = N_("Prepared on {date}")
FORM_1099C_EXPECTED = N_("Form 1099-C expected")
SCAN_OR_TYPE = N_("Scan the code or type this link to reopen exactly this scenario, on any device.")
LETTER_DIFFERENCE = N_("Difference from the recomputed deficiency")
#: What the app shows when :class:`HandoutFontError` is raised (translate with ``_``).
MSG_NO_FONT = N_(
    "The handout cannot be made in this language: no suitable font is installed on the server."
)

# -- message ids shared with the pages (ui/, pages/): the same text, the same translation ----
FORM_1099C_LIKELY = N_(
    "A Form 1099-C (Cancellation of Debt) is likely: the lender reports {amount} "
    "of cancelled debt to the IRS. It may count as income unless an exclusion applies."
)


#: Inputs always listed (the rest only when they differ from the defaults).
ALWAYS_SHOWN: tuple[str, ...] = ("loan", "path", "state", "balance", "sale_price", "action")
_CHOICE_KEYS = frozenset(
    {"loan", "path", "action", "foreclosure", "bankruptcy", "filing_status", "score"}
)

# -- fonts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FontFile:
    """One face in a font file; ``index`` picks the face of a collection (.ttc)."""

    path: Path
    index: int = 0
    #: For a collection: the family to pick (its index is looked up, ``index`` if absent).
    family: str | None = None


_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_LIBERATION = Path("/usr/share/fonts/truetype/liberation")
_NOTO_CJK = Path("/usr/share/fonts/opentype/noto")
_NOTO_JP = "Noto Sans CJK JP"

#: Per script, (regular, bold) pairs tried in order; the first whose regular face exists
#: wins (a missing bold face falls back to the regular one). Debian packages in comments.
FONT_CANDIDATES: dict[str, tuple[tuple[FontFile, FontFile], ...]] = {
    "latin": (
        # fonts-dejavu-core
        (FontFile(_DEJAVU / "DejaVuSans.ttf"), FontFile(_DEJAVU / "DejaVuSans-Bold.ttf")),
        # fonts-liberation / fonts-liberation2
        (
            FontFile(_LIBERATION / "LiberationSans-Regular.ttf"),
            FontFile(_LIBERATION / "LiberationSans-Bold.ttf"),
        ),
        (
            FontFile(Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")),
            FontFile(Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf")),
        ),
        # fonts-noto-cjk covers Latin too
        (
            FontFile(_NOTO_CJK / "NotoSansCJK-Regular.ttc", 0, _NOTO_JP),
            FontFile(_NOTO_CJK / "NotoSansCJK-Bold.ttc", 0, _NOTO_JP),
        ),
    ),
    "cjk": (
        # fonts-noto-cjk (Japanese face of the collection)
        (
            FontFile(_NOTO_CJK / "NotoSansCJK-Regular.ttc", 0, _NOTO_JP),
            FontFile(_NOTO_CJK / "NotoSansCJK-Bold.ttc", 0, _NOTO_JP),
        ),
        # fonts-ipaexfont-gothic, fonts-ipafont-gothic (no bold face)
        (
            FontFile(Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")),
            FontFile(Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")),
        ),
        (
            FontFile(Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf")),
            FontFile(Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf")),
        ),
    ),
}
SCRIPTS: dict[str, str] = {"en": "latin", "es": "latin", "ja": "cjk"}
#: The Debian package that provides the first candidate of each script.
FONT_PACKAGES: dict[str, str] = {"latin": "fonts-dejavu-core", "cjk": "fonts-noto-cjk"}


class HandoutFontError(RuntimeError):
    """No font able to print this language is installed.

    ``message`` is a translatable id for the reader (``_(error.message)``); the exception
    text names the paths searched and the Debian package to install, for the operator.
    """

    message = MSG_NO_FONT

    def __init__(self, lang: str, searched: Sequence[Path], package: str):
        self.lang = lang
        self.searched = tuple(searched)
        self.package = package
        paths = ", ".join(str(p) for p in self.searched)
        super().__init__(
            f"no font for the {lang!r} handout; install the Debian package {package!r} "
            f"(searched: {paths})"
        )


@functools.cache
def _face_index(path: Path, family: str, default: int) -> int:
    """The index of ``family`` in a font collection (``default`` when it can't be told)."""
    try:
        collection = TTCollection(str(path), lazy=True)
        try:
            for number, face in enumerate(collection.fonts):
                if face["name"].getDebugName(1) == family:
                    return number
        finally:
            collection.close()
    except (OSError, KeyError, ValueError, TTLibError):  # unreadable: trust the index
        return default
    return default


def _resolve(face: FontFile) -> FontFile:
    if face.family is None or face.path.suffix.lower() not in (".ttc", ".otc"):
        return face
    return FontFile(face.path, _face_index(face.path, face.family, face.index))


def find_fonts(lang: str) -> tuple[FontFile, FontFile]:
    """The (regular, bold) faces the handout uses for ``lang``; raises HandoutFontError."""
    script = SCRIPTS.get(lang, "latin")
    searched: list[Path] = []
    for regular, bold in FONT_CANDIDATES[script]:
        searched.append(regular.path)
        if regular.path.is_file():
            return _resolve(regular), _resolve(bold if bold.path.is_file() else regular)
    raise HandoutFontError(lang, searched, FONT_PACKAGES[script])


# -- the QR code ----------------------------------------------------------------------------
QR_ERROR = "m"  # 15% damage tolerated: survives a fold or a smudge on paper
QR_SCALE = 8  # pixels per module: a crisp image without interpolation blur
QR_BORDER = 4  # the quiet zone the QR specification requires


def qr_code(link: str) -> segno.QRCode:
    """The QR code of ``link`` (a full QR code, never a Micro QR, which phones can't read)."""
    return segno.make(link, error=QR_ERROR, micro=False)


def qr_png(link: str) -> bytes:
    """The QR code of ``link`` as PNG bytes, made in memory."""
    out = io.BytesIO()
    qr_code(link).save(out, kind="png", scale=QR_SCALE, border=QR_BORDER)
    return out.getvalue()


# -- layout ---------------------------------------------------------------------------------
FONT = "handout"
COLORS = {"up": "#b4542d", "down": "#2e7d5b", "total": "#3b4a6b"}
INK = "#1f2933"
MUTED = "#52606d"
RULE = "#9aa5b1"
BOX = "#f0f4f8"
BODY_PT = 9.5
SMALL_PT = 8


class _Handout(FPDF):
    """US Letter, with the page number in the footer."""

    def __init__(self, wrapmode: WrapMode):
        super().__init__(orientation="portrait", unit="mm", format="Letter")
        self.wrapmode = wrapmode
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FONT, "", 7)
        self.set_text_color(MUTED)
        self.cell(0, 4, f"{self.page_no()}/{{nb}}", align="R")


class _Writer:
    """Draws the sections; knows the reader's language and formatters."""

    def __init__(self, pdf: _Handout, lang: str):
        self.pdf = pdf
        self.lang = lang
        self._ = i18n.gettext_for(lang)

    # formatting ------------------------------------------------------------------------
    def money(self, cents: int) -> str:
        return i18n.money(int(cents), self.lang)

    def date(self, day: dt.date | None) -> str:
        return i18n.date(day, self.lang) if day else self._("Not known")

    def render(self, message: Message) -> str:
        return message.text(self._, self.money, self.date)

    def option(self, code: str) -> str:
        """An option code in words (no string literal inside a ``_()`` call: Babel's
        extractor would take it for a message id)."""
        label = OPTION_LABELS.get(code, code)
        return self._(label)

    def yes_no(self, flag: bool) -> str:
        return self.option("__yes__" if flag else "__no__")

    # blocks ----------------------------------------------------------------------------
    def space(self, mm: float = 2.5) -> None:
        self.pdf.ln(mm)

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit on this one."""
        if self.pdf.get_y() + height > self.pdf.page_break_trigger:
            self.pdf.add_page()

    def heading(self, text: str) -> None:
        pdf = self.pdf
        self.space(3)
        self.keep(24)
        pdf.set_font(FONT, "B", 12.5)
        pdf.set_text_color(COLORS["total"])
        pdf.multi_cell(
            0, 6.5, text, align="L", new_x="LMARGIN", new_y="NEXT", wrapmode=pdf.wrapmode
        )
        pdf.set_draw_color(RULE)
        pdf.set_line_width(0.3)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        self.space(1.5)

    def paragraph(
        self, text: str, size: float = BODY_PT, style: str = "", color: str = INK
    ) -> None:
        pdf = self.pdf
        pdf.set_font(FONT, style, size)
        pdf.set_text_color(color)
        pdf.multi_cell(
            0, size * 0.48, text, align="L", new_x="LMARGIN", new_y="NEXT", wrapmode=pdf.wrapmode
        )
        self.space(1)

    def boxed(self, text: str, size: float = BODY_PT) -> None:
        pdf = self.pdf
        pdf.set_font(FONT, "", size)
        pdf.set_text_color(INK)
        pdf.set_fill_color(BOX)
        pdf.multi_cell(
            0,
            size * 0.48,
            text,
            fill=True,
            padding=2,
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
            wrapmode=pdf.wrapmode,
        )
        self.space(1.5)

    def bullets(self, lines: Iterable[str], size: float = BODY_PT) -> None:
        pdf = self.pdf
        for line in lines:
            pdf.set_font(FONT, "", size)
            pdf.set_text_color(INK)
            pdf.cell(5, size * 0.48, "•")
            pdf.multi_cell(
                0,
                size * 0.48,
                line,
                align="L",
                new_x="LMARGIN",
                new_y="NEXT",
                wrapmode=pdf.wrapmode,
            )
            self.space(0.8)

    def table(
        self,
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        align: Sequence[str],
        headings: Sequence[str] | None = None,
        size: float = BODY_PT,
        bold_last: bool = False,
    ) -> None:
        pdf = self.pdf
        pdf.set_font(FONT, "", size)
        pdf.set_text_color(INK)
        pdf.set_fill_color("#ffffff")  # the table's cells take the current fill colour
        pdf.set_draw_color(RULE)
        pdf.set_line_width(0.2)
        data = ([list(headings)] if headings else []) + [list(row) for row in rows]
        with pdf.table(
            col_widths=tuple(widths),
            text_align=tuple(align),
            first_row_as_headings=headings is not None,
            headings_style=FontFace(emphasis="BOLD", color=INK, fill_color=BOX),
            borders_layout="HORIZONTAL_LINES",
            line_height=size * 0.52,
            padding=(1.2, 1.5),
            wrapmode=pdf.wrapmode,
        ) as table:
            for number, values in enumerate(data):
                strong = bold_last and number == len(data) - 1
                row = table.row(style=FontFace(emphasis="BOLD") if strong else None)
                for value in values:
                    row.cell(value)
        self.space(2)

    def pairs(self, rows: Sequence[tuple[str, str]], size: float = BODY_PT) -> None:
        """Label | value rows (the value right-aligned when it is an amount or a date)."""
        self.table(rows, (62, 38), ("LEFT", "RIGHT"), size=size)


# -- sections -------------------------------------------------------------------------------
def _input_value(w: _Writer, scenario: Scenario, key: str) -> str:
    value = getattr(scenario, key)
    if value is None:
        return w.option("__none__")
    if key == "state":
        rule = state_law.load_rules().get(value)
        return f"{rule.name} ({value})" if rule else str(value)
    if key in _CHOICE_KEYS:
        return w.option(str(value))
    if isinstance(value, bool):
        return w.yes_no(value)
    if key in DATE_KEYS:
        return w.date(value)
    if key == "acres":
        return i18n.number(value, w.lang)
    if key == "rate":  # a yearly rate in percent (6.875), not dollars
        return i18n.percent(value / 100, w.lang)
    if isinstance(value, Decimal):
        return w.money(to_cents(value))
    return str(value)


def shown_inputs(scenario: Scenario) -> list[str]:
    """The scenario keys the handout lists: the basics, then whatever the user changed."""
    changed = set(links.encode(scenario)) - {"v"}
    return [key for key in SCENARIO_KEYS if key in ALWAYS_SHOWN or key in changed]


def _inputs(w: _Writer, found: Analysis) -> None:
    _ = w._
    w.heading(_("Scenario"))
    rows = [
        (_(INPUT_LABELS[key]), _input_value(w, found.scenario, key))
        for key in shown_inputs(found.scenario)
    ]
    w.table(rows, (62, 38), ("LEFT", "LEFT"))


def _results(w: _Writer, found: Analysis) -> None:
    _ = w._
    result = found.result
    w.heading(_("Result"))
    rows = []
    if result.surplus:
        rows.append((_("Surplus"), w.money(result.surplus)))
    else:
        rows.append((_("Deficiency balance"), w.money(result.deficiency)))
    rows.append((_("Collectible deficiency"), w.money(found.state.collectible_cents)))
    rows.append((_("You still owe"), w.money(found.owes)))
    rows.append((_("Cancelled (forgiven) debt"), w.money(found.cancelled)))
    if found.tax.estimated_federal_tax:
        rows.append((_("Estimated extra federal tax"), w.money(found.tax.estimated_federal_tax)))
    w.table(rows, (62, 38), ("LEFT", "RIGHT"), size=10.5)


def waterfall_spans(items: Sequence[Item]) -> list[tuple[int, int]]:
    """Where each waterfall bar starts and ends, in cents along the running total."""
    spans: list[tuple[int, int]] = []
    running = 0
    for item in items:
        if item.sign > 0:
            spans.append((running, running + item.cents))
            running += item.cents
        elif item.sign < 0:
            spans.append((running - item.cents, running))
            running -= item.cents
        else:  # the closing total: the deficiency above zero, a surplus below it
            spans.append((0, running) if running >= 0 else (running, 0))
    return spans


def _fit(pdf: FPDF, text: str, width: float, size: float, style: str = "") -> None:
    """Set the font, shrinking it until ``text`` fits in ``width`` mm (down to 6 pt)."""
    pdf.set_font(FONT, style, size)
    while pdf.get_string_width(text) > width and size > 6:
        size -= 0.5
        pdf.set_font(FONT, style, size)


def _waterfall(w: _Writer, items: Sequence[Item]) -> None:
    """From the balance, up through each cost, down through the proceeds, to the result."""
    _ = w._
    pdf = w.pdf
    spans = waterfall_spans(items)
    low = min(0, *(start for start, _end in spans))
    high = max(0, *(end for _start, end in spans))
    if high == low:
        return
    row_h, label_w, amount_w = 6.0, 55.0, 30.0
    w.keep(row_h * len(items) + 12)
    w.paragraph(_("From what was owed to the deficiency"), size=SMALL_PT + 1, style="B")
    x_chart = pdf.l_margin + label_w + 2
    chart_w = pdf.epw - label_w - amount_w - 4
    y0 = pdf.get_y()

    def x_of(cents: int) -> float:
        return x_chart + (cents - low) / (high - low) * chart_w

    for number, (item, (start, end)) in enumerate(zip(items, spans, strict=True)):
        y = y0 + number * row_h
        label = _(item.label)
        _fit(pdf, label, label_w, SMALL_PT + 0.5)
        pdf.set_text_color(INK)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(label_w, row_h, label, align="R")
        color = COLORS["up" if item.sign > 0 else "down" if item.sign < 0 else "total"]
        pdf.set_fill_color(color)
        left = x_of(start)
        pdf.rect(left, y + 1, max(x_of(end) - left, 0.4), row_h - 2, style="F")
        if number + 1 < len(items):  # connector to the next bar, at the running total
            level = x_of(end if item.sign >= 0 else start)
            pdf.set_draw_color(RULE)
            pdf.set_line_width(0.2)
            pdf.line(level, y + row_h - 1, level, y + row_h + 1)
        sign = "+" if item.sign > 0 else "−" if item.sign < 0 else "="
        text = f"{sign} {w.money(item.cents)}"
        _fit(pdf, text, amount_w, SMALL_PT + 0.5, "B" if item.sign == 0 else "")
        pdf.set_xy(pdf.w - pdf.r_margin - amount_w, y)
        pdf.cell(amount_w, row_h, text, align="R")
    if low < 0:  # the zero line, when a surplus goes below it
        pdf.set_draw_color(MUTED)
        pdf.set_line_width(0.3)
        pdf.line(x_of(0), y0, x_of(0), y0 + row_h * len(items))
    pdf.set_xy(pdf.l_margin, y0 + row_h * len(items))
    w.space(3)


def _breakdown(w: _Writer, found: Analysis) -> None:
    _ = w._
    result = found.result
    w.heading(_("How it adds up"))
    _waterfall(w, result.items)
    effect = {1: _("Adds to what you owe"), -1: _("Applied against the debt"), 0: _("Result")}
    rows = [(_(item.label), effect[item.sign], w.money(item.cents)) for item in result.items]
    w.table(
        rows,
        (46, 30, 24),
        ("LEFT", "LEFT", "RIGHT"),
        headings=(_("Item"), _("Effect"), _("Amount")),
        bold_last=True,
    )
    w.pairs(
        [
            (_("Total owed"), w.money(result.total_owed)),
            (_("Applied from the sale"), w.money(result.applied)),
        ]
    )


def _next_steps(w: _Writer, found: Analysis) -> None:
    result = found.result
    w.heading(w._("What happens next"))
    w.bullets(w.render(m) for m in next_steps(found.scenario, result.deficiency, result.surplus))


def _state_law(w: _Writer, found: Analysis) -> None:
    _ = w._
    law = found.state
    w.heading(_("Can the lender collect it?"))
    w.paragraph(w.render(law.rule), style="B")
    if found.result.deficiency == 0:
        w.paragraph(_("There is no deficiency to collect."))
    rows = [(_("Collectible deficiency"), w.money(law.collectible_cents))]
    if law.fair_value_credit_cents:
        rows.append((_("Fair-value credit"), w.money(law.fair_value_credit_cents)))
    if law.deadline:
        rows.append((_("Lender's deadline to seek it"), w.date(law.deadline)))
    if law.citation:
        rows.append((_("Citation"), law.citation))
    label = CONFIDENCE_LABELS.get(law.confidence)
    rows.append((_("Confidence"), _(label) if label else law.confidence))
    w.pairs(rows)
    if law.source_url:
        w.paragraph(_("Source: {link}").format(link=law.source_url), size=SMALL_PT, color=MUTED)
    if law.caution is not None:  # only when a state's rule was applied (as on the page)
        w.boxed(w.render(law.caution))
    w.bullets([w.render(m) for m in (*law.warnings, *law.follow_ups)])


def _second_lien(w: _Writer, found: Analysis) -> None:
    """The second mortgage or HELOC, when one was entered (liens.second_lien_of)."""
    second = second_lien_of(found.scenario)
    if second is None:
        return
    _ = w._
    w.heading(_("The second mortgage"))
    w.pairs(
        [
            (_("Second loan balance"), w.money(second.balance_cents)),
            (_("Collectible on the second loan"), w.money(second.collectible_cents)),
        ]
    )
    cite = f" ({second.citation})" if second.citation else ""
    w.paragraph(w.render(second.rule) + cite)
    w.bullets([w.render(m) for m in second.notes])


def _tax(w: _Writer, found: Analysis) -> None:
    _ = w._
    t = found.tax
    w.heading(_("Tax on cancelled debt"))
    if t.form_1099c_expected:
        w.boxed(_(FORM_1099C_LIKELY).format(amount=w.money(t.form_1099c.box2_cancelled)))
    yes_no = w.yes_no(t.form_1099c_expected)
    w.pairs(
        [
            (_(FORM_1099C_EXPECTED), yes_no),
            (_("Cancelled debt"), w.money(t.cancelled_debt)),
            (_("Taxable cancelled debt"), w.money(t.taxable_cancelled_debt)),
            (_("Estimated extra federal tax"), w.money(t.estimated_federal_tax)),
        ]
    )
    names = {
        "bankruptcy": _("bankruptcy"),
        "insolvency": _("insolvency"),
        "qpri": _("qualified principal residence (QPRI)"),
    }
    w.bullets(
        _("Excluded ({kind}): {amount}").format(kind=names.get(kind, kind), amount=w.money(v))
        for kind, v in t.excluded.items()
        if v
    )
    w.paragraph(_("Step by step"), style="B")
    pdf = w.pdf
    for number, step in enumerate(t.steps, 1):
        pdf.set_font(FONT, "", SMALL_PT + 0.5)
        pdf.set_text_color(INK)
        pdf.cell(6, (SMALL_PT + 0.5) * 0.48, f"{number}.")
        pdf.multi_cell(
            0,
            (SMALL_PT + 0.5) * 0.48,
            w.render(step),
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
            wrapmode=pdf.wrapmode,
        )
        w.space(0.6)
    w.space(1)
    notes = list(t.notes)
    if tax.PROFESSIONAL_NOTE not in notes:  # always: a tax professional, and free help
        notes.append(tax.PROFESSIONAL_NOTE)
    for note in notes:
        w.boxed(w.render(note))


def _credit(w: _Writer, found: Analysis) -> None:
    _ = w._
    c = found.credit
    w.heading(_("Credit report"))
    code = c.status_code + (f" + {c.special_comment}" if c.special_comment else "")
    w.paragraph(
        _("Expected reporting: {text} (Metro 2 code {code})").format(
            text=w.render(c.status_text), code=code
        ),
        style="B",
    )
    for extra in (c.special_comment_text, c.varies_text):
        if extra is not None:
            w.paragraph(w.render(extra), size=SMALL_PT + 0.5, color=MUTED)
    rows = [
        (_("Leaves your report (usual)"), w.date(c.removal_date)),
        (_("Latest legal removal date"), w.date(c.removal_outer_limit)),
    ]
    # Only the programs whose waiting periods concern this scenario (none for a car's
    # repossession): a row per program "Not known" would suggest a missing date.
    waits = c.waiting_periods
    rows += [(_(PROGRAM_LABELS.get(e.program, e.program)), w.date(e.date)) for e in waits]
    w.table(rows, (62, 38), ("LEFT", "RIGHT"), headings=(_("Milestone"), _("Date")))
    if c.score_after is not None:
        w.paragraph(
            _("Score after the event: about {low} to {high} (FICO, 2011 study)").format(
                low=c.score_after.low, high=c.score_after.high
            )
        )
    notes = [*c.barred_notes, *c.removal_notes[:2]]
    if waits:  # one sentence for the programs that share it, as the Credit page says it
        notes += c.eligibility_notes
    w.bullets((w.render(m) for m in notes), size=SMALL_PT + 0.5)


# -- the letter check (issue 13) -------------------------------------------------------------
#: Title colour of a letter flag by severity (the page's error / warning / info boxes).
FLAG_COLORS: dict[str, str] = {"error": COLORS["up"], "warning": "#8a5a00", "info": COLORS["total"]}


def letter_check(found: Analysis, letter: LetterInputs | None) -> LetterCheck | None:
    """The Letter check of ``letter`` for this scenario, or None when no letter was entered.

    The same core call as the Letter check page (``check_letter`` with the scenario's state),
    so the handout carries the very figures, flags and questions the counselor saw; a letter
    left at its defaults (nothing typed: ``encode_letter`` is empty) is no letter at all.
    """
    if letter is None or not encode_letter(letter):
        return None
    return check_letter(letter, state=found.scenario.state)


def _flag(w: _Writer, flag: LetterFlag) -> None:
    """One flag as the page shows it: title, why, the amount at stake, what to ask, source."""
    _ = w._
    w.keep(28)
    w.paragraph(_(flag.title), style="B", color=FLAG_COLORS.get(flag.severity, INK))
    lines = [w.render(flag.message)]
    if flag.amount_cents is not None:
        lines.append(_("Amount at stake: {amount}").format(amount=w.money(flag.amount_cents)))
    lines.append(_("Ask: {question}").format(question=w.render(flag.ask)))
    w.boxed("\n".join(lines))
    source = _("Source: {link}").format(link=f"{flag.source.title} ({flag.source.url})")
    if flag.confidence != "confirmed":
        source += " · " + _("Not fully confirmed")
    w.paragraph(source, size=SMALL_PT, color=MUTED)


def _letter_check(w: _Writer, found: Analysis, check: LetterCheck) -> None:
    """The lender's letter redone in the legal order, each flag, and what to ask."""
    _ = w._
    w.heading(_("Letter check"))
    w.paragraph(_("Recomputed in the legal order"), style="B")
    rows = [(_("Recomputed deficiency"), w.money(check.recomputed_cents))]
    if check.stated_cents is not None:
        rows.append((_("The letter claims"), w.money(check.stated_cents)))
        rows.append((_(LETTER_DIFFERENCE), w.money(check.difference_cents or 0)))
    w.table(rows, (62, 38), ("LEFT", "RIGHT"), size=10.5)
    if check.surplus_cents:
        w.boxed(
            _("The sale left a surplus of {amount}: it is yours.").format(
                amount=w.money(check.surplus_cents)
            )
        )
    _waterfall(w, check.lines)  # every line, signed, in the 9-616(c) order: the page's chart
    w.paragraph(_("What to ask the lender"), style="B")
    if not check.flags:
        w.paragraph(_("Nothing to flag from the figures entered."))
    for flag in check.flags:
        _flag(w, flag)


def sources(found: Analysis, check: LetterCheck | None = None) -> list[tuple[str, str]]:
    """Every source behind the rules applied, as (title, URL), in order, without repeats.

    ``check``: the letter check printed with the analysis, whose flags cite their own.
    """
    found_sources: list[tuple[str, str]] = []
    if found.state.source_url:
        found_sources.append(
            (found.state.citation or found.state.source_url, found.state.source_url)
        )
    found_sources += [(s.title, s.url) for s in found.tax.sources]
    found_sources += [(s.title, s.url) for s in found.credit.sources]
    for e in found.credit.waiting_periods:
        found_sources += [(s.title, s.url) for s in e.sources]
    if check is not None:
        found_sources += [(flag.source.title, flag.source.url) for flag in check.flags]
    seen: set[tuple[str, str]] = set()
    out = []
    for pair in found_sources:
        if pair not in seen:
            seen.add(pair)
            out.append(pair)
    return out


def _sources(w: _Writer, found: Analysis, check: LetterCheck | None = None) -> None:
    pdf = w.pdf
    w.heading(w._("Sources"))
    w.paragraph(w._("Rules as of {date}.").format(date=w.date(rules_as_of(found.scenario))))
    for title, url in sources(found, check):
        w.keep(10)
        pdf.set_font(FONT, "", SMALL_PT)
        pdf.set_text_color(INK)
        pdf.cell(4, SMALL_PT * 0.45, "•")
        pdf.multi_cell(
            0,
            SMALL_PT * 0.45,
            title,
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
            wrapmode=pdf.wrapmode,
        )
        pdf.set_x(pdf.l_margin + 4)
        pdf.set_text_color(COLORS["total"])
        pdf.multi_cell(
            0,
            SMALL_PT * 0.45,
            url,
            link=url if url.startswith(("https://", "http://")) else None,
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
            wrapmode=WrapMode.CHAR,
        )
        w.space(0.8)


def _header(w: _Writer, link: str, day: dt.date) -> None:
    """Title and date at the left, the QR code at the right, the link in full below."""
    _ = w._
    pdf = w.pdf
    side = 30.0
    top = pdf.get_y()
    pdf.image(
        io.BytesIO(qr_png(link)),
        x=pdf.w - pdf.r_margin - side,
        y=top,
        w=side,
        h=side,
        alt_text=link,
    )
    pdf.set_font(FONT, "B", 17)
    pdf.set_text_color(INK)
    text_w = pdf.epw - side - 6
    pdf.multi_cell(
        text_w,
        8,
        _(TITLE),
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
        wrapmode=pdf.wrapmode,
    )
    w.space(1)
    pdf.set_font(FONT, "", BODY_PT)
    pdf.set_text_color(MUTED)
    pdf.multi_cell(
        text_w,
        BODY_PT * 0.5,
        _(PREPARED_ON).format(date=i18n.date(day, w.lang)),
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
        wrapmode=pdf.wrapmode,
    )
    w.space(3)
    pdf.set_font(FONT, "B", SMALL_PT + 0.5)
    pdf.set_text_color(INK)
    pdf.multi_cell(
        text_w,
        (SMALL_PT + 0.5) * 0.5,
        _("Share this scenario"),
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
        wrapmode=pdf.wrapmode,
    )
    pdf.set_font(FONT, "", SMALL_PT + 0.5)
    pdf.multi_cell(
        text_w,
        (SMALL_PT + 0.5) * 0.5,
        _(SCAN_OR_TYPE),
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
        wrapmode=pdf.wrapmode,
    )
    pdf.set_y(max(pdf.get_y() + 1, top + side + 1))
    pdf.set_font(FONT, "", SMALL_PT)
    pdf.set_text_color(COLORS["total"])
    pdf.multi_cell(
        0,
        SMALL_PT * 0.5,
        link,
        align="L",
        link=link if link.startswith(("https://", "http://")) else None,
        new_x="LMARGIN",
        new_y="NEXT",
        wrapmode=WrapMode.CHAR,
    )
    w.space(2.5)


# -- the document ---------------------------------------------------------------------------
Section = Callable[[_Writer, Analysis], None]
SECTIONS: tuple[Section, ...] = (
    _inputs,
    _results,
    _breakdown,
    _next_steps,
    _state_law,
    _second_lien,
    _tax,
    _credit,
    _sources,
)


def _sections(check: LetterCheck | None) -> tuple[Section, ...]:
    """The handout's sections; with a letter, its check right after "Can the lender
    collect it?" (the counselor's finding on the lender's own figures), and its sources."""
    if check is None:
        return SECTIONS
    at = SECTIONS.index(_state_law) + 1
    letter_section = functools.partial(_letter_check, check=check)
    return (
        *SECTIONS[:at],
        letter_section,
        *(functools.partial(_sources, check=check) if s is _sources else s for s in SECTIONS[at:]),
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
    pdf = _Handout(WrapMode.CHAR if SCRIPTS.get(lang) == "cjk" else WrapMode.WORD)
    pdf.add_font(FONT, "", str(regular.path), collection_font_number=regular.index)
    pdf.add_font(FONT, "B", str(bold.path), collection_font_number=bold.index)
    w = _Writer(pdf, lang)
    _ = w._
    pdf.set_title(_(TITLE))
    pdf.set_lang(i18n.locale_of(lang).replace("_", "-"))
    pdf.set_creator("deficiency handout")
    pdf.set_creation_date(dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC))
    pdf.add_page()

    _header(w, link, day)
    w.boxed(_(DISCLAIMER))
    for section in _sections(letter_check(analysis, letter)):
        section(w, analysis)
    w.space(2)
    w.keep(14)
    w.boxed(_(DISCLAIMER))  # again at the end: the page a reader may keep on its own
    return bytes(pdf.output())
