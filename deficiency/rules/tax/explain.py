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
from deficiency.rules.tax.figures import TaxFigures
from deficiency.rules.tax.messages import BOX6_STEPS, PATH_STEPS, RECOURSE_STEPS
from deficiency.text.markers import N_, Message


def _money(msgid: str, **cents: int) -> Message:
    return Message(msgid, money={key: int(value) for key, value in cents.items()})


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
    keeps = fig.facts.recourse or fig.scenario.action == "settle"
    if not keeps and result.borrower_owes:
        steps.append(
            _money(
                N_(
                    "The lender cannot collect the deficiency of {deficiency} from you, "
                    "so it is treated as extinguished."
                ),
                deficiency=result.borrower_owes,
            )
        )
    if fig.scenario.action == "settle":
        steps.append(
            _money(
                N_("Settlement: you pay {paid} and the lender cancels the rest, {cancelled}."),
                paid=cancel.owes_after,
                cancelled=cancel.cancelled,
            )
        )
    elif cancel.cancelled:
        steps.append(
            _money(
                N_("The lender cancels the deficiency: {cancelled}."), cancelled=cancel.cancelled
            )
        )
    elif result.deficiency:
        steps.append(
            _money(
                N_(
                    "The lender collects the deficiency ({owed}); nothing is cancelled now. "
                    "If it forgives the debt later, that amount becomes cancelled debt then."
                ),
                owed=result.deficiency,
            )
        )
    return steps


# -- 3. the worksheet (Pub 4681 Table 1-1 / Pub 544 Table 1-2) ---------------------------------
def _recourse_worksheet_steps(fig: TaxFigures) -> list[Message]:
    sheet, cancelled = fig.worksheet, fig.cancellation.cancelled
    steps = [
        _money(
            N_(
                "Line 1, debt relieved (what you owed before the transfer minus what you "
                "still owe after it): {debt}. Line 2, fair market value: {fmv}."
            ),
            debt=sheet.relieved,
            fmv=fig.facts.fmv_used,
        ),
        _money(
            N_(
                "Line 3, ordinary income from cancelled debt (line 1 minus line 2, not "
                "below zero): {cod}."
            ),
            cod=sheet.cod,
        ),
        _money(
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
            _money(
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
            _money(
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
        _money(
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
        _money(
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
    if fig.scenario.filing_status == "surviving_spouse":  # IRC § 121(b)(4)
        steps.append(
            _money(
                N_(
                    "A surviving spouse who sells within 2 years after the spouse's "
                    "death may exclude up to {limit}."
                ),
                limit=fig.facts.tables.cents("sec121_limit_joint"),
            )
        )
    return steps


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
    return _money(msgid, loss=loss)


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
    steps = [_money(msgid, amount=realized, basis=gain.basis, gain=abs(gain.gain))]
    if gain.gain > 0:
        if gain.sec121_limit:
            steps += _gain_exclusion_steps(fig)
        if gain.taxable_gain:
            steps.append(
                _money(
                    N_(
                        "A taxable gain of {gain} is a capital gain, taxed at its own "
                        "rates; it is not included in the estimate below."
                    ),
                    gain=gain.taxable_gain,
                )
            )
    elif gain.gain < 0:
        steps.append(_loss_step(fig, -gain.gain))
    else:
        steps.append(Message(N_("No gain or loss.")))
    return steps


# -- 5. Form 1099-C (Treas. Reg. § 1.6050P-1; Instructions for Forms 1099-A and 1099-C) -------
def _expected_form_steps(fig: TaxFigures) -> list[Message]:
    form = fig.form
    return [
        _money(
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


def form_steps(fig: TaxFigures) -> list[Message]:
    cancelled, facts = fig.cancellation.cancelled, fig.facts
    steps: list[Message] = []
    if fig.form.expected:
        steps += _expected_form_steps(fig)
    elif cancelled and facts.bankruptcy:
        steps.append(
            Message(
                N_(
                    "No Form 1099-C is required for a debt discharged in bankruptcy (unless it "
                    "was a business or investment debt), but the lender may still send one, "
                    "with code A."
                )
            )
        )
    elif cancelled:
        steps.append(
            _money(
                N_(
                    "No Form 1099-C is expected: {amount} is below the {threshold} reporting "
                    "threshold. It is still income from cancelled debt and belongs on your "
                    "return unless an exclusion applies."
                ),
                amount=cancelled,
                threshold=fig.threshold,
            )
        )
    if cancelled and not facts.recourse:
        steps.append(
            Message(
                N_(
                    "Because you were not personally liable, the cancelled amount is not income "
                    "from cancelled debt; it is part of the amount realized above."
                )
            )
        )
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
            _money(
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
        return _money(
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
    return _money(
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
        _money(
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
def estimate_steps(fig: TaxFigures) -> list[Message]:
    facts, est, taxable = fig.facts, fig.estimate, fig.exclusions.taxable
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
    if not taxable:
        steps.append(
            Message(N_("No extra federal income tax is estimated: nothing taxable remains."))
        )
        return steps
    steps.append(
        Message(
            N_(
                "Estimated extra federal income tax: {tax}, from adding {taxable} to your "
                "taxable income of {income}; the last dollar is taxed at {rate}."
            ),
            {"rate": format_rate(est.rate_bp)},
            money={"tax": est.tax, "taxable": taxable, "income": facts.base_income},
        )
    )
    steps.append(
        Message(
            N_(
                "The estimate uses the {year} ordinary income tax brackets ({citation}) "
                "only: no credits, alternative minimum tax or other taxes."
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


def cited(fig: TaxFigures) -> list[str]:
    """The source ids behind the figures and the explanation, in the order first named."""
    ids = ["pub_4681", "pub_544", "reg_1_1001_2"]
    if fig.gain.sec121_limit:
        ids += ["irc_121", "pub_523"]
    ids += ["reg_1_6050p_1", "i1099ac"]
    if fig.worksheet.cod:
        ids.append("irc_108")
        if fig.facts.qpri_eligible and not fig.facts.bankruptcy:
            ids += ["pub_525", "pl_116_260", "pl_119_21"]
        if fig.exclusions.form982_lines:
            ids.append("f982")
    ids += ["irc_1", *fig.estimate.schedule.source_ids, "irs_vita"]
    return ids
