"""The one CSV reader every rule table goes through."""

from __future__ import annotations

import pytest

from deficiency.counselor import help, letter
from deficiency.rules import credit, state_law, tax
from deficiency.rules.tables import DataFileError, amount_cell, read_rows


def test_rows_are_numbered_and_stripped() -> None:
    rows = read_rows("a,b\n 1 , x\n2,y\n", "t.csv", ("a", "b"))
    assert rows == [(2, {"a": "1", "b": "x"}), (3, {"a": "2", "b": "y"})]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a,c\n1,2\n", r"missing: \['b'\]; unexpected: \['c'\]"),
        ("a,b\n1,2,3\n", "line 2: wrong number of fields"),
        ("a,b\n1\n", "line 2: wrong number of fields"),
        ("a,b\n", "no rows"),
    ],
)
def test_malformed_tables_fail_with_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        read_rows(text, "t.csv", ("a", "b"))


def test_each_module_raises_its_own_error_class() -> None:
    for error in (
        tax.TaxDataError,
        letter.LetterDataError,
        help.HelpDataError,
        credit.CreditDataError,
        state_law.StateLawDataError,
    ):
        with pytest.raises(error):
            read_rows("x\n", "t.csv", ("a",), error)
        assert issubclass(error, DataFileError)


@pytest.mark.parametrize("text", ["-1", "1.005", "abc", "NaN"])
def test_amount_cells_are_dollars_and_cents(text: str) -> None:
    with pytest.raises(DataFileError):
        amount_cell(text, "t.csv line 2")
