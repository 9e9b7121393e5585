"""State anti-deficiency law and UCC Article 9: how much of a deficiency is collectible.

The engine (:mod:`deficiency.core.engine`) computes the contractual deficiency: what was owed
minus what the sale brought. Whether the lender may *collect* it is a separate, legal
question that depends on the state and the facts: a trustee sale may bar it (California,
Arizona, Washington...), a fair-value rule may credit the borrower with the property's
market value instead of a low auction price (Texas, New York...), a loan type may carry no
personal liability at all (a Texas home-equity loan), and for a car the Uniform Commercial
Code decides what follows from a sale without notice or to an insider.

Why the rules live in data: every rule must be cited and re-verified as statutes change,
so each jurisdiction is one row of ``data/state_law.csv`` with enumerated, structured
columns (no prose) and a citation and source next to every rule. The package is split by
what each part answers:

* :mod:`.rows`: the tables, one pydantic model per row, read and validated on first use;
* :mod:`.messages`: every sentence the rules can show (message ids);
* :mod:`.facts`, :mod:`.questions`: how a row's conditions read the scenario, and which
  facts a state's rule turns on (what the Calculator asks);
* :mod:`.decide`: the decision for a home loan, one small step per mechanism;
  :mod:`.goods`: Article 9 and the states' limits for cars and other goods;
* :mod:`.deadlines`, :mod:`.amounts`: the lender's time limit, and the collectible amount
  (one formula for ints and numpy arrays, so a what-if sweep uses exactly the rule a
  single evaluation uses);
* :mod:`.assess`: the result the pages show; :mod:`.coverage`: the States page.

Conservative by design: where the research could not confirm a rule, or a rule depends on
a fact the scenario does not hold, the deficiency is treated as collectible and a warning
explains the possible protection.
"""

from __future__ import annotations

from deficiency.rules.state_law.amounts import collectible
from deficiency.rules.state_law.assess import (
    StateLawResult,
    assess,
    rules_as_of,
    sweep,
    tax_cancelled,
)
from deficiency.rules.state_law.coverage import (
    COVERAGE_LABELS,
    MSG_CASE,
    MSG_COVER_CAPTION,
    MSG_COVER_NOT_MORTGAGE,
    MSG_COVER_PROCESS,
    MSG_PROTECTION,
    MSG_UNMET,
    Category,
    Coverage,
    CoverageStatus,
    case_caption,
    coverage,
    map_category,
    rules_table,
)
from deficiency.rules.state_law.deadlines import add_period
from deficiency.rules.state_law.decide import decide
from deficiency.rules.state_law.decision import Decision
from deficiency.rules.state_law.goods import (
    UCC_CITE_615,
    UCC_CITE_615F,
    UCC_CITE_616,
    UCC_CITE_625,
    UCC_CITE_626,
)
from deficiency.rules.state_law.messages import (
    MSG_ALLOWED,
    MSG_AUTO_BAR,
    MSG_AUTO_FMV,
    MSG_AUTO_FMV_AMOUNT,
    MSG_BAR_HOME_EQUITY,
    MSG_BAR_JUDICIAL,
    MSG_BAR_NONJUDICIAL,
    MSG_BAR_NONJUDICIAL_HOME,
    MSG_BAR_NOTICE,
    MSG_BAR_PURCHASE_MONEY,
    MSG_BAR_SHORT_SALE,
    MSG_CHOOSE_STATE,
    MSG_DEADLINE,
    MSG_DEADLINE_LATER,
    MSG_DEADLINE_NEEDS_DATE,
    MSG_DEADLINE_PASSED,
    MSG_DEED_IN_LIEU,
    MSG_FAIR_VALUE,
    MSG_FAIR_VALUE_DISCRETIONARY,
    MSG_FAIR_VALUE_RULE,
    MSG_FMV_MISSING,
    MSG_FOLLOW_1099C,
    MSG_FOLLOW_CREDIT,
    MSG_FOLLOW_EXPLANATION,
    MSG_FOLLOW_SURPLUS_MORTGAGE,
    MSG_FOLLOW_SURPLUS_UCC,
    MSG_LOAN_DATE,
    MSG_NONJUDICIAL_UNAVAILABLE,
    MSG_NOTE,
    MSG_PREREQUISITE,
    MSG_PROCESS_ASSUMED,
    MSG_SCOPE,
    MSG_SELLER_FINANCED,
    MSG_SHORT_CANCELLATION,
    MSG_SHORT_SALE_ASK,
    MSG_SHORT_WAIVER,
    MSG_UCC_ALLOWED,
    MSG_UCC_CONSUMER_RULE,
    MSG_UCC_MIN_DAMAGES,
    MSG_UCC_PRESUMPTION,
    MSG_UCC_RELATED_BUYER,
    MSG_UCC_RELATED_NEEDS_FMV,
    MSG_UCC_RELATED_SIGNIFICANT,
    MSG_UNCONFIRMED,
)
from deficiency.rules.state_law.questions import questions_for
from deficiency.rules.state_law.rows import (
    AUTO_COLUMNS,
    NOTE_CODES,
    STATE_COLUMNS,
    AutoRule,
    StateLawDataError,
    StateRule,
    load_auto_rules,
    load_rules,
    parse_auto_rules,
    parse_rules,
    read_auto_rules,
    read_rules,
)

