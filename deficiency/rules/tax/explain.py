"""The tax section's explanation, written from its figures (:class:`TaxFigures`) alone.

One function per section, in the order of the figures: each reads the record and returns
its sentences as :class:`~deficiency.text.markers.Message` objects (message ids, rendered
late by the shell); none computes a figure. :func:`cited` lists the sources the
explanation leans on, in the order it first names them.
"""

from __future__ import annotations

import datetime as dt

from deficiency.core.money import to_cents
from deficiency.rules.tax.brackets import format_rate
from deficiency.rules.tax.explain_forms import form_steps
from deficiency.rules.tax.figures import Gain, TaxFigures
from deficiency.rules.tax.messages import PATH_STEPS, RECOURSE_STEPS
from deficiency.text.markers import N_, Message


# -- 1. the transaction and personal liability -------------------------------------------------
def transaction_steps(fig: TaxFigures) -> list[Message]:
    facts = fig.facts
    return [
        Message(PATH_STEPS[fig.scenario.path or "short_sale"]),
        Message(RECOURSE_STEPS[(facts.recourse, facts.recourse_reason)]),
    ]


# -- 2. what stays owed and what is cancelled --------------------------------------------------
def cancellation_steps(fig: TaxFigures) -> list[Message]:
    result, cancel = fig.result, fig.cancellation
    steps: list[Message] = []
    action = fig.scenario.action
    # What the tax rules see as owed is already capped by the state's law, so a settlement
    # of a deficiency the law leaves nothing of pays nothing: it is extinguished, not paid.
    settled_by_law = (
        action == "settle" and cancel.owes_after == 0 and to_cents(fig.scenario.settlement) > 0
    )
    # A lender that pursues it cancels nothing itself: what is cancelled, the law took away.
    whole = cancel.cancelled and cancel.cancelled == result.deficiency
    if whole and (action == "collect" or settled_by_law):
        steps.append(
            Message.with_money(
                N_(
                    "The lender cannot collect the deficiency of {deficiency} from you, "
                    "so it is treated as extinguished."
                ),
                deficiency=cancel.cancelled,
            )
        )
    if settled_by_law:
        return steps
    if action == "settle":
        steps.append(
            Message.with_money(
                N_("Settlement: you pay {paid} and the lender cancels the rest, {cancelled}."),
                paid=cancel.owes_after,
                cancelled=cancel.cancelled,
            )
        )
    elif cancel.cancelled:
        steps.append(
            Message.with_money(
                N_("The lender cancels the deficiency: {cancelled}."), cancelled=cancel.cancelled
            )
        )
    elif result.deficiency:
        steps.append(
            Message.with_money(
                N_(
                    "The lender pursues the deficiency ({owed}), so nothing is cancelled now "
                    "(what your state's law lets it collect is in the state-law section). If "
                    "it forgives the debt later, that amount becomes cancelled debt then."
                ),
                owed=result.deficiency,
            )
        )
    return steps


# -- 3. the worksheet (Pub 4681 Table 1-1 / Pub 544 Table 1-2) ---------------------------------
def _recourse_worksheet_steps(fig: TaxFigures) -> list[Message]:
    sheet, cancelled = fig.worksheet, fig.cancellation.cancelled
    steps = [
        Message.with_money(
            N_(
                "Line 1, debt relieved (what you owed before the transfer minus what you "
                "still owe after it): {debt}. Line 2, fair market value: {fmv}."
            ),
            debt=sheet.relieved,
            fmv=fig.facts.fmv_used,
        ),
        Message.with_money(
            N_(
                "Line 3, ordinary income from cancelled debt (line 1 minus line 2, not "
                "below zero): {cod}."
            ),
            cod=sheet.cod,
        ),
        Message.with_money(
            N_(
                "Amount realized: the smaller of line 1 and line 2, plus sale proceeds "
                "paid to you ({proceeds}): {amount}."
            ),
            proceeds=sheet.proceeds,
            amount=sheet.realized,
        ),
    ]
    if sheet.cod < cancelled:
        steps.append(
            Message.with_money(
                N_(
                    "The lender cancels {cancelled}, but only the part of the debt above "
                    "the property's fair market value, {cod}, is income from cancelled "
                    "debt; the rest counts in the amount realized."
                ),
                cancelled=cancelled,
                cod=sheet.cod,
            )
        )
    elif sheet.cod > cancelled:
        steps.append(
            Message.with_money(
                N_(
                    "The sale credited more than the property's fair market value; the "
                    "difference, {extra}, is also income from cancelled debt."
                ),
                extra=sheet.cod - cancelled,
            )
        )
    return steps


