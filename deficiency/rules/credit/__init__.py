"""Credit-report outcomes of a deficiency event (issue 7): reporting, removal, new mortgage, score.

Why a separate module: the deficiency figure decides *whether* something is still owed, but a
reader's next questions are about the credit report — what the lender will report, when it
falls off, when a new mortgage is possible and how far a score drops. Every rule comes from a
data file under ``deficiency/rules/credit/data/credit_*.csv`` with its source next to it, so a
changed guideline is a data edit with a citation, not a code change.

Conventions (documented because they decide dates):

* **Calendar months.** ``n`` years after a date is the same day ``12·n`` months later; when that
  day does not exist the last day of the month is used, so 7 years after 29 February 2024 is
  28 February 2031 (the shorter reading, never a date past the legal limit).
* **Removal** (:attr:`CreditResult.removal_date`) is the 7th anniversary of the date of first
  delinquency (DOFD): the bureaus delete the whole account then (Experian), and after it the
  item "antedates the report by more than seven years" (15 U.S.C. § 1681c(a)(4)-(5)).
* **Status now** (:attr:`CreditResult.status_code`) is the status the account most likely
  carries today: the sale's own code (94 foreclosure, 89 deed in lieu, 96 repossession, 95
  surrender, a short sale's 13 + AU or delinquency status) until a dated charge-off or
  settlement on or before ``today`` moves it on. The later steps (97 if charged off, 93 if
  sent to collection, 64 / 62 if paid, + AU if settled) follow in
  :attr:`CreditResult.sequence`, each with its condition; the table
  ``credit_outcomes.csv`` holds the steps, what each follows and its condition.
* **Outer limit** (:attr:`CreditResult.removal_outer_limit`) applies to charge-offs and
  collections only (the codes marked ``outer_limit`` in ``credit_status_codes.csv``: 97, 64,
  93, 62): the 7 years begin when the 180-day period that starts on the DOFD expires
  (§ 1681c(c)(1)), i.e. DOFD + 180 days, then + 7 years, never from the charge-off date. It is
  *conditional* ("if charged off or sent to collection") while such a step is only possible
  later. Without a DOFD, :attr:`CreditResult.removal_outer_limit_bound` is a labelled
  estimate: no later than the completion + 180 days + 7 years, since the delinquency began
  on or before a foreclosure, deed in lieu, repossession or surrender (a short sale only when
  the loan was behind).
* **Eligibility dates** are the first day the program's waiting period is over, counted from
  the event date the program names (Fannie Mae: completion, discharge or dismissal; FHA and
  USDA: title transfer; bankruptcy: discharge, or filing for Chapter 13 plan payments).

All prose is returned as :class:`~deficiency.text.markers.Message` objects with ``N_`` literal
ids (``messages``); the data files hold codes, numbers and citations only, and cite the
bibliography by id. The package: ``tables`` (the data files), ``dates`` (calendar months),
``messages``, ``result`` (the result types and the timeline) and ``assess``.
"""

from __future__ import annotations

from deficiency.core.dates import add_months, add_years, shift
from deficiency.rules.credit.assess import assess
from deficiency.rules.credit.messages import COMMENT_TEXT, LABEL_ELIGIBLE, STATUS_TEXT
from deficiency.rules.credit.result import (
    CreditResult,
    Eligibility,
    ReportingStep,
    ScoreRange,
    TimelineEvent,
    timeline,
)
from deficiency.rules.credit.tables import (
    DATA_DIR,
    PROGRAM_NAMES,
    PROGRAMS,
    CreditDataError,
    CreditTables,
    load_tables,
)

__all__ = [
    "COMMENT_TEXT",
    "DATA_DIR",
    "LABEL_ELIGIBLE",
    "PROGRAMS",
    "PROGRAM_NAMES",
    "STATUS_TEXT",
    "CreditDataError",
    "CreditResult",
    "CreditTables",
    "Eligibility",
    "ReportingStep",
    "ScoreRange",
    "TimelineEvent",
    "add_months",
    "add_years",
    "assess",
    "load_tables",
    "shift",
    "timeline",
]
