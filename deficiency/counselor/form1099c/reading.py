"""Reading the forms: each code in plain words, box 2 summed once per form, the findings.

The findings are a list of small checks (:data:`FORM_CHECKS`, then :data:`SCENARIO_CHECKS`
when the scenario's analysis is given), each a pure function of one :class:`Forms` record
returning the findings it raises; their fixed text is the table ``messages.FINDINGS``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np

from deficiency.core.money import cents_str, to_cents
from deficiency.counselor.form1099c.codes import load_codes, load_sources
from deficiency.counselor.form1099c.inputs import FORM_FIELDS, Form1099CInputs
from deficiency.counselor.form1099c.messages import CODE_EXPLANATIONS, FINDINGS, Severity
from deficiency.interface.querycodes import query_code as _code
from deficiency.rules.state_law import decide
from deficiency.rules.tables import Source
from deficiency.rules.tax.chain import tax_on_cancelled
from deficiency.rules.tax.messages import EVENT_CODES
from deficiency.rules.tax.tables import load_tables as tax_tables
from deficiency.text.markers import Message

if TYPE_CHECKING:
    from deficiency.core.analysis import Analysis


@dataclass(frozen=True)
class Finding:
    """One point about the forms: a heading (message id), the explanation, what to do.

    ``amount_cents`` is the money concerned (None when there is no single figure).
    """

    code: str
    severity: Severity
    title: str
    message: Message
    amount_cents: int | None
    action: Message | None
    sources: tuple[Source, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "title": self.title,
            "message": self.message.text(),
            "amount": None if self.amount_cents is None else cents_str(self.amount_cents),
            "action": None if self.action is None else self.action.text(),
            "sources": [source.as_json() for source in self.sources],
        }


@dataclass(frozen=True)
class FormReading:
    """One form as read: its box 6 code in plain words and whether box 2 is counted."""

    index: int  # 1-based position among the forms given
    form: Form1099CInputs
    code_name: str | None  # message id of the code's official name (tax.EVENT_CODES)
    explanation: Message | None
    citation: str  # the regulation paragraph behind the code
    sources: tuple[Source, ...]
    counted: bool
    duplicate_of: int | None


@dataclass(frozen=True)
class FormsReading:
    """Every form for one event, their totals in cents, and the findings in reading order.

    ``cancelled_from_forms`` is the sum of box 2 over the counted forms (a duplicate is
    counted once): the figure the tax section can use instead of its own estimate.
    """

    forms: tuple[FormReading, ...]
    cancelled_from_forms: int
    interest_from_forms: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def duplicates(self) -> tuple[int, ...]:
        return tuple(r.index for r in self.forms if r.duplicate_of is not None)

    def as_json(self) -> dict[str, Any]:
        return {
            "forms": [
                {
                    "index": r.index,
                    "boxes": {
                        name: _code(getattr(r.form, name))
                        for name in FORM_FIELDS
                        if getattr(r.form, name) not in (None, "")
                    },
                    "code": r.form.fc_code,
                    "explanation": None if r.explanation is None else r.explanation.text(),
                    "citation": r.citation,
                    "counted": r.counted,
                    "duplicate_of": r.duplicate_of,
                }
                for r in self.forms
            ],
            "cancelled_from_forms": cents_str(self.cancelled_from_forms),
            "interest_from_forms": cents_str(self.interest_from_forms),
            "findings": [finding.as_json() for finding in self.findings],
        }


def _cents(value: Decimal | None) -> int:
    return 0 if value is None else to_cents(value)


def explain_code(code: str) -> Message:
    """Box 6 in plain words (one whole sentence per code, so it translates well)."""
    return Message(CODE_EXPLANATIONS[code])


def _read_one(index: int, form: Form1099CInputs, duplicate_of: int | None) -> FormReading:
    sources = load_sources()
    code = form.fc_code
    if code is None:
        return FormReading(index, form, None, None, "", (), duplicate_of is None, duplicate_of)
    rule = load_codes()[code]
    return FormReading(
        index=index,
        form=form,
        code_name=EVENT_CODES[code],
        explanation=explain_code(code),
        citation=tax_tables().event_codes[code].citation,
        sources=tuple(sources[i] for i in rule.source_ids),
        counted=duplicate_of is None,
        duplicate_of=duplicate_of,
    )


def read_each(forms: Sequence[Form1099CInputs]) -> list[FormReading]:
    """Each filled-in form read; a second form with the same date and box 2 is a duplicate."""
    readings: list[FormReading] = []
    seen: dict[tuple[Any, Decimal], int] = {}
    for index, form in enumerate(forms, start=1):
        if form.is_empty:
            continue
        duplicate_of = None
        if form.fc_amount is not None:
            key = (form.fc_date, form.fc_amount)
            duplicate_of = seen.get(key)
            if duplicate_of is None:
                seen[key] = index
        readings.append(_read_one(index, form, duplicate_of))
    return readings


# -- the findings ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Forms:
    """What every check reads: the forms, the counted ones, their totals, the analysis."""

    readings: tuple[FormReading, ...]
    counted: tuple[Form1099CInputs, ...]
    total: int
    interest: int
    analysis: Analysis | None


def finding(
    code: str,
    amount: int | None,
    params: dict[str, str] | None = None,
    money: dict[str, int] | None = None,
    sources: Sequence[str] | None = None,
) -> Finding:
    """The finding ``code`` with its fixed text (``messages.FINDINGS``) filled in."""
    text = FINDINGS[code]
    known = load_sources()
    return Finding(
        code=code,
        severity=text.severity,
        title=text.title,
        message=Message(text.message, params, money),
        amount_cents=amount,
        action=None if text.action is None else _action(text.action, params),
        sources=tuple(known[i] for i in (sources or text.sources)),
    )


def _action(msgid: str, params: dict[str, str] | None) -> Message:
    """What to do; it names the forms (duplicate) only when its text has placeholders."""
    return Message(msgid, params if "{" in msgid else None)


def code_g(f: Forms) -> list[Finding]:
    """A code G form does not by itself prove the debt is gone."""
    if not any(form.fc_code == "G" for form in f.counted):
        return []
    return [finding("code_g", None, sources=load_codes()["G"].source_ids)]


def duplicates(f: Forms) -> list[Finding]:
    out = []
    for reading in f.readings:
        if reading.duplicate_of is not None:
            params = {"index": str(reading.index), "original": str(reading.duplicate_of)}
            out.append(finding("duplicate", _cents(reading.form.fc_amount), params))
    return out


def several_forms(f: Forms) -> list[Finding]:
    with_amount = [form for form in f.counted if form.fc_amount is not None]
    if len(with_amount) < 2:
        return []
    return [finding("total", f.total, {"count": str(len(with_amount))}, {"total": f.total})]


def years_differ(f: Forms) -> list[Finding]:
    years = sorted({form.fc_date.year for form in f.counted if form.fc_date is not None})
    if len(years) < 2:
        return []
    return [finding("years_differ", None, {"years": ", ".join(str(y) for y in years)})]


def interest(f: Forms) -> list[Finding]:
    if f.interest <= 0:
        return []
    money = {"interest": f.interest, "net": f.total - f.interest}
    return [finding("interest", f.interest, money=money)]


def box2(f: Forms) -> list[Finding]:
    """Box 2 against the cancelled debt the tax section computes."""
    assert f.analysis is not None
    if not any(form.fc_amount is not None for form in f.counted):
        return []
    total, computed = f.total, f.analysis.tax.cancelled_debt
    if computed == 0 and total > 0:
        return [finding("box2_unexpected", total, money={"box2": total})]
    money = {"box2": total, "computed": computed, "difference": abs(total - computed)}
    if total > computed:
        return [finding("box2_higher", total - computed, money=money)]
    if total < computed:
        return [finding("box2_lower", computed - total, money=money)]
    return [finding("box2_match", 0)]


def box7(f: Forms) -> list[Finding]:
    """Box 7 against the sale price and the fair market value the tax section uses."""
    assert f.analysis is not None
    price = to_cents(f.analysis.scenario.sale_price)
    fmv_used = f.analysis.tax.form_1099c.box7_fmv
    out = []
    for value in sorted({_cents(form.fc_fmv) for form in f.counted if form.fc_fmv is not None}):
        if price > 0 and value < price:
            money = {"box7": value, "price": price, "difference": price - value}
            out.append(finding("box7_below_price", price - value, money=money))
        elif value != fmv_used:
            money = {"box7": value, "fmv": fmv_used}
            out.append(finding("box7_differs", abs(value - fmv_used), money=money))
    return out


def _nonrecourse(total: int) -> Finding:
    return finding("nonrecourse", total, money={"amount": total})


def liability(f: Forms) -> list[Finding]:
    """Box 5 against the tax section's recourse decision (and the state-law bar)."""
    assert f.analysis is not None
    liable = {form.fc_liable for form in f.counted if form.fc_liable is not None}
    if f.analysis.tax.recourse:
        return [finding("box5_unchecked", None)] if False in liable else []
    out = [_nonrecourse(f.total)] if f.total > 0 else []
    if True in liable and f.analysis.state.barred:
        out.append(finding("box5_checked", None))
    return out