def worksheet_steps(fig: TaxFigures) -> list[Message]:
    if fig.facts.recourse:
        return _recourse_worksheet_steps(fig)
    sheet = fig.worksheet
    return [
        Message.with_money(
            N_(
                "You were not personally liable, so there is no income from cancelled "
                "debt. The whole debt relieved ({debt}) plus sale proceeds paid to you "
                "({proceeds}) is the amount realized: {amount}."
            ),
            debt=sheet.relieved,
            proceeds=sheet.proceeds,
            amount=sheet.realized,
        )
    ]


# -- 4. gain or loss, and the main-home gain exclusion (§ 121) --------------------------------
def _gain_exclusion_steps(fig: TaxFigures) -> list[Message]:
    gain = fig.gain
    steps = [
        Message.with_money(
            N_(
                "Up to {limit} of gain on your main home is excluded if you owned "
                "and lived in it for at least 2 of the last 5 years: {excluded} "
                "excluded, {taxable} remains."
            ),
            limit=gain.sec121_limit,
            excluded=gain.sec121,
            taxable=gain.taxable_gain or 0,  # set whenever the exclusion applies
        )
    ]
    if fig.scenario.filing_status == "married_joint":  # IRC § 121(b)(2)
        steps.append(
            Message.with_money(
                N_(
                    "The {limit} joint limit needs both spouses to have lived in the home 2 of "
                    "the 5 years and neither to have excluded a gain on another home in the 2 "
                    "years before; otherwise the limit is lower. Ask a tax professional."
                ),
                limit=gain.sec121_limit,
            )
        )
    if fig.scenario.filing_status == "surviving_spouse":  # IRC § 121(b)(4)
        steps.append(
            Message.with_money(
                N_(
                    "A surviving spouse who sells within 2 years after the spouse's "
                    "death may exclude up to {limit}."
                ),
                limit=fig.facts.tables.cents("sec121_limit_joint"),
            )
        )
    return steps


def _no_exclusion_steps(fig: TaxFigures) -> list[Message]:
    """A main home that fails a § 121 condition: (a) 2 of 5 years, or (b)(3) once in 2 years."""
    if not fig.scenario.owned_and_lived_2_of_5:
        reason = N_(
            "No main-home exclusion: it needs you to have owned the home and lived in it for "
            "at least 2 of the 5 years before the sale."
        )
    else:
        reason = N_(
            "No main-home exclusion: you excluded the gain on another home in the 2 years "
            "before this sale, and the exclusion can be used only once in 2 years."
        )
    return [
        Message(reason),
        Message(
            N_(
                "A reduced exclusion may apply if you sold because of a change of job, your "
                "health or unforeseen circumstances; it is not estimated here. Ask a tax "
                "professional."
            )
        ),
    ]


def _taxable_gain_step(gain: Gain) -> Message:
    if gain.long_term:
        msgid = N_(
            "A taxable gain of {gain} is a long-term capital gain (you owned the property "
            "more than one year), taxed at 0%, 15% or 20%; it is in the estimate below."
        )
    else:
        msgid = N_(
            "A taxable gain of {gain} is a short-term capital gain (you owned the property "
            "one year or less), taxed at your ordinary rates; it is in the estimate below."
        )
    return Message.with_money(msgid, gain=gain.taxable_gain or 0)


