"""Result sections drawn from an :class:`~deficiency.core.analysis.Analysis` (no rules here).

Each function draws one part of the chain (state law, tax, credit) in plain words, with
the source of every rule shown next to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd
import streamlit as st

from deficiency.core.analysis import Analysis
from deficiency.text.labels import PROGRAM_LABELS
from deficiency.text.markers import Message
from ui import a11y
from ui.text import _, date, md, money, number, plain, render


def bullets(messages: Iterable[Message], container: Any = st) -> None:
    """Core messages as a bulleted list, translated and escaped."""
    lines = ["- " + plain(render(m)) for m in messages]
    if lines:
        container.markdown("\n".join(lines))


def source_link(title: str, url: str) -> str:
    """A markdown link to a source (titles and URLs come from our own data files)."""
    return (
        f"[{plain(title)}]({url})"
        if url.startswith("https://") or url.startswith("http://")
        else plain(title)
    )


def state_law(found: Analysis, container: Any = st) -> None:
    law = found.state
    container.subheader(_("Can the lender collect it?"))
    scenario = found.scenario
    if scenario.state is None and scenario.loan == "mortgage":
        container.info(plain(render(law.rule)))
        return
    if found.result.deficiency == 0:
        container.markdown(plain(_("There is no deficiency to collect.")))
    note = found.lender_action_note
    if note is not None:
        container.info(plain(render(note)))
    col = container.columns(2)
    col[0].metric(_("Collectible deficiency"), money(law.collectible_cents))
    if law.fair_value_credit_cents:
        col[1].metric(_("Fair-value credit"), money(law.fair_value_credit_cents))
    elif law.deadline:
        col[1].metric(_("Lender's deadline to seek it"), date(law.deadline))
    box = container.success if law.barred else container.info
    cite = f" ({law.citation})" if law.citation else ""
    box(plain(render(law.rule) + cite))
    if law.deadline and law.fair_value_credit_cents:
        container.markdown(
            plain(_("Lender's deadline to seek it: {date}").format(date=date(law.deadline)))
        )
    if law.source_url:  # not a caption: a link in a caption is too faint (config.toml)
        container.markdown(
            _("Source: {link}").format(
                link=source_link(law.citation or law.source_url, law.source_url)
            )
        )
    if law.caution is not None:  # the core leaves it out when no state's rule was applied
        container.warning(plain(render(law.caution)))
    bullets(law.warnings, container)
    bullets(law.follow_ups, container)


def tax_summary(found: Analysis, container: Any = st, heading: bool = True) -> None:
    """The tax figures and what to expect; ``heading=False`` on the Tax page, whose own title
    is the same words (the page read "Tax on cancelled debt" twice in a row)."""
    t = found.tax
    if heading:
        container.subheader(_("Tax on cancelled debt"))
    if t.form_1099c_expected:
        container.warning(
            md(
                _(
                    "A Form 1099-C (Cancellation of Debt) is likely: the lender reports {amount} "
                    "of cancelled debt to the IRS. It may count as income unless an exclusion "
                    "applies."
                ).format(amount=money(t.form_1099c.box2_cancelled))
            )
        )
    if t.forms_note is not None:  # which forms to expect, and why (1099-A, 1099-C or both)
        container.info(plain(render(t.forms_note)))
    col = container.columns(3)
    col[0].metric(_("Cancelled debt"), money(t.cancelled_debt))
    col[1].metric(_("Taxable cancelled debt"), money(t.taxable_cancelled_debt))
    col[2].metric(_("Estimated extra federal tax"), money(t.estimated_federal_tax))
    if t.taxable_gain:  # the estimate includes the tax on the gain on the property
        container.metric(_("Taxable gain on the property"), money(t.taxable_gain))
    excluded = {k: v for k, v in t.excluded.items() if v}
    if excluded:
        names = {
            "bankruptcy": _("bankruptcy"),
            "insolvency": _("insolvency"),
            "qpri": _("qualified principal residence (QPRI)"),
        }
        container.markdown(
            "\n".join(
                "- "
                + plain(_("Excluded ({kind}): {amount}").format(kind=names[k], amount=money(v)))
                for k, v in excluded.items()
            )
        )
    bullets(t.notes, container)


def credit_summary(found: Analysis, container: Any = st) -> None:
    c = found.credit
    container.subheader(_("Credit report"))
    code = f"{c.status_code}" + (f" + {c.special_comment}" if c.special_comment else "")
    container.markdown(
        plain(
            _("Most likely reported now: {text} (Metro 2 code {code})").format(
                text=render(c.status_text), code=code
            )
        )
    )
    if c.special_comment_text is not None:
        container.caption(plain(render(c.special_comment_text)))
    if c.varies_text is not None:
        container.caption(plain(render(c.varies_text)))
    # What may follow, each step with its condition ("Later, if …"), never as the status now.
    bullets((step.line for step in c.later_steps), container)
    # The outer limit may hang on a later charge-off, or be only an estimate without a DOFD.
    outer = c.outer_limit_text
    rows = [
        (_("Leaves your report (usual)"), date(c.removal_date)),
        (
            _("Latest legal removal date"),
            render(outer) if outer is not None else date(c.removal_outer_limit),
        ),
    ]
    # Only waiting periods that concern the scenario (none for a car's repossession).
    rows += [(_(PROGRAM_LABELS[e.program]), date(e.date)) for e in c.waiting_periods]
    a11y.table(
        pd.DataFrame(rows, columns=[_("Milestone"), _("Date")]),
        key="credit_summary",
        container=container,
        hide_index=True,
        static=True,
    )
    if c.score_after is not None:
        s = c.score_after
        container.markdown(
            plain(
                _("Score after the event: about {low} to {high} (FICO, 2011 study)").format(
                    low=s.low, high=s.high
                )
            )
        )
    bullets(c.barred_notes, container)
    bullets(c.removal_notes[:2], container)


def second_lien(found: Analysis, container: Any = st) -> None:
    """The second mortgage or HELOC and the co-borrowers (only when entered)."""
    from deficiency.rules.liens import assess_coborrowers, second_lien_of

    sc = found.scenario
    second = second_lien_of(sc)
    if second is not None:
        container.subheader(_("The second mortgage"))
        col = container.columns(2)
        col[0].metric(_("Second loan balance"), money(second.balance_cents))
        col[1].metric(_("Collectible on the second loan"), money(second.collectible_cents))
        box = container.success if second.collectible_cents == 0 else container.warning
        box(plain(render(second.rule) + (f" ({second.citation})" if second.citation else "")))
        bullets(second.notes, container)
    if sc.coborrowers:
        container.subheader(_("Co-borrowers"))
        co = assess_coborrowers(sc, found.owes, found.tax.cancelled_reportable, sc.coborrowers)
        bullets(co.notes, container)


def help_links(found: Analysis, container: Any = st) -> None:
    """Where to get help, picked for this situation, each with its public source."""
    from deficiency.counselor.help import help_for

    items = help_for(found)
    if not items:
        return
    container.subheader(_("Where to get help"))
    lines = []
    for item in items:
        contact = " · ".join(part for part in (item.phone,) if part)
        link = source_link(render(item.name), item.url)
        lines.append(
            "- "
            + link
            + (f" ({plain(contact)})" if contact else "")
            + ": "
            + plain(render(item.note))
        )
    container.markdown("\n".join(lines))


def countdowns(found: Analysis, container: Any = st) -> None:
    """Dates that run out: the lender's deadline, the dispute window, the report's end."""
    import datetime as dt

    from deficiency.core.delay import countdown_notes
    from deficiency.core.delay import countdowns as dates

    today = dt.date.today()
    items = dates(found, today, found.scenario.dispute_date)
    if items:
        a11y.table(
            pd.DataFrame(
                [(render(c.label), date(c.date), number(c.days_left)) for c in items],
                columns=[_("Countdown"), _("Date"), _("Days left")],
            ),
            key="countdowns",
            container=container,
            hide_index=True,
            static=True,  # a long deadline label pushed the date columns out of view
        )
    bullets(countdown_notes(found, today, found.scenario.dispute_date), container)
