"""Boxes 1-7 of up to three Forms 1099-C: the schema, and how the forms live in a link.

Form 1 uses the keys ``fc_date`` ... ``fc_fmv``; forms 2 and 3 the same names with ``fc2_``
and ``fc3_``. Only non-default keys are written; values are stable codes. Box 4 is free
text: it is kept as typed (at most 200 printable characters) and must never be rendered
as HTML by the shell.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

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
from deficiency.counselor.form1099c.messages import MSG_INTEREST_ABOVE, MSG_TEXT
from deficiency.interface.querycodes import query_code as _code
from deficiency.rules.tax.messages import EVENT_CODES

#: URL prefixes of forms 1, 2 and 3 (a link carries at most three forms for one event).
FORM_PREFIXES: tuple[str, ...] = ("fc_", "fc2_", "fc3_")
MAX_FORMS = len(FORM_PREFIXES)
MAX_DESCRIPTION = 200
CODES: tuple[str, ...] = tuple(EVENT_CODES)
_KEY_PATTERN = re.compile(r"^fc(\d*)_(.*)$", re.DOTALL)


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
        prefix + "interest",
        f"{interest:.2f}",
        MSG_INTEREST_ABOVE,
        {"amount": f"{amount:.2f}"},
        money_params=frozenset({"value", "amount"}),  # shown in the reader's money format
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
