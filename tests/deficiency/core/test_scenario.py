"""Validation: every bad value yields an error naming the key, the value and the range."""

from __future__ import annotations

from decimal import Decimal

import pytest

from deficiency.core.scenario import replace, validate
from deficiency.core.validators import ScenarioError


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("-1", "-1"),
        ("100000000.01", "100000000.01"),
        ("1.005", "1.005"),
        ("ten", "ten"),
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        (float("nan"), "nan"),
        (float("inf"), "inf"),
        ("1e5", "1e5"),
        ("٣", "٣"),
        (True, "True"),
        ([], "[]"),
    ],
)
def test_bad_amounts_name_key_value_and_range(value, shown) -> None:
    with pytest.raises(ScenarioError) as info:
        validate({"balance": value})
    (issue,) = info.value.issues
    assert issue.key == "balance"
    assert issue.value == shown
    assert "$0 to $100,000,000" in issue.text() and "2 decimals" in issue.text()


def test_limits_are_inclusive() -> None:
    assert validate({"balance": "100000000"}).balance == Decimal("100000000.00")
    assert validate({"balance": "0"}).balance == Decimal("0.00")
    assert validate({"balance": 12.5}).balance == Decimal("12.50")


def test_unknown_key_is_an_error() -> None:
    with pytest.raises(ScenarioError) as info:
        validate({"balanse": "1"})
    assert info.value.issues[0].key == "balanse"
    assert "unknown" in info.value.issues[0].text()


def test_path_must_fit_the_loan_type() -> None:
    with pytest.raises(ScenarioError) as info:
        validate({"loan": "auto", "path": "short_sale"})
    assert info.value.issues[0].key == "path"
    assert "repossession" in info.value.issues[0].text()


def test_choice_and_flag_and_date_errors() -> None:
    with pytest.raises(ScenarioError) as info:
        validate(
            {"loan": "boat", "owner_occupied": "maybe", "sale_date": "2024-02-30", "state": "XX"}
        )
    keys = {i.key: i.text() for i in info.value.issues}
    assert "mortgage | auto | other" in keys["loan"]
    assert "yes or no" in keys["owner_occupied"]
    assert "YYYY-MM-DD" in keys["sale_date"]
    assert "CA" in keys["state"]


def test_replace_resets_path_when_loan_changes() -> None:
    sc = validate({"loan": "mortgage", "path": "foreclosure"})
    assert replace(sc, loan="auto").path == "repossession"


def test_long_values_are_truncated_in_messages() -> None:
    with pytest.raises(ScenarioError) as info:
        validate({"balance": "9" * 10_000})
    assert len(info.value.issues[0].value) <= 64


def test_choices_come_from_the_schema() -> None:
    """Pages offer what the schema accepts: a code added to a Literal is offered at once."""
    from deficiency.core.scenario import INVESTORS, Scenario, choices, max_length
    from deficiency.counselor.form1099c import Form1099CInputs
    from deficiency.rules.tax import EVENT_CODES

    assert choices(Scenario, "investor") == ("", *INVESTORS)
    assert choices(Scenario, "loan") == ("mortgage", "auto", "other")
    assert choices(Scenario, "recourse") == ("", "yes", "no")
    assert choices(Form1099CInputs, "fc_code") == ("", *sorted(EVENT_CODES))
    assert max_length(Form1099CInputs, "fc_description") == 200
    for name in ("loan", "action", "score", "foreclosure", "filing_status", "bankruptcy"):
        for code in choices(Scenario, name):
            validate({name: code})  # every offered code is accepted