__all__ = [
    "AUTO_COLUMNS",
    "COVERAGE_LABELS",
    "MSG_ALLOWED",
    "MSG_AUTO_BAR",
    "MSG_AUTO_FMV",
    "MSG_AUTO_FMV_AMOUNT",
    "MSG_BAR_HOME_EQUITY",
    "MSG_BAR_JUDICIAL",
    "MSG_BAR_NONJUDICIAL",
    "MSG_BAR_NONJUDICIAL_HOME",
    "MSG_BAR_NOTICE",
    "MSG_BAR_PURCHASE_MONEY",
    "MSG_BAR_SHORT_SALE",
    "MSG_CASE",
    "MSG_CHOOSE_STATE",
    "MSG_COVER_CAPTION",
    "MSG_COVER_NOT_MORTGAGE",
    "MSG_COVER_PROCESS",
    "MSG_DEADLINE",
    "MSG_DEADLINE_LATER",
    "MSG_DEADLINE_NEEDS_DATE",
    "MSG_DEADLINE_PASSED",
    "MSG_DEED_IN_LIEU",
    "MSG_FAIR_VALUE",
    "MSG_FAIR_VALUE_DISCRETIONARY",
    "MSG_FAIR_VALUE_RULE",
    "MSG_FMV_MISSING",
    "MSG_FOLLOW_1099C",
    "MSG_FOLLOW_CREDIT",
    "MSG_FOLLOW_EXPLANATION",
    "MSG_FOLLOW_SURPLUS_MORTGAGE",
    "MSG_FOLLOW_SURPLUS_UCC",
    "MSG_LOAN_DATE",
    "MSG_NONJUDICIAL_UNAVAILABLE",
    "MSG_NOTE",
    "MSG_PREREQUISITE",
    "MSG_PROCESS_ASSUMED",
    "MSG_PROTECTION",
    "MSG_SCOPE",
    "MSG_SELLER_FINANCED",
    "MSG_SHORT_CANCELLATION",
    "MSG_SHORT_SALE_ASK",
    "MSG_SHORT_WAIVER",
    "MSG_UCC_ALLOWED",
    "MSG_UCC_CONSUMER_RULE",
    "MSG_UCC_MIN_DAMAGES",
    "MSG_UCC_PRESUMPTION",
    "MSG_UCC_RELATED_BUYER",
    "MSG_UCC_RELATED_NEEDS_FMV",
    "MSG_UCC_RELATED_SIGNIFICANT",
    "MSG_UNCONFIRMED",
    "MSG_UNMET",
    "NOTE_CODES",
    "STATE_COLUMNS",
    "UCC_CITE_615",
    "UCC_CITE_615F",
    "UCC_CITE_616",
    "UCC_CITE_625",
    "UCC_CITE_626",
    "AutoRule",
    "Category",
    "Coverage",
    "CoverageStatus",
    "Decision",
    "StateLawDataError",
    "StateLawResult",
    "StateRule",
    "add_period",
    "assess",
    "case_caption",
    "collectible",
    "coverage",
    "decide",
    "load_auto_rules",
    "load_rules",
    "map_category",
    "parse_auto_rules",
    "parse_rules",
    "questions_for",
    "read_auto_rules",
    "read_rules",
    "rules_as_of",
    "rules_table",
    "sweep",
    "tax_cancelled",
]
