"""Read the Form 1099-C a lender sent: what each box means and whether it fits the scenario.

A reader copies boxes 1-7 as printed; :func:`read_forms` explains the box 6 code in plain
words, compares box 2 with the cancelled debt the app computes and box 7 with the sale price
and the fair market value (when an :class:`~deficiency.core.analysis.Analysis` is given), points out
box 3 interest, and says what to do when the form arrives for a debt the state bars
(nonrecourse: no cancellation-of-debt income, the amount counts in the amount realized) or for
a debt discharged in bankruptcy (excluded, Form 982 line 1a). Several forms for one event are
summed; a second form with the same date and amount is counted once and reported, because a
duplicate or a corrected form would otherwise double the income.

Why up to three forms in the URL: one event can produce more than one form (a corrected
form, separate accounts), and the reader shares the reading with a tax preparer. Form 1 uses
the keys ``fc_date`` ... ``fc_fmv``; forms 2 and 3 the same names with ``fc2_`` and ``fc3_``.
Only non-default keys are written; values are stable codes. Box 4 is free text: it is kept as
typed (at most 200 printable characters) and must never be rendered as HTML by the shell.

Sources: the rules are cited next to them in ``data/form1099c_codes.csv`` and
``data/form1099c_sources.csv``; the Instructions for Forms 1099-A and 1099-C, Pub 4681, Form
982 and Treas. Reg. § 1.6050P-1 are the tax module's sources (``tax_sources.csv``), reused by
id, and the box 6 citations are its ``tax_event_codes.csv``. Nothing is read at import time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from deficiency.core.money import cents_str, to_cents
from deficiency.core.validators import (
    MAX_DATE,
    MIN_DATE,
    MSG_CHOICE,
    MSG_UNKNOWN,
    FieldIssue,
    OptionalAmount,
    OptionalDate,
    OptionalFlag,
    ScenarioError,
    issues_from_error,
    short,
)
from deficiency.counselor.letter import (
    LetterDataError,
    _csv_rows,
    parse_sources,
)
from deficiency.interface.querycodes import query_code as _code
from deficiency.rules import tax
from deficiency.rules.tables import DataFileError, Source, packaged_text
from deficiency.rules.tax import EVENT_CODES
from deficiency.text.markers import N_, Message

if TYPE_CHECKING:
    from deficiency.core.analysis import Analysis

Severity = Literal["error", "warning", "info"]

#: URL prefixes of forms 1, 2 and 3 (a link carries at most three forms for one event).
FORM_PREFIXES: tuple[str, ...] = ("fc_", "fc2_", "fc3_")
MAX_FORMS = len(FORM_PREFIXES)
MAX_DESCRIPTION = 200
CODES: tuple[str, ...] = tuple(EVENT_CODES)
_KEY_PATTERN = re.compile(r"^fc(\d*)_(.*)$", re.DOTALL)

# -- message ids: validation ------------------------------------------------------------------
MSG_TEXT = N_("{key}: “{value}” is not allowed. Enter at most {max} characters of plain text.")
MSG_INTEREST_ABOVE = N_(
    "{key}: “{value}” is more than box 2 ({amount}); box 3 shows the interest included in box 2."
)

# -- message ids: box 6 in plain words --------------------------------------------------------
CODE_EXPLANATIONS: dict[str, str] = {
    "A": N_(
        "Code A, bankruptcy: the debt was discharged in a bankruptcy case. Debt cancelled in "
        "a bankruptcy case is not income; you exclude it on Form 982, line 1a."
    ),
    "B": N_(
        "Code B, other judicial debt relief: a court proceeding, such as a receivership or a "
        "court foreclosure, made the debt unenforceable."
    ),
    "C": N_(
        "Code C: the time limit for collecting the debt, or for asking a court for a "
        "deficiency judgment, ran out."
    ),
    "D": N_(
        "Code D, foreclosure election: by choosing to foreclose or repossess, the lender lost, "
        "by law, the right to collect the rest."
    ),
    "E": N_(
        "Code E: a probate proceeding (after a death) or a similar proceeding made the debt "
        "unenforceable."
    ),
    "F": N_(
        "Code F, by agreement: you and the lender agreed to settle the debt for less than the "
        "full amount."
    ),
    "G": N_(
        "Code G: the lender decided, or has a policy, to stop collecting and to cancel the debt."
    ),
    "H": N_(
        "Code H: the lender reports that it actually cancelled the debt before any of the "
        "other events happened, for example in a written release."
    ),
}

# -- message ids: findings ----------------------------------------------------------------------
TITLE_CODE_G = N_("Code G: the debt may not be gone")
TITLE_DUPLICATE = N_("Possible duplicate form")
TITLE_TOTAL = N_("Several forms for one event")
TITLE_INTEREST = N_("Interest in box 2")
TITLE_BOX2 = N_("Box 2 and the cancelled debt")
TITLE_BOX7 = N_("Box 7, fair market value")
TITLE_NONRECOURSE = N_("Not personally liable: no cancelled-debt income")
TITLE_BOX5 = N_("Box 5, personal liability")
TITLE_BANKRUPTCY = N_("Debt discharged in bankruptcy")
TITLE_CODE = N_("Box 6, the identifiable event")
TITLE_YEARS = N_("Different years in box 1")

MSG_CODE_G = N_(
    "A code G form does not by itself prove that the debt is gone. It reports that the lender "
    "decided to stop collecting, but courts disagree on whether the lender, or a buyer of the "
    "debt, may still collect afterwards, and the answer depends on state law. If the debt was "
    "not actually cancelled, it is income only in the year it actually is."
)
ACT_CODE_G = N_(
    "Ask the lender to confirm in writing that the debt is cancelled and will not be collected "
    "or sold. Keep the form and the answer."
)
MSG_DUPLICATE = N_(
    "Form {index} shows the same date and amount as form {original}, so it is counted once. "
    "It may be a duplicate or a corrected form. A co-borrower's own form also shows the whole "
    "amount."
)
ACT_DUPLICATE = N_(
    "Ask the lender whether form {index} replaces form {original} or reports a separate "
    "cancellation."
)
MSG_TOTAL = N_("{count} forms for this event: box 2 adds up to {total}.")
MSG_INTEREST = N_(
    "Box 3 shows {interest} of interest included in box 2. Whether it is income depends on "
    "whether you could have deducted the interest if you had paid it: on a personal loan, "
    "such as a car loan, all of box 2 is income; if the interest would have been deductible "
    "(for example on a business loan), only box 2 minus box 3, {net}, is."
)
MSG_BOX2_HIGHER = N_(
    "Box 2 ({box2}) is {difference} more than the cancelled debt this app computes for your "
    "scenario ({computed}). Payments or credits may be missing from the lender's figure, or "
    "the scenario may not match what happened."
)
MSG_BOX2_LOWER = N_(
    "Box 2 ({box2}) is {difference} less than the cancelled debt this app computes for your "
    "scenario ({computed}). For a loan the lender need not report interest or fees in box 2, "
    "but cancelled debt is income whether or not it is on a form."
)
MSG_BOX2_MATCH = N_("Box 2 matches the cancelled debt this app computes for your scenario.")
MSG_BOX2_UNEXPECTED = N_(
    "This app expects no cancelled debt for your scenario (the lender collects the deficiency), "
    "but the forms report {box2} as cancelled."
)
ACT_BOX2 = N_(
    "If you don't agree with the amount, contact the lender and ask for a corrected form."
)
ACT_BOX2_UNEXPECTED = N_(
    "Ask the lender to confirm in writing that the debt is cancelled, and set the lender's "
    "action in the scenario to forgive or settle to see the tax."
)
MSG_BOX7_BELOW_PRICE = N_(
    "Box 7 ({box7}) is below the price the property sold for ({price}). After a foreclosure "
    "or repossession sale the instructions generally treat the gross bid price as the fair "
    "market value; a lower box 7 raises the cancelled-debt income of a recourse loan by up to "
    "{difference}."
)
MSG_BOX7_DIFFERS = N_(
    "Box 7 ({box7}) differs from the fair market value the tax section uses ({fmv}). For a "
    "recourse loan the fair market value is subtracted from the debt relieved to find the "
    "cancelled-debt income, so keep evidence of the value you use."
)
ACT_BOX7 = N_(
    "Ask the lender how it set the value in box 7, and keep any appraisal or sale record."
)
MSG_NONRECOURSE = N_(
    "You were not personally liable for this debt, or state law bars the lender from "
    "collecting the deficiency, so it is treated as nonrecourse: you have no income from "
    "cancelled debt. The cancelled amount, {amount}, counts in the amount realized on the "
    "sale of the property instead, which can give a gain or a loss."
)
ACT_NONRECOURSE = N_(
    "Do not report box 2 as other income; report the sale instead, and keep the reason (the "
    "state law or your contract) with your tax records. A tax professional can help."
)
MSG_BOX5_UNCHECKED = N_(
    "Box 5 is not checked: the lender reports that you were not personally liable. The tax "
    "section treats the loan as recourse; if the form is right, set “recourse” to no."
)
MSG_BOX5_CHECKED = N_(
    "Box 5 is checked (personally liable), but the tax section treats the debt as "
    "nonrecourse because state law bars the deficiency. Box 5 describes the debt when it was "
    "made; the state-law bar still decides how the cancellation is taxed."
)
ACT_BOX5 = N_("Check your contract and the state-law section, and ask a tax professional.")
MSG_BANKRUPTCY = N_(
    "The debt was discharged in bankruptcy: debt cancelled in a bankruptcy case is not income. "
    "Exclude it on Form 982, line 1a; the excluded amount may reduce tax attributes such as "
    "loss carryovers."
)
ACT_BANKRUPTCY = N_(
    "Attach Form 982 to your return and keep the bankruptcy discharge order with your records."
)
MSG_CODE_DIFFERS = N_(
    "The tax section expected code {expected} for your scenario; the form shows code {code}. "
    "The code says why the lender reports the debt as cancelled."
)
ACT_CODE_DIFFERS = N_("If the code seems wrong, ask the lender why it chose it.")
MSG_YEARS = N_(
    "The forms show different years in box 1 ({years}). Each amount belongs to the tax year "
    "of its event, unless the debt was actually cancelled in another year."
)


class FormDataError(DataFileError):
    """A 1099-C data file breaks its schema: the message names the file and line."""


# -- the inputs -------------------------------------------------------------------------------
def _description(value: Any) -> str:
    """Box 4 as typed: plain printable text, at most 200 characters, never HTML-rendered."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PydanticCustomError("text", MSG_TEXT)
    text = value.strip()
    if len(text) > MAX_DESCRIPTION or not text.isprintable():
        raise PydanticCustomError("text", MSG_TEXT)
    return text