def _loss_step(fig: TaxFigures, loss: int) -> Message:
    if fig.scenario.loan == "mortgage" and not fig.scenario.main_home:
        msgid = N_(
            "Loss: {loss}. A loss on personal-use property (such as a second home) is "
            "not deductible; on rental, business or investment property it may be. "
            "Ask a tax professional."
        )
    else:
        msgid = N_(
            "Loss: {loss}. A loss on your home, your car or other personal-use "
            "property is not deductible."
        )
    return Message.with_money(msgid, loss=loss)


def gain_steps(fig: TaxFigures) -> list[Message]:
    gain, realized = fig.gain, fig.worksheet.realized
    if gain.basis is None or gain.gain is None:
        return [
            Message(
                N_(
                    "Gain or loss is not figured: enter your adjusted basis (usually what you "
                    "paid plus improvements, minus any depreciation) to see it."
                )
            )
        ]
    if gain.gain >= 0:
        msgid = N_("Amount realized {amount} minus adjusted basis {basis}: a gain of {gain}.")
    else:
        msgid = N_("Amount realized {amount} minus adjusted basis {basis}: a loss of {gain}.")
    steps = [Message.with_money(msgid, amount=realized, basis=gain.basis, gain=abs(gain.gain))]
    if gain.gain > 0:
        if gain.sec121_limit:
            steps += _gain_exclusion_steps(fig)
        elif fig.facts.main_home:
            steps += _no_exclusion_steps(fig)
        if gain.taxable_gain:
            steps.append(_taxable_gain_step(gain))
    elif gain.gain < 0:
        steps.append(_loss_step(fig, -gain.gain))
    else:
        steps.append(Message(N_("No gain or loss.")))
    return steps


# -- 6. exclusions, in the order of IRC § 108(a)(2) -------------------------------------------
def bankruptcy_step(fig: TaxFigures) -> Message:
    return Message(
        N_(
            "Bankruptcy (chapter {chapter}): debt discharged in a title 11 case is "
            "excluded in full, {amount}, if the court grants the discharge or approves "
            "the plan. No other exclusion is needed. Form 982 line 1a."
        ),
        {"chapter": fig.scenario.bankruptcy.removeprefix("chapter")},
        money={"amount": fig.exclusions.excluded["bankruptcy"]},
    )


def _qpri_ineligible_steps(fig: TaxFigures) -> list[Message]:
    scenario = fig.scenario
    if scenario.loan == "mortgage" and scenario.main_home and scenario.home_equity:
        return [
            Message(
                N_(
                    "Main-home mortgage exclusion: not applied to a home-equity loan. It "
                    "counts only if the loan was used to buy, build or substantially "
                    "improve the home; ask a tax professional."
                )
            )
        ]
    if scenario.loan == "mortgage":
        return [
            Message(
                N_(
                    "Main-home mortgage exclusion: does not apply, because it covers only "
                    "debt to buy, build or substantially improve your main home."
                )
            )
        ]
    return []


def _qpri_outside_window_step(fig: TaxFigures) -> Message:
    facts = fig.facts
    first, last = facts.tables.qpri_window()
    if facts.discharge_date < first:
        msgid = N_(
            "Main-home mortgage exclusion: it applies only to debt discharged on or after "
            "{start}; a discharge on {date} does not qualify."
        )
    else:
        msgid = N_(
            "Main-home mortgage exclusion: it applies only to debt discharged before {end} "
            "or under a written agreement made before that date. A discharge on {date} "
            "qualifies only with such an agreement; ask a tax professional."
        )
    end = last + dt.timedelta(days=1)
    return Message(msgid, dates={"start": first, "end": end, "date": facts.discharge_date})