def code_differs(f: Forms) -> list[Finding]:
    """Box 6 against the code the tax section expects."""
    assert f.analysis is not None
    expected = f.analysis.tax.form_1099c.box6_code
    if expected is None:
        return []
    codes = sorted({form.fc_code for form in f.counted if form.fc_code is not None})
    return [
        finding("code_differs", None, {"expected": expected, "code": code})
        for code in codes
        if code != expected
    ]


def not_liable(f: Forms) -> list[Finding]:
    """Without a scenario: box 5 unchecked on a form means no cancelled-debt income."""
    if f.total > 0 and any(form.fc_liable is False for form in f.counted):
        return [_nonrecourse(f.total)]
    return []


def bankruptcy(f: Forms) -> list[Finding]:
    bankrupt = any(form.fc_code == "A" for form in f.counted)
    if f.analysis is not None:
        bankrupt = bankrupt or f.analysis.scenario.bankruptcy != "none"
    return [finding("bankruptcy", f.total)] if bankrupt and f.total > 0 else []


Check = Callable[[Forms], list[Finding]]
#: Checks of the forms themselves, in reading order.
FORM_CHECKS: tuple[Check, ...] = (code_g, duplicates, several_forms, years_differ, interest)
#: Box 2, 7, 5 and 6 against the scenario's own figures (when its analysis is given).
SCENARIO_CHECKS: tuple[Check, ...] = (box2, box7, liability, code_differs)


