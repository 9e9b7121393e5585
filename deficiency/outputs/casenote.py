"""A plain-text case note: one scenario's analysis, sized to paste into a case-management system.

Why plain text: counselors keep client files in case-management systems (HUD's agencies use
several) whose note fields take text only, often with a length limit. The note carries what
a colleague picking up the file needs: the inputs, the figures, whether the deficiency is
collectible and under which rule (with its citation), the dates that matter, the tax and
credit figures, the link that reopens the scenario, and the date the rules were checked.

Rules of the layout: lines wrap at :data:`WIDTH` columns (a wide character such as Japanese
counts as two; a web address is never broken, so a long link may run past the margin);
the note stays under :data:`MAX_CHARS` characters, and when a scenario sets many inputs
the inputs shrink to the essential ones plus the names of the others. Every label is a
message id translated with :func:`deficiency.text.i18n.gettext_for`; amounts and dates go
through :func:`deficiency.text.i18n.money` and :func:`deficiency.text.i18n.date`, exactly as
the pages format them. Most ids are the pages' own (same text, same translation).
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from deficiency.core.analysis import Analysis
from deficiency.core.scenario import Scenario
from deficiency.interface import links
from deficiency.outputs.inputs_shown import ALWAYS_SHOWN, NOT_KNOWN, input_value
from deficiency.rules import credit
from deficiency.rules.state_law import rules_as_of
from deficiency.text import i18n
from deficiency.text.labels import CONFIDENCE_LABELS, DISCLAIMER, INPUT_LABELS
from deficiency.text.markers import N_, Message

WIDTH = 80
MAX_CHARS = 4000

# -- message ids new to the case note -------------------------------------------------------
TITLE = N_("Deficiency case note")
LABEL_VALUE = N_("{label}: {value}")

# -- message ids shared with the pages and the handout (same text, same translation) -------
PREPARED_ON = N_("Prepared on {date}")
RULES_AS_OF = N_("Rules as of {date}.")
SECTION_INPUTS = N_("Your scenario")
SECTION_FIGURES = N_("How it adds up")
SECTION_LAW = N_("Can the lender collect it?")
SECTION_TAX = N_("Tax on cancelled debt")
SECTION_CREDIT = N_("Credit report")
SECTION_LINK = N_("Share this scenario")
INPUTS_THAT_DIFFER = N_("Inputs that differ: {keys}")
LINK_HINT = N_("Copy this link to reopen exactly this scenario, on any device.")
YES = N_("Yes")
NO = N_("No")
TOTAL_OWED = N_("Total owed")
APPLIED = N_("Applied against the debt")
DEFICIENCY = N_("Deficiency balance")
SURPLUS = N_("Surplus")
COLLECTIBLE = N_("Collectible deficiency")
STILL_OWE = N_("You still owe")
CITATION = N_("Citation")
CONFIDENCE = N_("Confidence")
SOURCE = N_("Source")
DEADLINE = N_("Lender's deadline to seek it")
FORM_1099C = N_("Form 1099-C expected")
CANCELLED = N_("Cancelled debt")
TAXABLE = N_("Taxable cancelled debt")
EXTRA_TAX = N_("Estimated extra federal tax")
REMOVAL = N_("Leaves your report (usual)")
REMOVAL_LIMIT = N_("Latest legal removal date")


# -- wrapping ---------------------------------------------------------------------------------
def display_width(text: str) -> int:
    """Columns a string takes in a monospaced terminal: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(token, preceded by a space): words, and each wide character as its own token."""
    out: list[tuple[str, bool]] = []
    word, spaced = "", False
    for ch in text:
        if ch.isspace():
            if word:
                out.append((word, spaced))
                word = ""
            spaced = True
        elif display_width(ch) == 2:
            if word:
                out.append((word, spaced))
                word, spaced = "", False
            out.append((ch, spaced))
            spaced = False
        else:
            word += ch
    if word:
        out.append((word, spaced))
    return out


def wrap(text: str, width: int = WIDTH, first: str = "", rest: str = "") -> list[str]:
    """Greedy word wrap by display width; ``first``/``rest`` are the line prefixes.

    Wide characters may break anywhere (Japanese has no spaces); a token holding a web
    address is never split, so it may run past ``width``; any other over-long token is cut.
    """
    lines: list[str] = []
    line, used = first, display_width(first)
    has_text = False
    for token, spaced in _tokens(text):
        gap = 1 if spaced and has_text else 0
        size = display_width(token)
        if has_text and used + gap + size > width:
            lines.append(line)
            line, used, has_text, gap = rest, display_width(rest), False, 0
        if not has_text and used + size > width and "://" not in token:
            while used + display_width(token) > width and len(token) > 1:
                cut = 1
                while cut < len(token) and used + display_width(token[: cut + 1]) <= width:
                    cut += 1
                lines.append(line + token[:cut])
                token = token[cut:]
                line, used = rest, display_width(rest)
            size = display_width(token)
        line += " " * gap + token
        used += gap + size
        has_text = True
    lines.append(line)
    return [item.rstrip() for item in lines]


# -- the note ---------------------------------------------------------------------------------
class _Writer:
    """Knows the reader's language and formats every value the same way the pages do."""

    def __init__(self, lang: str):
        self.lang = lang
        self._ = i18n.gettext_for(lang)
        self.lines: list[str] = []

    def money(self, cents: int) -> str:
        return i18n.money(int(cents), self.lang)

    def date(self, day: dt.date | None) -> str:
        return i18n.date(day, self.lang) if day is not None else self._(NOT_KNOWN)

    def render(self, message: Message) -> str:
        return message.text(self._, self.money, self.date)

    def paragraph(self, text: str) -> None:
        self.lines.extend(wrap(text))

    def heading(self, msgid: str) -> None:
        title = self._(msgid)
        self.lines += ["", title, "-" * min(display_width(title), WIDTH)]

    def item(self, label: str, value: str) -> None:
        text = self._(LABEL_VALUE).format(label=label, value=value)
        self.lines.extend(wrap(text, first="- ", rest="  "))

    def text(self) -> str:
        return "\n".join(self.lines).strip("\n") + "\n"


