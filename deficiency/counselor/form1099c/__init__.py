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
Sources: the rules cite the bibliography (``rules/data/sources.csv``) by id, from
``data/form1099c_codes.csv`` and from the findings' fixed text (``messages.FINDINGS``); the
box 6 citations are the tax section's ``tax_event_codes.csv``. Nothing is read at import.

The package: ``inputs`` (the boxes and the link), ``codes`` (the box 6 table), ``messages``
(every sentence), ``reading`` (each form read, then the findings as a list of checks).
"""

from __future__ import annotations

from deficiency.counselor.form1099c.codes import (
    CodeRule,
    FormDataError,
    load_codes,
    load_sources,
    parse_codes,
)
from deficiency.counselor.form1099c.inputs import (
    CODES,
    EMPTY_FORM,
    FORM_FIELDS,
    FORM_KEYS,
    FORM_PREFIXES,
    MAX_DESCRIPTION,
    MAX_FORMS,
    Form1099CInputs,
    decode_forms,
    encode_forms,
    is_form_key,
    validate_forms,
)
from deficiency.counselor.form1099c.messages import CODE_EXPLANATIONS, FINDINGS
from deficiency.counselor.form1099c.reading import (
    Finding,
    FormReading,
    FormsReading,
    explain_code,
    extra_tax_on_forms,
    read_forms,
)

__all__ = [
    "CODES",
    "CODE_EXPLANATIONS",
    "EMPTY_FORM",
    "FINDINGS",
    "FORM_FIELDS",
    "FORM_KEYS",
    "FORM_PREFIXES",
    "MAX_DESCRIPTION",
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
    "extra_tax_on_forms",
    "is_form_key",
    "load_codes",
    "load_sources",
    "parse_codes",
    "read_forms",
    "validate_forms",
]