def checks_for(analysis: Analysis | None) -> tuple[Check, ...]:
    middle = SCENARIO_CHECKS if analysis is not None else (not_liable,)
    return (*FORM_CHECKS, *middle, bankruptcy)


def read_forms(
    forms: Sequence[Form1099CInputs], scenario_analysis: Analysis | None = None
) -> FormsReading:
    """Read one event's forms: explain each code, sum box 2 once per form, list findings.

    With ``scenario_analysis`` (from :func:`deficiency.core.analysis.analyze`) box 2 is
    compared with the cancelled debt the tax section computes, box 7 with the sale price and
    the fair market value it uses, box 5 with its recourse decision and box 6 with its
    expected code. Blank forms are skipped. Never raises for valid :class:`Form1099CInputs`.
    """
    readings = read_each(forms)
    counted = tuple(r.form for r in readings if r.counted)
    total = sum(_cents(form.fc_amount) for form in counted)
    interest_cents = sum(_cents(form.fc_interest) for form in counted)
    record = Forms(tuple(readings), counted, total, interest_cents, scenario_analysis)
    findings = [item for check in checks_for(scenario_analysis) for item in check(record)]
    return FormsReading(tuple(readings), total, interest_cents, findings)


def extra_tax_on_forms(reading: FormsReading, analysis: Analysis) -> int:
    """The extra federal tax on the forms' box 2 total, with this scenario's exclusions,
    income and filing status: the Tax page's function at the forms' amount."""
    cancelled = np.array([reading.cancelled_from_forms], dtype=np.int64)
    nonrecourse = decide(analysis.scenario).nonrecourse
    return int(tax_on_cancelled(cancelled, analysis.scenario, nonrecourse)[0])
