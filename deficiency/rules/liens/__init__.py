"""Second mortgages, HELOCs and co-borrowers: what a junior lien and shared liability add.

Why this module exists: the engine and :mod:`deficiency.rules.state_law` answer for the loan that
was foreclosed or short-sold. Many households also carry a second mortgage or a home-equity
line (HELOC), and many loans have more than one borrower. Both change what a household can be
made to pay, often more than the first loan does:

* **Sold-out junior lien.** A foreclosure by the first lender wipes out the second lender's
  *lien*, not its *note*. The second lender becomes an unsecured creditor and can usually sue
  on the note for the whole balance, even in a state that bars a deficiency on the first
  loan (the bar protects the loan that was foreclosed). California is the notable exception
  and is encoded rule by rule below; a state whose home-equity loans carry no personal
  liability (Texas) protects a second that did not buy the home; every other state is
  treated conservatively as collectible and marked ``unconfirmed``.
* **Short sale.** Nothing closes without the second lender's written release of its lien;
  the release is the moment to ask it to waive the rest in writing.
* **Co-borrowers.** Each co-borrower who signed the note can be made to pay the whole
  deficiency, not a share, and each may receive a Form 1099-C showing the full cancelled
  amount (the Form 1099-C "multiple debtors" rule, encoded in :func:`forms_1099c`).

Every rule is a row of ``data/lien_rules.csv`` with its citation, source (a bibliography id)
and confidence; the Form 1099-C thresholds and the multiple-debtors date are the tax
section's dated rules (``tax_rules.csv``). The amount formulas (:func:`second_collectible`,
:func:`forms_1099c`) take Python ints or numpy int64 arrays, like
:mod:`deficiency.core.formulas`, so a sweep uses the single rule.

The package: ``rules`` (the table), ``second`` (the second lien), ``coborrowers``,
``messages``. The scenario keys are ``second_balance``, ``second_lender_same``,
``second_purchase_money``, ``second_made_with_first`` and ``coborrowers``.
"""

from __future__ import annotations

from deficiency.rules.liens.coborrowers import (
    MAX_COBORROWERS,
    CoborrowerResult,
    assess_coborrowers,
    forms_1099c,
)
from deficiency.rules.liens.rules import (
    LienDataError,
    LienRule,
    form_1099c_threshold,
    load_rules,
    multiple_debtors_from,
    multiple_debtors_threshold,
    parse_rules,
)
from deficiency.rules.liens.second import (
    SecondLienResult,
    assess_second_lien,
    second_collectible,
    second_lien_of,
)

__all__ = [
    "MAX_COBORROWERS",
    "CoborrowerResult",
    "LienDataError",
    "LienRule",
    "SecondLienResult",
    "assess_coborrowers",
    "assess_second_lien",
    "form_1099c_threshold",
    "forms_1099c",
    "load_rules",
    "multiple_debtors_from",
    "multiple_debtors_threshold",
    "parse_rules",
    "second_collectible",
    "second_lien_of",
]