def _qpri_applied_steps(fig: TaxFigures) -> list[Message]:
    facts, excluded = fig.facts, fig.exclusions.excluded
    end = facts.tables.qpri_window()[1] + dt.timedelta(days=1)
    steps = [
        Message(
            N_(
                "Main-home mortgage exclusion (qualified principal residence "
                "indebtedness): {amount} excluded. The debt limit is {limit}; the "
                "discharge on {date} is before {end}. Form 982 line 1e."
            ),
            money={"amount": excluded["qpri"], "limit": facts.qpri_limit},
            dates={"date": facts.discharge_date, "end": end},
        )
    ]
    if facts.non_qpri and excluded["qpri"] < fig.worksheet.cod:
        steps.append(
            Message.with_money(
                N_(
                    "Only the amount cancelled above the part of the loan over the limit "
                    "({non_qpri}) counts as main-home mortgage debt."
                ),
                non_qpri=facts.non_qpri,
            )
        )
    if not fig.scenario.purchase_money:
        steps.append(
            Message(
                N_(
                    "A refinanced loan counts only up to the principal of the loan it "
                    "replaced, plus any part used to substantially improve the home."
                )
            )
        )
    steps.append(
        Message(
            N_(
                "It does not apply if the debt was cancelled for services you performed "
                "for the lender or for reasons unrelated to the home's value or your "
                "finances. It comes before the insolvency exclusion unless you elect "
                "insolvency instead."
            )
        )
    )
    return steps


def qpri_steps(fig: TaxFigures) -> list[Message]:
    """Qualified principal residence indebtedness (§ 108(a)(1)(E), (h))."""
    if not fig.facts.qpri_eligible:
        return _qpri_ineligible_steps(fig)
    if not fig.facts.qpri_in_window:
        return [_qpri_outside_window_step(fig)]
    return _qpri_applied_steps(fig)


def insolvency_step(fig: TaxFigures) -> Message:
    """Insolvency (§ 108(a)(1)(B), (a)(3), (d)(3))."""
    scenario, facts = fig.scenario, fig.facts
    if scenario.total_liabilities is None or scenario.total_assets is None:
        return Message(
            N_(
                "Insolvency: enter your total liabilities and total assets immediately "
                "before the cancellation (use the worksheet) to see whether part of the "
                "cancelled debt is excluded."
            )
        )
    liabilities = to_cents(scenario.total_liabilities)
    assets = to_cents(scenario.total_assets)
    if facts.insolvency:
        return Message.with_money(
            N_(
                "Insolvency: your liabilities ({liabilities}) exceeded your assets "
                "({assets}) by {insolvency} immediately before the cancellation, so up to "
                "that amount is excluded: {amount}. Form 982 line 1b."
            ),
            liabilities=liabilities,
            assets=assets,
            insolvency=facts.insolvency,
            amount=fig.exclusions.excluded["insolvency"],
        )
    return Message.with_money(
        N_(
            "Insolvency: your liabilities ({liabilities}) did not exceed your assets "
            "({assets}), so this exclusion does not apply."
        ),
        liabilities=liabilities,
        assets=assets,
    )


FARM_DEBT_STEP = N_(
    "Qualified farm debt and qualified real property business debt have their own "
    "exclusions, not estimated here: ask a tax professional."
)


def exclusion_steps(fig: TaxFigures) -> list[Message]:
    """The explanation of each exclusion, in the order the law applies them."""
    if fig.facts.bankruptcy:
        return [bankruptcy_step(fig)]
    return [*qpri_steps(fig), insolvency_step(fig), Message(FARM_DEBT_STEP)]


def _form_982_steps(fig: TaxFigures) -> list[Message]:
    excluded, lines = fig.exclusions.excluded, fig.exclusions.form982_lines
    if not lines:
        return []
    return [
        Message(
            N_("Form 982: check line {lines} and enter {total} on line 2."),
            {"lines": ", ".join(lines[:-1])},
            money={"total": sum(excluded.values())},
        ),
        Message(
            N_(
                "Excluded debt is not free: amounts excluded for bankruptcy or "
                "insolvency reduce tax attributes (loss and credit carryovers, the basis "
                "of property) in Part II of Form 982, and the main-home exclusion reduces "
                "the home's basis if you keep it."
            )
        ),
    ]


