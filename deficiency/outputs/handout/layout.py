"""The handout's page and its drawing primitives: headings, paragraphs, boxes, tables, and the
waterfall chart (from what was owed to the deficiency), in the reader's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from fpdf import FPDF
from fpdf.enums import WrapMode
from fpdf.fonts import FontFace

from deficiency.core.engine import Item
from deficiency.text import i18n
from deficiency.text.labels import OPTION_LABELS
from deficiency.text.markers import Message

# -- layout ---------------------------------------------------------------------------------
FONT = "handout"
COLORS = {"up": "#b4542d", "down": "#2e7d5b", "total": "#3b4a6b"}
INK = "#1f2933"
MUTED = "#52606d"
RULE = "#9aa5b1"
BOX = "#f0f4f8"
BODY_PT = 9.5
SMALL_PT = 8


class HandoutPdf(FPDF):
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


class Writer:
    """Draws the sections; knows the reader's language and formatters."""

    def __init__(self, pdf: HandoutPdf, lang: str):
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


def fit(pdf: FPDF, text: str, width: float, size: float, style: str = "") -> None:
    """Set the font, shrinking it until ``text`` fits in ``width`` mm (down to 6 pt)."""
    pdf.set_font(FONT, style, size)
    while pdf.get_string_width(text) > width and size > 6:
        size -= 0.5
        pdf.set_font(FONT, style, size)


def draw_waterfall(w: Writer, items: Sequence[Item]) -> None:
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
        fit(pdf, label, label_w, SMALL_PT + 0.5)
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
        fit(pdf, text, amount_w, SMALL_PT + 0.5, "B" if item.sign == 0 else "")
        pdf.set_xy(pdf.w - pdf.r_margin - amount_w, y)
        pdf.cell(amount_w, row_h, text, align="R")
    if low < 0:  # the zero line, when a surplus goes below it
        pdf.set_draw_color(MUTED)
        pdf.set_line_width(0.3)
        pdf.line(x_of(0), y0, x_of(0), y0 + row_h * len(items))
    pdf.set_xy(pdf.l_margin, y0 + row_h * len(items))
    w.space(3)