def _inputs(w: _Writer, scenario: Scenario, compact: bool) -> None:
    w.heading(SECTION_INPUTS)
    changed = [key for key in links.encode(scenario) if key in INPUT_LABELS]
    keys = [*ALWAYS_SHOWN, *(key for key in changed if key not in ALWAYS_SHOWN)]
    shown = ALWAYS_SHOWN if compact else keys
    for key in shown:
        w.item(w._(INPUT_LABELS[key]), input_value(scenario, key, w.lang))
    others = [key for key in keys if key not in shown]
    if others:
        names = ", ".join(w._(INPUT_LABELS[key]) for key in others)
        w.paragraph(w._(INPUTS_THAT_DIFFER).format(keys=names))


def _figures(w: _Writer, found: Analysis) -> None:
    result = found.result
    w.heading(SECTION_FIGURES)
    w.item(w._(TOTAL_OWED), w.money(result.total_owed))
    w.item(w._(APPLIED), w.money(result.applied))
    if result.surplus:
        w.item(w._(SURPLUS), w.money(result.surplus))
    w.item(w._(DEFICIENCY), w.money(result.deficiency))
    w.item(w._(COLLECTIBLE), w.money(found.state.collectible_cents))
    w.item(w._(STILL_OWE), w.money(found.owes))


def _law(w: _Writer, found: Analysis) -> None:
    law = found.state
    w.heading(SECTION_LAW)
    w.paragraph(w.render(law.rule))
    if law.citation:
        w.item(w._(CITATION), law.citation)
    w.item(w._(CONFIDENCE), w._(CONFIDENCE_LABELS[law.confidence]))
    if law.deadline is not None:
        w.item(w._(DEADLINE), w.date(law.deadline))
    if law.source_url:
        w.item(w._(SOURCE), law.source_url)


def _tax(w: _Writer, found: Analysis) -> None:
    t = found.tax
    w.heading(SECTION_TAX)
    w.item(w._(FORM_1099C), w._(YES if t.form_1099c_expected else NO))
    w.item(w._(CANCELLED), w.money(t.cancelled_debt))
    w.item(w._(TAXABLE), w.money(t.taxable_cancelled_debt))
    w.item(w._(EXTRA_TAX), w.money(t.estimated_federal_tax))


def _credit(w: _Writer, found: Analysis) -> None:
    c = found.credit
    w.heading(SECTION_CREDIT)
    w.item(w._(REMOVAL), w.date(c.removal_date))
    if c.outer_limit_text is not None:  # conditional on a charge-off, or an estimate
        w.item(w._(REMOVAL_LIMIT), w.render(c.outer_limit_text))
    elif c.removal_outer_limit is not None:
        w.item(w._(REMOVAL_LIMIT), w.date(c.removal_outer_limit))
    for item in c.eligibility:
        if item.date is not None:
            label = w._(credit.LABEL_ELIGIBLE).format(program=credit.PROGRAM_NAMES[item.program])
            w.item(label, w.date(item.date))


def build_note(found: Analysis, link: str, lang: str, today: dt.date, compact: bool) -> str:
    w = _Writer(lang)
    w.lines.append(w._(TITLE))
    w.paragraph(w._(PREPARED_ON).format(date=w.date(today)))
    w.paragraph(w._(RULES_AS_OF).format(date=w.date(rules_as_of(found.scenario))))
    _inputs(w, found.scenario, compact)
    _figures(w, found)
    _law(w, found)
    _tax(w, found)
    _credit(w, found)
    w.heading(SECTION_LINK)
    w.paragraph(w._(LINK_HINT))
    w.lines.append(link)
    w.lines.append("")
    w.paragraph(w._(DISCLAIMER))
    return w.text()


def case_note(
    analysis: Analysis, link: str, lang: str = i18n.DEFAULT_LANGUAGE, today: dt.date | None = None
) -> str:
    """The case note for ``analysis`` in ``lang``; ``link`` is the scenario's full URL.

    Under :data:`MAX_CHARS` characters for any ordinary scenario: when every input is set
    the input list shrinks to the essentials plus the names of the others.
    """
    lang = i18n.normalize_language(lang) or i18n.DEFAULT_LANGUAGE
    today = today or dt.date.today()
    note = build_note(analysis, link, lang, today, compact=False)
    if len(note) > MAX_CHARS:
        note = build_note(analysis, link, lang, today, compact=True)
    return note
