"""The tax section of one scenario: its figures, their explanation, and the sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from types import MappingProxyType

from deficiency.core.engine import Result
from deficiency.core.scenario import Scenario
from deficiency.rules.tables import Source
from deficiency.rules.tax.chain import tax_facts
from deficiency.rules.tax.explain import cited, explain, left_out
from deficiency.rules.tax.explain_forms import forms_note
from deficiency.rules.tax.figures import TaxFigures, tax_figures
from deficiency.rules.tax.messages import PROFESSIONAL_NOTE, STATE_TAX_NOTE
from deficiency.rules.tax.result import TaxResult
from deficiency.rules.tax.tables import TaxTables


def _sources(tables: TaxTables, ids: Iterable[str]) -> tuple[Source, ...]:
    """The sources of ``ids`` in first-named order, each once."""
    return tuple(tables.sources[key] for key in dict.fromkeys(ids))


def _result(fig: TaxFigures) -> TaxResult:
    facts, sheet, gain = fig.facts, fig.worksheet, fig.gain
    return TaxResult(
        tax_year=facts.tax_year,
        bracket_year=facts.bracket_year,
        discharge_date=facts.discharge_date,
        recourse=facts.recourse,
        recourse_reason=facts.recourse_reason,
        form_1099c_expected=fig.form.expected,
        form_1099c=fig.form,
        forms_expected=fig.forms.expected,
        forms_case=fig.forms.case,
        forms_note=forms_note(fig),
        form_1099a=fig.forms.form_1099a,
        debt_relieved=sheet.relieved,
        fmv=facts.fmv_used,
        proceeds=sheet.proceeds,
        amount_realized=sheet.realized,
        basis=gain.basis,
        gain=gain.gain,
        section121_excluded=gain.sec121,
        taxable_gain=gain.taxable_gain,
        long_term=gain.long_term,
        cancelled_debt=fig.cancellation.cancelled,
        cod_income=sheet.cod,
        excluded=MappingProxyType(dict(fig.exclusions.excluded)),
        insolvency=facts.insolvency,
        taxable_cancelled_debt=fig.exclusions.taxable,
        estimated_federal_tax=fig.estimate.tax,
        tax_on_ordinary_income=fig.estimate.ordinary_tax,
        tax_on_gain=fig.estimate.gain_tax,
        marginal_rate_bp=fig.estimate.rate_bp,
        form982_lines=fig.exclusions.form982_lines,
        steps=explain(fig),
        notes=(STATE_TAX_NOTE, *left_out(fig), PROFESSIONAL_NOTE),
        sources=_sources(facts.tables, cited(fig)),
    )


def assess(
    scenario: Scenario,
    result: Result,
    nonrecourse: bool | None = None,
    *,
    today: dt.date | None = None,
) -> TaxResult:
    """The federal tax consequences of ``result`` (from ``evaluate(scenario)``).

    ``nonrecourse`` is the state-law module's answer (True when the state bars a
    deficiency); ``scenario.recourse`` overrides it; with neither the loan is recourse.
    ``today`` fixes the tax year when the scenario has no discharge or sale date.
    """
    facts = tax_facts(scenario, nonrecourse, today)
    return _result(tax_figures(scenario, result, facts))