def _box6(value: Any) -> str | None:
    if value is None or value == "":
        return None
    text = value.strip().upper() if isinstance(value, str) else value
    if text not in CODES:
        raise PydanticCustomError("choice", MSG_CHOICE)
    return text


class Form1099CInputs(BaseModel):
    """Boxes 1-7 of one Form 1099-C as printed; every box optional (``None`` = blank).

    Field names are form 1's URL keys; forms 2 and 3 use the same names with ``fc2_`` and
    ``fc3_`` (see :func:`decode_forms`). Box 3 above box 2 is refused by
    :func:`validate_forms` and :func:`decode_forms`, not by the model.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: Box 1: date of the identifiable event.
    fc_date: OptionalDate = None
    #: Box 2: amount of debt discharged.
    fc_amount: OptionalAmount = None
    #: Box 3: interest, if included in box 2.
    fc_interest: OptionalAmount = None
    #: Box 4: debt description (free text, kept as typed, never rendered as HTML).
    fc_description: Annotated[str, BeforeValidator(_description)] = Field(
        "", json_schema_extra={"max_length": MAX_DESCRIPTION}
    )
    #: Box 5: the debtor was personally liable for repayment.
    fc_liable: OptionalFlag = None
    #: Box 6: identifiable event code, A-H.
    fc_code: Annotated[str | None, BeforeValidator(_box6)] = Field(
        None, json_schema_extra={"choices": tuple(sorted(CODES))}
    )
    #: Box 7: fair market value of the property.
    fc_fmv: OptionalAmount = None

    @property
    def is_empty(self) -> bool:
        """No box filled in: a blank form is ignored by :func:`read_forms`."""
        return self == EMPTY_FORM


FORM_FIELDS: tuple[str, ...] = tuple(Form1099CInputs.model_fields)
EMPTY_FORM = Form1099CInputs()
#: Every URL key of the three forms.
FORM_KEYS: frozenset[str] = frozenset(
    prefix + name[len("fc_") :] for prefix in FORM_PREFIXES for name in FORM_FIELDS
)


def is_form_key(key: object) -> bool:
    """Whether a query key belongs to the 1099-C reader (``fc_``, ``fc2_``, ``fc3_``, ...)."""
    return isinstance(key, str) and _KEY_PATTERN.match(key) is not None


def _params_for(field_name: str) -> dict[str, str]:
    if field_name == "fc_date":
        return {"min": MIN_DATE.isoformat(), "max": MAX_DATE.isoformat()}
    if field_name == "fc_code":
        return {"allowed": " | ".join(CODES)}
    if field_name == "fc_description":
        return {"max": str(MAX_DESCRIPTION)}
    return {}


def _split_key(key: str) -> tuple[str, str] | None:
    """``fc2_amount`` → (``fc2_``, ``fc_amount``); None for a key no form owns."""
    match = _KEY_PATTERN.match(key)
    if match is None:
        return None
    prefix = f"fc{match.group(1)}_"
    name = "fc_" + match.group(2)
    if prefix not in FORM_PREFIXES or name not in Form1099CInputs.model_fields:
        return None
    return prefix, name


def _interest_issue(prefix: str, form: Form1099CInputs) -> FieldIssue | None:
    interest, amount = form.fc_interest, form.fc_amount
    if interest is None or amount is None or interest <= amount:
        return None
    return FieldIssue(
        prefix + "interest", f"{interest:.2f}", MSG_INTEREST_ABOVE, {"amount": f"{amount:.2f}"}
    )


def decode_forms(
    params: Mapping[str, Any], *, strict: bool = False
) -> tuple[list[Form1099CInputs], list[FieldIssue]]:
    """Open the 1099-C part of a link: the filled-in forms in order, and one issue per bad key.

    Keys that do not start with ``fc``/``fcN`` and ``_`` belong to the scenario or the letter
    and are ignored (reported as unknown when ``strict``). A bad value drops only its own box;
    box 3 above box 2 drops box 3. Never raises, whatever the values.
    """
    issues: list[FieldIssue] = []
    accepted: dict[str, dict[str, Any]] = {prefix: {} for prefix in FORM_PREFIXES}
    for key, value in params.items():
        if not is_form_key(key):
            if strict:
                issues.append(FieldIssue(short(key), short(value), MSG_UNKNOWN))
            continue
        split = _split_key(key)
        if split is None:
            issues.append(FieldIssue(short(key), short(value), MSG_UNKNOWN))
            continue
        prefix, name = split
        try:
            Form1099CInputs.model_validate({name: value})
        except ValidationError as exc:
            issues.extend(
                issues_from_error(
                    exc, {key: value}, _params_for, lambda n, p=prefix: p + n[len("fc_") :]
                )
            )
            continue
        accepted[prefix][name] = value
    forms: list[Form1099CInputs] = []
    for prefix in FORM_PREFIXES:
        form = Form1099CInputs.model_validate(accepted[prefix])
        problem = _interest_issue(prefix, form)
        if problem is not None:
            issues.append(problem)
            form = form.model_copy(update={"fc_interest": None})
        if not form.is_empty:
            forms.append(form)
    return forms, issues


def validate_forms(data: Mapping[str, Any]) -> list[Form1099CInputs]:
    """Validate up to three forms strictly: any bad or unknown key raises ScenarioError."""
    forms, issues = decode_forms(data, strict=True)
    if issues:
        raise ScenarioError(issues)
    return forms


def encode_forms(forms: Sequence[Form1099CInputs]) -> dict[str, str]:
    """The query parameters of the filled-in forms, numbered in order (blank ones skipped).

    Raises ``ValueError`` for more than three filled-in forms: a link carries at most three.
    """
    filled = [form for form in forms if not form.is_empty]
    if len(filled) > MAX_FORMS:
        raise ValueError(f"a link carries at most {MAX_FORMS} forms, got {len(filled)}")
    params: dict[str, str] = {}
    for prefix, form in zip(FORM_PREFIXES, filled, strict=False):
        for name in FORM_FIELDS:
            value = getattr(form, name)
            if value is not None and value != getattr(EMPTY_FORM, name):
                params[prefix + name[len("fc_") :]] = _code(value)
    return params


# -- the data files -------------------------------------------------------------------------
@dataclass(frozen=True)
class CodeRule:
    """One row of ``form1099c_codes.csv``: whether the code needs the "may not be gone" caveat."""

    code: str
    caveat: bool
    source_ids: tuple[str, ...]
    note: str


@functools.lru_cache(maxsize=1)
def load_sources() -> dict[str, Source]:
    """The tax module's sources plus ``form1099c_sources.csv`` (ids must not collide)."""
    try:
        own = parse_sources(
            packaged_text(__name__, "form1099c_sources.csv"), "form1099c_sources.csv"
        )
    except LetterDataError as exc:
        raise FormDataError(str(exc)) from None
    shared = dict(tax.load_tables().sources)
    clash = set(own) & set(shared)
    if clash:
        raise FormDataError(f"form1099c_sources.csv: ids already in tax_sources.csv: {clash}")
    return {**shared, **own}


