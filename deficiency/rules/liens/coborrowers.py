"""Co-borrowers: each signer owes the whole deficiency, and who gets a Form 1099-C.

The amount formula (:func:`forms_1099c`) takes Python ints or numpy int64 arrays, like
:mod:`deficiency.core.formulas`, so a sweep uses the single rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from deficiency.core.money import Cents, cents_like
from deficiency.core.scenario import Scenario
from deficiency.rules.liens.messages import (
    MSG_1099C_EACH,
    MSG_1099C_NONE,
    MSG_1099C_PRIMARY,
    MSG_1099C_SHARE,
    MSG_1099C_SPOUSES,
    MSG_COBORROWERS_LIABLE,
)
from deficiency.rules.liens.rules import (
    Confidence,
    form_1099c_threshold,
    load_rules,
    multiple_debtors_from,
    multiple_debtors_threshold,
)
from deficiency.text.markers import Message

MAX_COBORROWERS = 10


def forms_1099c(
    cancelled: Cents, coborrowers: Any, incurred_after_1994: Any = True
) -> tuple[Cents, Cents]:
    """(number of Forms 1099-C the lender must file, amount shown on each form).

    The "multiple debtors" rule (``lien_rules.csv`` ``multiple_debtors_1099c``, values in
    ``tax_rules.csv``): at least $600 cancelled requires a form; when the cancelled debt is
    $10,000 or more, the debt was incurred after 1994 and there are co-borrowers, every
    borrower gets a form showing the *full* amount; otherwise only the primary borrower
    does. Ints or int64 arrays.
    """
    scalar = all(np.ndim(v) == 0 for v in (cancelled, coborrowers, incurred_after_1994))
    cancelled_arr = np.asarray(cancelled, dtype=np.int64)
    debtors = 1 + np.asarray(coborrowers, dtype=np.int64)
    each = (cancelled_arr >= multiple_debtors_threshold()) & np.asarray(incurred_after_1994)
    forms = np.where(cancelled_arr < form_1099c_threshold(), 0, np.where(each, debtors, 1))
    amount = np.where(forms > 0, cancelled_arr, 0)
    return cents_like(forms, scalar), cents_like(amount, scalar)


@dataclass(frozen=True)
class CoborrowerResult:
    """Shared liability and Forms 1099-C for everyone who signed the note; cents."""

    people: int
    liable_each_cents: int
    forms: int
    amount_on_each_form: int
    notes: tuple[Message, ...]
    citation: str
    source_url: str
    confidence: Confidence


def assess_coborrowers(
    scenario: Scenario, owed_cents: int, cancelled_cents: int, coborrowers: int
) -> CoborrowerResult:
    """What ``coborrowers`` (0-10, besides the borrower) means for the debt and the 1099-C.

    ``owed_cents``: what can still be collected (e.g. ``Analysis.owes``); each signer is
    liable for all of it. ``cancelled_cents``: the debt the lender cancels (box 2 of the
    Form 1099-C). A loan made before 1995 (``scenario.loan_date``) gets one form only.
    """
    if not 0 <= coborrowers <= MAX_COBORROWERS:
        raise ValueError(f"coborrowers must be 0..{MAX_COBORROWERS}")
    people = 1 + coborrowers
    after_1994 = scenario.loan_date is None or scenario.loan_date >= multiple_debtors_from()
    forms, amount = forms_1099c(cancelled_cents, coborrowers, after_1994)
    rule = load_rules()["multiple_debtors_1099c"]
    notes: list[Message] = []
    if coborrowers and owed_cents > 0:
        notes.append(
            Message(
                MSG_COBORROWERS_LIABLE,
                {"people": str(people), "citation": load_rules()["joint_liability"].citation},
                money={"amount": owed_cents},
            )
        )
    if cancelled_cents > 0:
        if forms == 0:
            notes.append(Message(MSG_1099C_NONE, money={"threshold": form_1099c_threshold()}))
        elif coborrowers and forms > 1:
            notes.append(
                Message(
                    MSG_1099C_EACH,
                    {"people": str(people), "citation": rule.citation},
                    money={"amount": amount},
                )
            )
            notes += [Message(MSG_1099C_SHARE), Message(MSG_1099C_SPOUSES)]
        elif coborrowers:
            notes.append(
                Message(MSG_1099C_PRIMARY, {"citation": rule.citation}, money={"amount": amount})
            )
            notes.append(Message(MSG_1099C_SHARE))
    return CoborrowerResult(
        people=people,
        liable_each_cents=max(owed_cents, 0),
        forms=forms,
        amount_on_each_form=amount,
        notes=tuple(notes),
        citation=rule.citation,
        source_url=rule.source_url,
        confidence=rule.confidence,
    )
