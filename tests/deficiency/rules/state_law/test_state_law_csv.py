"""The data files: the validator rejects broken rows; deadlines count calendar months right."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from deficiency.core.scenario import STATE_CODES
from deficiency.rules import state_law as sl

Rows = list[dict[str, str]]


def packaged(name: str) -> str:
    return (
        resources.files("deficiency.rules.state_law")
        .joinpath("data", name)
        .read_text(encoding="utf-8")
    )


def rows_of(name: str) -> tuple[list[str], Rows]:
    reader = csv.DictReader(io.StringIO(packaged(name)))
    return list(reader.fieldnames or []), list(reader)


def write(tmp_path: Path, name: str, columns: list[str], rows: Rows) -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def by_code(rows: Rows, code: str) -> dict[str, str]:
    return next(row for row in rows if row["code"] == code)


def test_packaged_files_are_valid() -> None:
    rules = sl.load_rules()
    assert list(rules) == list(STATE_CODES)
    assert all(rule.verified == dt.date(2026, 12, 1) for rule in rules.values())
    auto = sl.load_auto_rules()
    assert set(auto) == set(STATE_CODES)
    assert sum(len(found) for found in auto.values()) == 15


def test_unchanged_copy_loads_through_the_validator(tmp_path: Path) -> None:
    columns, rows = rows_of("state_law.csv")
    assert sl.read_rules(write(tmp_path, "state_law.csv", columns, rows)) == sl.load_rules()


Breakage = Callable[[Rows], None]


def _blank(code: str, column: str) -> Breakage:
    def change(rows: Rows) -> None:
        by_code(rows, code)[column] = ""

    return change


def _set(code: str, column: str, value: str) -> Breakage:
    def change(rows: Rows) -> None:
        by_code(rows, code)[column] = value

    return change


def _duplicate(rows: Rows) -> None:
    rows.append(dict(by_code(rows, "TX")))


def _drop(rows: Rows) -> None:
    rows.remove(by_code(rows, "WY"))


BROKEN: list[tuple[str, Breakage, str]] = [
    ("missing citation", _blank("CA", "citation"), "CA): citation: is required"),
    ("missing rule citation", _blank("CA", "nonjudicial_citation"), "nonjudicial_citation"),
    ("missing source", _blank("NY", "source"), "source: missing source"),
    ("source not in the bibliography", _set("NY", "source", "nolo_x"), "unknown source 'nolo_x'"),
    ("an address for a source id", _set("NY", "source", "https://x.org"), "unknown source"),
    ("missing verified date", _blank("TX", "verified"), "verified: is required"),
    ("bad verified date", _set("TX", "verified", "26/11/2026"), "not an ISO date"),
    ("unknown bar scope", _set("WA", "bar_nonjudicial", "sometimes"), "'sometimes' is not one of"),
    ("unknown fair value", _set("TX", "fair_value", "debt_minus_guess"), "fair_value"),
    ("unknown process", _set("AL", "usual_process", "mediation"), "usual_process"),
    ("unknown unit", _set("AZ", "deadline_unit", "weeks"), "deadline_unit"),
    ("unknown note code", _set("NV", "notes", "assignee_cap;vibes"), "'vibes' is not one of"),
    ("unknown confidence", _set("AL", "confidence", "probably"), "confidence"),
    ("unknown state code", _set("AL", "code", "XX"), "'XX' is not one of"),
    ("duplicate jurisdiction", _duplicate, "appears twice"),
    ("missing jurisdiction", _drop, "missing jurisdictions: WY"),
    ("half a deadline", _blank("AZ", "deadline_unit"), "deadline_unit: is required"),
    ("dwelling rule without limits", _blank("AZ", "max_acres"), None),
    ("misaligned note citations", _set("NV", "notes_citation", "a|b|c"), "3 citations for 2"),
    ("trustee bar where none exist", _set("FL", "bar_nonjudicial", "all"), "nonjudicial_available"),
    ("bad unit count", _set("AZ", "max_units", "two"), "not a positive whole number"),
    ("loan date without a bar", _set("TX", "bar_loans_from", "2009-10-01"), "bar_loans_from"),
]  # fmt: skip


@pytest.mark.parametrize(("label", "breakage", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_rows_are_rejected(
    tmp_path: Path, label: str, breakage: Breakage, expected: str | None
) -> None:
    columns, rows = rows_of("state_law.csv")
    breakage(rows)
    path = write(tmp_path, "state_law.csv", columns, rows)
    if expected is None:
        # Arizona keeps max_units (2), so dropping the acreage alone is still valid data:
        # the rule then covers any acreage. It must load, and cover a 10-acre home.
        rule = sl.read_rules(path)["AZ"]
        assert rule.max_acres is None
        return
    with pytest.raises(sl.StateLawDataError) as error:
        sl.read_rules(path)
    assert expected in str(error.value), label


def test_dwelling_rule_needs_a_limit(tmp_path: Path) -> None:
    columns, rows = rows_of("state_law.csv")
    by_code(rows, "AZ")["max_units"] = ""
    by_code(rows, "AZ")["max_acres"] = ""
    with pytest.raises(sl.StateLawDataError, match="dwelling rule needs"):
        sl.read_rules(write(tmp_path, "state_law.csv", columns, rows))


def test_missing_column_is_rejected(tmp_path: Path) -> None:
    columns, rows = rows_of("state_law.csv")
    columns = [c for c in columns if c != "source"]
    for row in rows:
        del row["source"]
    with pytest.raises(sl.StateLawDataError, match=r"missing: \['source'\]"):
        sl.read_rules(write(tmp_path, "state_law.csv", columns, rows))


def test_broken_auto_rows_are_rejected(tmp_path: Path) -> None:
    columns, rows = rows_of("auto_rules.csv")
    good = [dict(row) for row in rows]
    assert (
        sl.read_auto_rules(write(tmp_path, "auto_rules.csv", columns, good)) == sl.load_auto_rules()
    )

    cases: list[tuple[str, str, str, str]] = [
        ("WI", "measure", "vibes", "'vibes' is not one of"),
        ("WI", "threshold", "1000.001", "more than 2 decimals"),
        ("WI", "citation", "", "citation: is required"),
        ("WI", "source", "", "source: missing source"),
        ("WI", "source", "wi_statute", "unknown source 'wi_statute'"),
        ("WI", "verified", "", "verified: is required"),
    ]
    for code, column, value, expected in cases:
        broken = [dict(row) for row in rows]
        next(row for row in broken if row["code"] == code)[column] = value
        with pytest.raises(sl.StateLawDataError) as error:
            sl.read_auto_rules(write(tmp_path, "auto_rules.csv", columns, broken))
        assert expected in str(error.value), (column, value)


@pytest.mark.parametrize(
    ("start", "amount", "unit", "expected"),
    [
        (dt.date(2025, 11, 30), 3, "months", dt.date(2026, 2, 28)),  # no Feb 30
        (dt.date(2023, 11, 30), 3, "months", dt.date(2024, 2, 29)),  # leap year
        (dt.date(2026, 1, 31), 1, "months", dt.date(2026, 2, 28)),
        (dt.date(2026, 3, 31), 6, "months", dt.date(2026, 9, 30)),
        (dt.date(2025, 8, 31), 6, "months", dt.date(2026, 2, 28)),
        (dt.date(2026, 12, 15), 3, "months", dt.date(2027, 3, 15)),  # across a year end
        (dt.date(2024, 2, 29), 1, "years", dt.date(2025, 2, 28)),
        (dt.date(2024, 2, 29), 4, "years", dt.date(2028, 2, 29)),
        (dt.date(2026, 1, 15), 90, "days", dt.date(2026, 4, 15)),
        (dt.date(2024, 2, 1), 30, "days", dt.date(2024, 3, 2)),  # 29-day February
    ],
)
def test_add_period(start: dt.date, amount: int, unit: str, expected: dt.date) -> None:
    assert sl.add_period(start, amount, unit) == expected


def test_add_period_rejects_unknown_units() -> None:
    with pytest.raises(ValueError):
        sl.add_period(dt.date(2026, 1, 1), 1, "weeks")