def parse_codes(text: str, sources: Mapping[str, Source]) -> dict[str, CodeRule]:
    """Parse the box 6 table: every code A-H once, a yes/no caveat, known sources, a note."""
    name = "form1099c_codes.csv"
    try:
        rows = _csv_rows(text, name, ("code", "caveat", "source", "note"))
    except LetterDataError as exc:
        raise FormDataError(str(exc)) from None
    rules: dict[str, CodeRule] = {}
    for n, row in enumerate(rows, start=2):
        where = f"{name} line {n}"
        code = row["code"].strip()
        if code not in CODES or code in rules:
            raise FormDataError(f"{where}: unknown or duplicate code {code!r}")
        if row["caveat"] not in ("yes", "no"):
            raise FormDataError(f"{where}: caveat must be yes or no")
        ids = tuple(part.strip() for part in row["source"].split(";") if part.strip())
        unknown = [i for i in ids if i not in sources]
        if not ids or unknown:
            raise FormDataError(f"{where}: no source or unknown source {unknown}")
        if not row["note"].strip():
            raise FormDataError(f"{where}: needs a note")
        rules[code] = CodeRule(code, row["caveat"] == "yes", ids, row["note"].strip())
    if set(rules) != set(CODES):
        raise FormDataError(f"{name}: codes must be {list(CODES)}")
    return rules


