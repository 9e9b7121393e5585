"""The forms part of the tax explanation: which of Forms 1099-A and 1099-C to expect, and why.

Split from :mod:`deficiency.rules.tax.explain` (section 5 of its order) to keep each module
short; like it, every function reads the figures record (:class:`TaxFigures`) and returns
sentences as :class:`~deficiency.text.markers.Message` objects, computing nothing.
Sources: the Instructions for Forms 1099-A and 1099-C, and IRS Tax Topic 432.
"""

from __future__ import annotations

from deficiency.rules.tax.figures import TaxFigures
from deficiency.rules.tax.messages import BOX6_STEPS
from deficiency.text.markers import N_, Message

# -- 5. the forms: 1099-A and 1099-C (Instructions for Forms 1099-A and 1099-C; Topic 432) ---
#: Why these forms, one sentence per case of :data:`~deficiency.rules.tax.figures.FORMS_CASES`
#: (``None``: the Form 1099-C sentences say it all).
FORMS_NOTES: dict[str, str | None] = {
    "nonrecourse_1099a": N_(
        "Expect a Form 1099-A from the lender, with box 5 (personally liable) not checked, "
        "and no Form 1099-C: you were not personally liable, so the whole debt counts as "
        "what you received for the property, and the part the sale did not cover is not "
        "income from cancelled debt. If a Form 1099-C comes anyway, its amount is part of "
        "what you received for the property, not income."
    ),
    "nonrecourse_no_form": N_(
        "No Form 1099-C is expected: you were not personally liable, so the {amount} the "
        "lender cannot collect is part of what you received for the property, not income. "
        "If a Form 1099-C comes anyway, do not report its amount as income."
    ),
    "combined": N_(
        "The lender took the property and cancels the debt in the same year, so it may send "
        "a Form 1099-C alone (its boxes 4, 5 and 7 then stand for a Form 1099-A) or both "
        "forms."
    ),
    "separate": N_(
        "Expect a Form 1099-A for {year}, when the lender took the property, and a Form "
        "1099-C for {discharge_year}, when it cancels the debt."
    ),
    "1099a_only": N_(
        "Expect a Form 1099-A: the lender took the property. It reports a sale of the "
        "property, not cancelled debt."
    ),
    "1099c_only": None,
    "none": None,
}


def forms_note(fig: TaxFigures) -> Message | None:
    """The one sentence that says which forms to expect and why (shown beside the figures)."""
    forms = fig.forms
    msgid = FORMS_NOTES[forms.case]
    if msgid is None or (forms.case == "nonrecourse_no_form" and not fig.cancellation.cancelled):
        return None
    if forms.case == "separate":
        years = {"year": str(forms.acquired_on.year), "discharge_year": str(fig.facts.tax_year)}
        return Message(msgid, years)
    if forms.case == "nonrecourse_no_form":
        return Message.with_money(msgid, amount=fig.cancellation.cancelled)
    return Message(msgid)


def _form_1099a_steps(fig: TaxFigures) -> list[Message]:
    form = fig.forms.form_1099a
    return [
        Message(
            N_(
                "Form 1099-A should show the date the lender took the property, {date} (box "
                "1), the unpaid principal only, {principal} (box 2), and the fair market "
                "value, {fmv} (box 4)."
            ),
            dates={"date": form.box1_date},
            money={"principal": form.box2_principal, "fmv": form.box4_fmv},
        ),
        Message(
            N_("Box 5 (personally liable) should be checked.")
            if form.box5_personally_liable
            else N_("Box 5 (personally liable) should not be checked.")
        ),
    ]


def _expected_form_steps(fig: TaxFigures) -> list[Message]:
    form = fig.form
    return [
        Message.with_money(
            N_(
                "Form 1099-C expected: the lender cancels {amount}, at least {threshold}. "
                "Box 2 should show {amount} and box 7 the fair market value, {fmv}."
            ),
            amount=form.box2_cancelled,
            threshold=fig.threshold,
            fmv=form.box7_fmv,
        ),
        Message(
            N_("Box 5 (personally liable) should be checked.")
            if form.box5_personally_liable
            else N_("Box 5 (personally liable) should not be checked.")
        ),
        Message(BOX6_STEPS[str(form.box6_code)]),
        Message(
            N_(
                "Only banks, credit unions, federal agencies and other lenders in the "
                "business of lending must send Form 1099-C; cancelled debt counts "
                "whether or not a form arrives."
            )
        ),
    ]


def _no_1099c_steps(fig: TaxFigures) -> list[Message]:
    """A recourse cancellation with no Form 1099-C due: bankruptcy, or under the threshold;
    nothing cancelled yet on property the lender took."""
    cancelled, facts = fig.cancellation.cancelled, fig.facts
    if cancelled and facts.bankruptcy:
        return [
            Message(
                N_(
                    "No Form 1099-C is required for a debt discharged in bankruptcy (unless it "
                    "was a business or investment debt), but the lender may still send one, "
                    "with code A."
                )
            )
        ]
    if cancelled:
        return [
            Message.with_money(
                N_(
                    "No Form 1099-C is expected: {amount} is below the {threshold} reporting "
                    "threshold. It is still income from cancelled debt and belongs on your "
                    "return unless an exclusion applies."
                ),
                amount=cancelled,
                threshold=fig.threshold,
            )
        ]
    if fig.forms.acquired and fig.result.deficiency:
        return [
            Message(
                N_(
                    "No Form 1099-C now: nothing is cancelled. One follows, for the year it "
                    "happens, only if the lender later cancels what you still owe."
                )
            )
        ]
    return []


def form_steps(fig: TaxFigures) -> list[Message]:
    forms, cancelled = fig.forms, fig.cancellation.cancelled
    note = forms_note(fig)
    steps: list[Message] = [note] if note is not None else []
    if forms.acquired and not forms.real_property:
        steps.append(
            Message(
                N_(
                    "No Form 1099-A is expected: for a vehicle or other goods it is required "
                    "only if they were used in a business or held for investment."
                )
            )
        )
    if forms.form_1099a.expected:
        steps += _form_1099a_steps(fig)
    if fig.form.expected:
        steps += _expected_form_steps(fig)
    elif fig.facts.recourse:
        steps += _no_1099c_steps(fig)
    if cancelled and not fig.facts.recourse:
        steps.append(
            Message(
                N_(
                    "Because you were not personally liable, the cancelled amount is not income "
                    "from cancelled debt; it is part of the amount realized above."
                )
            )
        )
    return steps