def taxable_steps(fig: TaxFigures) -> list[Message]:
    """Exclusions, Form 982 and the taxable part (only when there is income to exclude)."""
    cod = fig.worksheet.cod
    if not cod:
        return []
    excluded = fig.exclusions.excluded
    return [
        *exclusion_steps(fig),
        *_form_982_steps(fig),
        Message.with_money(
            N_(
                "Taxable cancelled debt: {cod} of income from cancelled debt minus {excluded} "
                "excluded = {taxable}."
            ),
            cod=cod,
            excluded=sum(excluded.values()),
            taxable=fig.exclusions.taxable,
        ),
    ]


# -- 7. the estimate ---------------------------------------------------------------------------
def _year_steps(fig: TaxFigures) -> list[Message]:
    facts, forms = fig.facts, fig.forms
    steps: list[Message] = []
    if facts.bracket_year != facts.tax_year:
        steps.append(
            Message(
                N_(
                    "Brackets for {year} are not loaded; the {bracket_year} brackets are used "
                    "as an estimate."
                ),
                {"year": str(facts.tax_year), "bracket_year": str(facts.bracket_year)},
            )
        )
    if fig.gain.taxable_gain and forms.acquired_on.year != facts.tax_year:
        steps.append(
            Message(
                N_(
                    "The gain belongs to {year}, the year of the sale, and the cancelled debt "
                    "to {discharge_year}; the estimate uses one year's rates and your one "
                    "taxable income for both."
                ),
                {"year": str(forms.acquired_on.year), "discharge_year": str(facts.tax_year)},
            )
        )
    return steps


def _gain_tax_step(fig: TaxFigures) -> Message:
    est = fig.estimate
    zero, fifteen, twenty = est.gain_bands
    floors = est.gain_schedule.floors
    return Message(
        N_(
            "Tax on the long-term gain of {gain}, counted on top of your other taxable income: "
            "{zero} at 0%, {fifteen} at 15% and {twenty} at 20% = {tax}. In {year} the 0% "
            "rate reaches {zero_max} of taxable income and the 15% rate {fifteen_max} "
            "({citation})."
        ),
        {"year": str(fig.facts.bracket_year), "citation": est.gain_schedule.citation},
        money={
            "gain": fig.gain.long_term_gain,
            "zero": zero,
            "fifteen": fifteen,
            "twenty": twenty,
            "tax": est.gain_tax,
            "zero_max": floors[1],
            "fifteen_max": floors[2],
        },
    )


def estimate_steps(fig: TaxFigures) -> list[Message]:
    facts, est = fig.facts, fig.estimate
    steps = _year_steps(fig)
    long_term = fig.gain.long_term_gain
    if not est.ordinary_added and not long_term:
        steps.append(
            Message(N_("No extra federal income tax is estimated: nothing taxable remains."))
        )
        return steps
    if est.ordinary_added:
        steps.append(
            Message(
                N_(
                    "Estimated extra federal income tax: {tax}, from adding {taxable} to your "
                    "taxable income of {income}; the last dollar is taxed at {rate}."
                )
                if not long_term
                else N_(
                    "Tax at the ordinary rates: {tax}, from adding {taxable} to your taxable "
                    "income of {income}; the last dollar is taxed at {rate}."
                ),
                {"rate": format_rate(est.rate_bp)},
                money={
                    "tax": est.ordinary_tax,
                    "taxable": est.ordinary_added,
                    "income": facts.base_income,
                },
            )
        )
    if long_term:
        steps.append(_gain_tax_step(fig))
        if est.ordinary_added:
            steps.append(
                Message.with_money(
                    N_(
                        "Estimated extra federal income tax: {tax} ({ordinary} at the ordinary "
                        "rates plus {gain_tax} on the long-term gain)."
                    ),
                    tax=est.tax,
                    ordinary=est.ordinary_tax,
                    gain_tax=est.gain_tax,
                )
            )
        else:
            steps.append(
                Message.with_money(
                    N_("Estimated extra federal income tax: {tax}, all on the long-term gain."),
                    tax=est.tax,
                )
            )
    steps.append(
        Message(
            N_(
                "The estimate uses the {year} ordinary income tax brackets ({citation}) "
                "only: no credits, alternative minimum tax or other taxes."
            )
            if not long_term
            else N_(
                "The estimate uses the {year} ordinary income tax brackets ({citation}) and "
                "capital-gain rates only: no credits, alternative minimum tax or other taxes."
            ),
            {"year": str(facts.bracket_year), "citation": est.schedule.citation},
        )
    )
    return steps


