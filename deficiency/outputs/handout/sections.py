"""The handout's sections, each drawn from the analysis alone: the inputs, the result, the
breakdown, what happens next, state law, the second mortgage, tax, credit, the sources, and
the header with the QR code."""

from __future__ import annotations

import datetime as dt
import io

from fpdf.enums import WrapMode

from deficiency.core.analysis import Analysis
from deficiency.core.scenario import SCENARIO_KEYS, Scenario
from deficiency.counselor.guidance import next_steps
from deficiency.counselor.letter import LetterCheck
from deficiency.interface import links
from deficiency.outputs.handout.layout import (
    BODY_PT,
    COLORS,
    FONT,
    INK,
    MUTED,
    SMALL_PT,
    Writer,
    draw_waterfall,
)
from deficiency.outputs.handout.messages import (
    FORM_1099C_EXPECTED,
    FORM_1099C_LIKELY,
    PREPARED_ON,
    SCAN_OR_TYPE,
    TITLE,
)
from deficiency.outputs.handout.qr import qr_png
from deficiency.outputs.inputs_shown import ALWAYS_SHOWN, input_value
from deficiency.rules import tax
from deficiency.rules.liens import second_lien_of
from deficiency.rules.state_law import rules_as_of
from deficiency.text import i18n
from deficiency.text.labels import CONFIDENCE_LABELS, INPUT_LABELS, PROGRAM_LABELS


# -- sections -------------------------------------------------------------------------------
def shown_inputs(scenario: Scenario) -> list[str]:
    """The scenario keys the handout lists: the basics, then whatever the user changed."""
    changed = set(links.encode(scenario)) - {"v"}
    return [key for key in SCENARIO_KEYS if key in ALWAYS_SHOWN or key in changed]


def draw_inputs(w: Writer, found: Analysis) -> None:
    _ = w._
    w.heading(_("Scenario"))
    rows = [
        (_(INPUT_LABELS[key]), input_value(found.scenario, key, w.lang))
        for key in shown_inputs(found.scenario)
    ]
    w.table(rows, (62, 38), ("LEFT", "LEFT"))


def draw_results(w: Writer, found: Analysis) -> None:
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


def draw_breakdown(w: Writer, found: Analysis) -> None:
    _ = w._
    result = found.result
    w.heading(_("How it adds up"))
    draw_waterfall(w, result.items)
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


def draw_next_steps(w: Writer, found: Analysis) -> None:
    result = found.result
    w.heading(w._("What happens next"))
    steps = next_steps(
        found.scenario, result.deficiency, result.surplus, found.state.collectible_cents
    )
    w.bullets(w.render(m) for m in steps)


def draw_state_law(w: Writer, found: Analysis) -> None:
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


def draw_second_lien(w: Writer, found: Analysis) -> None:
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


def draw_tax(w: Writer, found: Analysis) -> None:
    _ = w._
    t = found.tax
    w.heading(_("Tax on cancelled debt"))
    if t.form_1099c_expected:
        w.boxed(_(FORM_1099C_LIKELY).format(amount=w.money(t.form_1099c.box2_cancelled)))
    if t.forms_note is not None:  # which forms to expect and why, as the pages say it
        w.boxed(w.render(t.forms_note))
    yes_no = w.yes_no(t.form_1099c_expected)
    pairs = [
        (_(FORM_1099C_EXPECTED), yes_no),
        (_("Cancelled debt"), w.money(t.cancelled_debt)),
        (_("Taxable cancelled debt"), w.money(t.taxable_cancelled_debt)),
    ]
    if t.taxable_gain:
        pairs.append((_("Taxable gain on the property"), w.money(t.taxable_gain)))
    pairs.append((_("Estimated extra federal tax"), w.money(t.estimated_federal_tax)))
    w.pairs(pairs)
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


def draw_credit(w: Writer, found: Analysis) -> None:
    _ = w._
    c = found.credit
    w.heading(_("Credit report"))
    code = c.status_code + (f" + {c.special_comment}" if c.special_comment else "")
    w.paragraph(
        _("Most likely reported now: {text} (Metro 2 code {code})").format(
            text=w.render(c.status_text), code=code
        ),
        style="B",
    )
    for extra in (c.special_comment_text, c.varies_text):
        if extra is not None:
            w.paragraph(w.render(extra), size=SMALL_PT + 0.5, color=MUTED)
    # What may follow, each step with its condition ("Later, if …"), as the Calculator says.
    w.bullets((w.render(step.line) for step in c.later_steps), size=SMALL_PT + 0.5)
    outer = c.outer_limit_text  # "…, if charged off", or "No later than … (estimate)"
    rows = [
        (_("Leaves your report (usual)"), w.date(c.removal_date)),
        (
            _("Latest legal removal date"),
            w.render(outer) if outer is not None else w.date(c.removal_outer_limit),
        ),
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


def draw_sources(w: Writer, found: Analysis, check: LetterCheck | None = None) -> None:
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


def draw_header(w: Writer, link: str, day: dt.date) -> None:
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
