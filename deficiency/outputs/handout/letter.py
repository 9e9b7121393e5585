"""The letter check in the handout (issue 13): the lender's letter redone in the legal order,
each flag, and what to ask."""

from __future__ import annotations

from deficiency.core.analysis import Analysis
from deficiency.counselor.letter import (
    LetterCheck,
    LetterFlag,
    LetterInputs,
    check_letter,
    encode_letter,
)
from deficiency.outputs.handout.layout import COLORS, INK, MUTED, SMALL_PT, Writer, draw_waterfall
from deficiency.outputs.handout.messages import LETTER_DIFFERENCE

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


def draw_flag(w: Writer, flag: LetterFlag) -> None:
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


def draw_letter_check(w: Writer, found: Analysis, check: LetterCheck) -> None:
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
    draw_waterfall(w, check.lines)  # every line, signed, in the 9-616(c) order: the page's chart
    w.paragraph(_("What to ask the lender"), style="B")
    if not check.flags:
        w.paragraph(_("Nothing to flag from the figures entered."))
    for flag in check.flags:
        draw_flag(w, flag)
