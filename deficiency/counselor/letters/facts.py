"""What the letters are written from: the analysis, the Letter check, the offer, the day.

Why one record: every letter, and every test of a letter, must read the same figures. The
analysis is :func:`deficiency.core.analysis.analyze` of the reader's scenario; the Letter
check is :func:`deficiency.counselor.letter.check_letter` of the lender's letter as entered
(``None`` when nothing was entered); the offer is ``analyze`` of the scenario settled at the
amount the reader offers: the settlement entered (the lender's action "settle") or, while the
lender still collects, the What if page's share of the deficiency
(:func:`deficiency.core.whatif.settled_at`), so the settlement letter's amount, the rest
forgiven and the tax on it are the app's own figures for that offer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from deficiency.core import whatif
from deficiency.core.analysis import Analysis, analyze
from deficiency.core.scenario import Scenario
from deficiency.counselor.letter import LETTER_DEFAULTS, LetterCheck, LetterInputs, check_letter

#: The What if page's settlement share when the reader has not moved it (pages/whatif.py).
DEFAULT_OFFER_PERCENT = whatif.SETTLEMENT_PERCENT_START

OfferSource = Literal["settlement", "whatif"]


@dataclass(frozen=True)
class Facts:
    """Everything a letter may say, computed once."""

    analysis: Analysis
    check: LetterCheck | None
    offer: Analysis | None
    offer_source: OfferSource
    offer_percent: int | None
    today: dt.date

    @property
    def scenario(self) -> Scenario:
        return self.analysis.scenario


def _offer(
    analysis: Analysis, percent: int, today: dt.date
) -> tuple[Analysis | None, OfferSource, int | None]:
    """The settlement offer as its own analysis (``None`` with no deficiency to settle)."""
    scenario = analysis.scenario
    if scenario.action == "settle":
        return analysis, "settlement", None
    deficiency = analysis.result.deficiency
    if deficiency <= 0:
        return None, "whatif", None
    return analyze(whatif.settled_at(scenario, deficiency, percent), today), "whatif", percent


def facts_for(
    analysis: Analysis,
    *,
    letter: LetterInputs | None = None,
    offer_percent: int = DEFAULT_OFFER_PERCENT,
    today: dt.date | None = None,
) -> Facts:
    """The facts of the letters for ``analysis``.

    ``letter``: the lender's letter as entered on the Letter check page (ignored when every
    value is the default, i.e. nothing was entered); ``offer_percent``: the What if page's
    settlement share (0 to 100), used while the lender's action is "collect"; ``today``: the
    letters' date (default: the analysis's reference day).
    """
    if not 0 <= offer_percent <= 100:
        raise ValueError("offer_percent must be 0..100")
    day = today or analysis.credit.today
    check = None
    if letter is not None and letter != LETTER_DEFAULTS:
        check = check_letter(letter, state=analysis.scenario.state)
    offer, source, percent = _offer(analysis, offer_percent, day)
    return Facts(analysis, check, offer, source, percent, day)


__all__ = ["DEFAULT_OFFER_PERCENT", "Facts", "OfferSource", "facts_for"]