SECTIONS = (
    transaction_steps,
    cancellation_steps,
    worksheet_steps,
    gain_steps,
    form_steps,
    taxable_steps,
    estimate_steps,
)


def explain(fig: TaxFigures) -> tuple[Message, ...]:
    """The whole explanation, section by section."""
    return tuple(step for section in SECTIONS for step in section(fig))


# -- what the estimate leaves out (shown beside the figure) ------------------------------------
def _niit_threshold(fig: TaxFigures) -> int:
    status = fig.facts.filing_status
    if status in ("married_joint", "surviving_spouse"):
        return fig.facts.tables.cents("niit_threshold_joint")
    if status == "married_separate":
        return fig.facts.tables.cents("niit_threshold_mfs")
    return fig.facts.tables.cents("niit_threshold")


def left_out(fig: TaxFigures) -> list[Message]:
    """What the estimate does not include, for this case (the state tax note is always
    given; see :mod:`.messages`): a gain with no basis entered, the net investment income
    tax, depreciation on a rental or business property, a main home's nonqualified use."""
    gain, scenario = fig.gain, fig.scenario
    notes: list[Message] = []
    if gain.basis is None:
        notes.append(
            Message(
                N_(
                    "Not included: tax on a gain on the property. Enter your adjusted basis "
                    "to estimate it; without it the estimate covers cancelled debt only."
                )
            )
        )
    if gain.taxable_gain:
        notes.append(
            Message.with_money(
                N_(
                    "Not included: the 3.8% net investment income tax (IRC § 1411), which can "
                    "apply to a gain like this one when your modified adjusted gross income is "
                    "over {threshold}."
                ),
                threshold=_niit_threshold(fig),
            )
        )
    if gain.taxable_gain and scenario.loan == "mortgage" and not scenario.main_home:
        notes.append(
            Message(
                N_(
                    "Not included: if you rented the property out or used it in a business, "
                    "depreciation lowers its basis and that part of the gain is taxed at up to "
                    "25%. Ask a tax professional."
                )
            )
        )
    if gain.sec121:
        notes.append(
            Message(
                N_(
                    "Not included: the main-home exclusion does not cover gain equal to "
                    "depreciation taken after May 6, 1997 (for renting the home or using it "
                    "in a business) or gain from periods after 2008 when it was not your main "
                    "home."
                )
            )
        )
    return notes


def cited(fig: TaxFigures) -> list[str]:
    """The source ids behind the figures and the explanation, in the order first named."""
    ids = ["pub_4681", "pub_544", "reg_1_1001_2"]
    if not fig.facts.recourse or fig.forms.form_1099a.expected:
        ids.append("irs_tc432")
    if fig.gain.sec121_limit or (fig.facts.main_home and fig.gain.gain and fig.gain.gain > 0):
        ids += ["irc_121", "pub_523"]
    if fig.gain.taxable_gain:
        ids.append("irc_1222")
    if fig.gain.gain is not None and fig.gain.gain < 0:
        ids.append("irc_165")
    ids += ["reg_1_6050p_1", "i1099ac"]
    if fig.forms.acquired:
        ids.append("f1099a")
    if fig.worksheet.cod:
        ids.append("irc_108")
        if fig.facts.qpri_eligible and not fig.facts.bankruptcy:
            ids += ["pub_525", "pl_116_260", "pl_119_21"]
        if fig.exclusions.form982_lines:
            ids.append("f982")
    ids += ["irc_1", *fig.estimate.schedule.source_ids]
    if fig.gain.long_term_gain:
        ids += list(fig.estimate.gain_schedule.source_ids)
    if fig.gain.taxable_gain:
        ids.append("irc_1411")
    ids.append("irs_vita")
    return ids