@functools.lru_cache(maxsize=1)
def load_codes() -> dict[str, CodeRule]:
    """The packaged box 6 table, validated once on first use (no I/O at import time)."""
    return parse_codes(packaged_text(__name__, "form1099c_codes.csv"), load_sources())


# -- the reading ---------------------------------------------------------------------------------
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
        citation=tax.load_tables().event_codes[code].citation,
        sources=tuple(sources[i] for i in rule.source_ids),
        counted=duplicate_of is None,
        duplicate_of=duplicate_of,
    )


def _finding(
    code: str,
    severity: Severity,
    title: str,
    message: Message,
    amount: int | None,
    action: Message | None,
    source_ids: Sequence[str],
) -> Finding:
    sources = load_sources()
    return Finding(
        code, severity, title, message, amount, action, tuple(sources[i] for i in source_ids)
    )


def _analysis_findings(
    readings: Sequence[FormReading], total: int, analysis: Analysis
) -> list[Finding]:
    """Box 2, 5, 6 and 7 against the scenario's own figures."""
    out: list[Finding] = []
    taxes = analysis.tax
    counted = [r.form for r in readings if r.counted]
    if any(form.fc_amount is not None for form in counted):
        computed = taxes.cancelled_debt
        if computed == 0 and total > 0:
            out.append(
                _finding(
                    "box2_unexpected",
                    "warning",
                    TITLE_BOX2,
                    Message(MSG_BOX2_UNEXPECTED, money={"box2": total}),
                    total,
                    Message(ACT_BOX2_UNEXPECTED),
                    ("f1099c_debtor", "iba_1099c_g"),
                )
            )
        elif total > computed:
            money = {"box2": total, "computed": computed, "difference": total - computed}
            out.append(
                _finding(
                    "box2_higher",
                    "warning",
                    TITLE_BOX2,
                    Message(MSG_BOX2_HIGHER, money=money),
                    total - computed,
                    Message(ACT_BOX2),
                    ("f1099c_debtor",),
                )
            )
        elif total < computed:
            money = {"box2": total, "computed": computed, "difference": computed - total}
            out.append(
                _finding(
                    "box2_lower",
                    "info",
                    TITLE_BOX2,
                    Message(MSG_BOX2_LOWER, money=money),
                    computed - total,
                    Message(ACT_BOX2),
                    ("i1099ac", "f1099c_debtor"),
                )
            )
        else:
            out.append(
                _finding(
                    "box2_match", "info", TITLE_BOX2, Message(MSG_BOX2_MATCH), 0, None, ("i1099ac",)
                )
            )

    box7_values = sorted({_cents(form.fc_fmv) for form in counted if form.fc_fmv is not None})
    price = to_cents(analysis.scenario.sale_price)
    fmv_used = taxes.form_1099c.box7_fmv
    for box7 in box7_values:
        if price > 0 and box7 < price:
            out.append(
                _finding(
                    "box7_below_price",
                    "warning",
                    TITLE_BOX7,
                    Message(
                        MSG_BOX7_BELOW_PRICE,
                        money={"box7": box7, "price": price, "difference": price - box7},
                    ),
                    price - box7,
                    Message(ACT_BOX7),
                    ("i1099ac", "pub_4681"),
                )
            )
        elif box7 != fmv_used:
            out.append(
                _finding(
                    "box7_differs",
                    "info",
                    TITLE_BOX7,
                    Message(MSG_BOX7_DIFFERS, money={"box7": box7, "fmv": fmv_used}),
                    abs(box7 - fmv_used),
                    Message(ACT_BOX7),
                    ("pub_4681",),
                )
            )

    liable = {form.fc_liable for form in counted if form.fc_liable is not None}
    if not taxes.recourse:
        if total > 0:
            out.append(_nonrecourse(total))
        if True in liable and analysis.state.barred:
            out.append(
                _finding(
                    "box5_checked",
                    "info",
                    TITLE_BOX5,
                    Message(MSG_BOX5_CHECKED),
                    None,
                    Message(ACT_BOX5),
                    ("i1099ac", "pub_4681"),
                )
            )
    elif False in liable:
        out.append(
            _finding(
                "box5_unchecked",
                "info",
                TITLE_BOX5,
                Message(MSG_BOX5_UNCHECKED),
                None,
                Message(ACT_BOX5),
                ("i1099ac", "pub_4681"),
            )
        )

    expected = taxes.form_1099c.box6_code
    codes = sorted({form.fc_code for form in counted if form.fc_code is not None})
    if expected is not None:
        for code in codes:
            if code != expected:
                out.append(
                    _finding(
                        "code_differs",
                        "info",
                        TITLE_CODE,
                        Message(MSG_CODE_DIFFERS, {"expected": expected, "code": code}),
                        None,
                        Message(ACT_CODE_DIFFERS),
                        ("i1099ac", "reg_1_6050p_1"),
                    )
                )
    return out


