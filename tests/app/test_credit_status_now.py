"""The Calculator and the Credit page headline the status the account most likely carries
*now*, and show what may follow as "Later, if …" (issue 15).

A completed foreclosure whose deficiency the lender pursues is reported 94; 97 (charge-off)
only if and when the lender charges the balance off. With no charge-off date the pages must
not headline 97, and the outer removal limit is shown as conditional on that later step.
The dates are years in the past, so the pages' own "today" does not matter.
"""

from __future__ import annotations

from typing import Any

from tests.app.conftest import open_app, shown

FORECLOSURE = {
    "balance": "300000",
    "sale_price": "250000",
    "path": "foreclosure",
    "action": "collect",
    "sale_date": "2024-03-01",
    "dofd": "2023-06-01",
}
NOW_94 = (
    "Most likely reported now: Foreclosure completed; there may be a balance due (Metro 2 code 94)"
)
LATER_97 = (
    "Later, if the lender writes the remaining balance off as a loss (a charge-off): "
    "Unpaid balance written off as a loss (charge-off) (code 97)"
)


def _markdown(at: Any) -> str:
    return "\n".join(shown(m.value) for m in at.markdown)


def _table(at: Any, first_column: str) -> list[list[str]]:
    for frame in [*at.dataframe, *at.table]:
        if list(frame.value.columns)[:1] == [first_column]:
            return [[str(v) for v in row] for row in frame.value.values.tolist()]
    raise AssertionError(f"no table starting with {first_column!r}")


def _milestone(at: Any, label: str) -> str:
    """The date beside ``label`` in the credit summary's milestone table (the page also has
    a timeline table with the same columns)."""
    for frame in [*at.dataframe, *at.table]:
        if list(frame.value.columns)[:1] == ["Milestone"]:
            for row in frame.value.values.tolist():
                if row[0] == label:
                    return str(row[1])
    raise AssertionError(f"no milestone {label!r}")


def test_calculator_headlines_94_and_lists_the_charge_off_as_a_later_step() -> None:
    at = open_app(FORECLOSURE)
    assert not at.exception
    text = _markdown(at)
    assert NOW_94 in text
    assert LATER_97 in text
    assert "(Metro 2 code 97)" not in text
    # DOFD 2023-06-01 + 180 days = 2023-11-28, + 7 years; only if charged off or collected.
    assert _milestone(at, "Latest legal removal date") == (
        "November 28, 2030, if charged off or sent to collection"
    )


def test_credit_page_shows_the_sequence_with_its_conditions() -> None:
    at = open_app(FORECLOSURE, page="pages/credit.py")
    assert not at.exception
    assert NOW_94 in _markdown(at)
    steps = [(row[0], row[1]) for row in _table(at, "When")]
    assert steps[0] == ("Now (most likely)", "94")
    assert steps[1] == (
        "Later, if the lender writes the remaining balance off as a loss (a charge-off)",
        "97",
    )
    assert ("Later, after code 97, if you pay the remaining balance in full", "64") in steps


def test_a_charge_off_date_moves_the_status_now_to_97() -> None:
    at = open_app({**FORECLOSURE, "charge_off_date": "2024-09-30"}, page="pages/credit.py")
    assert not at.exception
    text = _markdown(at)
    assert "Most likely reported now: Unpaid balance written off as a loss (charge-off) " in text
    steps = [(row[0], row[1]) for row in _table(at, "When")]
    assert steps[:2] == [("Earlier", "94"), ("Now (most likely)", "97")]
    # The limit is still counted from the DOFD, never from the charge-off.
    assert _milestone(at, "Latest legal removal date") == "November 28, 2030"


def test_without_a_dofd_the_limit_is_a_labelled_estimate() -> None:
    query = {key: value for key, value in FORECLOSURE.items() if key != "dofd"}
    at = open_app(query)
    assert not at.exception
    # 2024-03-01 + 180 days = 2024-08-28, + 7 years.
    assert _milestone(at, "Latest legal removal date") == "No later than August 28, 2031 (estimate)"
    assert "Estimate of the legal outer limit" in _markdown(at)