def _nonrecourse(total: int) -> Finding:
    return _finding(
        "nonrecourse",
        "warning",
        TITLE_NONRECOURSE,
        Message(MSG_NONRECOURSE, money={"amount": total}),
        total,
        Message(ACT_NONRECOURSE),
        ("pub_4681", "pub_544"),
    )


def read_forms(
    forms: Sequence[Form1099CInputs], scenario_analysis: Analysis | None = None
) -> FormsReading:
    """Read one event's forms: explain each code, sum box 2 once per form, list findings.

    With ``scenario_analysis`` (from :func:`deficiency.core.analysis.analyze`) box 2 is compared
    with the cancelled debt the tax section computes, box 7 with the sale price and the fair
    market value it uses, box 5 with its recourse decision and box 6 with its expected code.
    Blank forms are skipped. Never raises for valid :class:`Form1099CInputs`.
    """
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

    counted = [r.form for r in readings if r.counted]
    total = sum(_cents(form.fc_amount) for form in counted)
    interest = sum(_cents(form.fc_interest) for form in counted)
    findings: list[Finding] = []

    if any(form.fc_code == "G" for form in counted):
        findings.append(
            _finding(
                "code_g",
                "warning",
                TITLE_CODE_G,
                Message(MSG_CODE_G),
                None,
                Message(ACT_CODE_G),
                load_codes()["G"].source_ids,
            )
        )
    for reading in readings:
        if reading.duplicate_of is not None:
            params = {"index": str(reading.index), "original": str(reading.duplicate_of)}
            findings.append(
                _finding(
                    "duplicate",
                    "warning",
                    TITLE_DUPLICATE,
                    Message(MSG_DUPLICATE, params),
                    _cents(reading.form.fc_amount),
                    Message(ACT_DUPLICATE, params),
                    ("i1099ac", "tf_8121"),
                )
            )
    with_amount = [form for form in counted if form.fc_amount is not None]
    if len(with_amount) > 1:
        findings.append(
            _finding(
                "total",
                "info",
                TITLE_TOTAL,
                Message(MSG_TOTAL, {"count": str(len(with_amount))}, money={"total": total}),
                total,
                None,
                ("i1099ac",),
            )
        )
    years = sorted({form.fc_date.year for form in counted if form.fc_date is not None})
    if len(years) > 1:
        findings.append(
            _finding(
                "years_differ",
                "info",
                TITLE_YEARS,
                Message(MSG_YEARS, {"years": ", ".join(str(year) for year in years)}),
                None,
                None,
                ("f1099c_debtor",),
            )
        )
    if interest > 0:
        findings.append(
            _finding(
                "interest",
                "info",
                TITLE_INTEREST,
                Message(MSG_INTEREST, money={"interest": interest, "net": total - interest}),
                interest,
                None,
                ("p17_interest", "f1099c_debtor"),
            )
        )

    bankrupt = any(form.fc_code == "A" for form in counted)
    if scenario_analysis is not None:
        findings.extend(_analysis_findings(readings, total, scenario_analysis))
        bankrupt = bankrupt or scenario_analysis.scenario.bankruptcy != "none"
    elif total > 0 and any(form.fc_liable is False for form in counted):
        findings.append(_nonrecourse(total))
    if bankrupt and total > 0:
        findings.append(
            _finding(
                "bankruptcy",
                "info",
                TITLE_BANKRUPTCY,
                Message(MSG_BANKRUPTCY),
                total,
                Message(ACT_BANKRUPTCY),
                ("pub_4681", "f982"),
            )
        )
    return FormsReading(tuple(readings), total, interest, findings)


__all__ = [
    "CODES",
    "CODE_EXPLANATIONS",
    "EMPTY_FORM",
    "FORM_FIELDS",
    "FORM_KEYS",
    "FORM_PREFIXES",
    "MAX_FORMS",
    "CodeRule",
    "Finding",
    "Form1099CInputs",
    "FormDataError",
    "FormReading",
    "FormsReading",
    "decode_forms",
    "encode_forms",
    "explain_code",
    "is_form_key",
    "load_codes",
    "load_sources",
    "parse_codes",
    "read_forms",
    "validate_forms",
]
