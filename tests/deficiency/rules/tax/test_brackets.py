"""The bracket tax and the tax data files: exact to the cent, validated on load."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import numpy as np
import pytest

from deficiency.core.money import to_cents
from deficiency.core.scenario import FILING_STATUSES
from deficiency.rules import tax
from tests.support.paths import ROOT


def c(dollars: str) -> int:
    return to_cents(dollars)


def test_tables_cover_three_years_and_five_statuses() -> None:
    tables = tax.load_tables()
    assert tables.years == (2024, 2025, 2026)
    for year in tables.years:
        for status in FILING_STATUSES:
            schedule = tables.schedule(year, status)
            assert schedule.citation.startswith("Rev. Proc. ")
            assert schedule.rates_bp == (1000, 1200, 2200, 2400, 3200, 3500, 3700)
            source = tables.sources[schedule.source_ids[0]]
            assert source.url.startswith("https://www.irs.gov/pub/irs-drop/rp-")


@pytest.mark.parametrize(
    ("year", "status", "income", "expected"),
    [
        # The printed "$X plus R% of the excess over $B" at a bracket floor:
        # Rev. Proc. 2023-34 § 3.01 (2024)
        (2024, "single", "609350", "183647.25"),
        (2024, "married_joint", "731200", "196669.50"),
        (2024, "head_of_household", "609350", "181954.50"),
        (2024, "married_separate", "365600", "98334.75"),
        (2024, "surviving_spouse", "94300", "10852"),
        # Rev. Proc. 2024-40 § 2.01 (2025)
        (2025, "single", "48475", "5578.50"),
        (2025, "married_joint", "96950", "11157"),
        (2025, "married_separate", "375800", "101077.25"),
        (2025, "head_of_household", "64850", "7442"),
        (2025, "surviving_spouse", "23850", "2385"),
        # Rev. Proc. 2025-32 § 4.01 (2026)
        (2026, "single", "640600", "192979.25"),
        (2026, "married_joint", "768700", "206583.50"),
        (2026, "married_separate", "384350", "103291.75"),
        (2026, "head_of_household", "201750", "39207"),
        (2026, "surviving_spouse", "100800", "11600"),
        # One dollar over a floor adds one dollar at the next rate (hand-computed):
        (2025, "single", "48476", "5578.72"),  # 5,578.50 + 22% × 1
        (2026, "head_of_household", "17701", "1770.12"),  # 1,770 + 12% × 1
        (2024, "married_joint", "23201", "2320.12"),  # 2,320 + 12% × 1
        (2026, "married_separate", "384351", "103292.12"),  # 103,291.75 + 37% × 1
        (2025, "married_joint", "751601", "202154.87"),  # 202,154.50 + 37% × 1
        # 2025 Form 1040 Tax Computation Worksheet, line 16: income × rate − subtraction
        (2025, "single", "150000", "28847"),  # × 24% − 7,153.00
        (2025, "married_joint", "150000", "22828"),  # × 22% − 10,172.00
        (2025, "head_of_household", "150000", "27108"),  # × 24% − 8,892.00
        (2025, "married_separate", "150000", "28847"),  # × 24% − 7,153.00
        # Rounding: half a cent and more rounds up, once, at the end
        (2025, "single", "0.05", "0.01"),  # 0.5 cent
        (2025, "single", "0.04", "0"),  # 0.4 cent
        (2025, "single", "48475.25", "5578.56"),  # 5,578.50 + 5.5 cents
        (2025, "single", "0", "0"),
    ],
)
def test_federal_tax_at_boundaries(year: int, status: str, income: str, expected: str) -> None:
    assert tax.federal_tax(c(income), status, year) == c(expected)


def test_negative_income_is_taxed_as_zero() -> None:
    assert tax.federal_tax(-c("1000"), "single", 2025) == 0


def test_vectorized_equals_scalar() -> None:
    incomes = np.array([0, 1, 5, 1_192_500, 4_847_525, 15_000_000, 10**10], dtype=np.int64)
    for status in FILING_STATUSES:
        for year in (2024, 2025, 2026):
            many = tax.federal_tax(incomes, status, year)
            assert many.dtype == np.int64
            assert many.tolist() == [tax.federal_tax(int(x), status, year) for x in incomes]
            assert isinstance(tax.federal_tax(int(incomes[3]), status, year), int)


def test_extra_tax_and_marginal_rate() -> None:
    # 2025 single: tax(50,000) = 5,578.50 + 22% × 1,525 = 5,914.00;
    # tax(40,000) = 1,192.50 + 12% × 28,075 = 4,561.50; difference 1,352.50.
    assert tax.extra_tax(c("40000"), c("10000"), "single", 2025) == c("1352.50")
    many = tax.extra_tax(np.array([c("40000")] * 2), np.array([0, c("10000")]), "single", 2025)
    assert many.tolist() == [0, c("1352.50")]
    assert tax.marginal_rate_bp(0, "single", 2025) == 1000
    assert tax.marginal_rate_bp(c("48475"), "single", 2025) == 1200  # last dollar at 12%
    assert tax.marginal_rate_bp(c("48475.01"), "single", 2025) == 2200
    assert tax.marginal_rate_bp(np.array([0, c("1000000")]), "single", 2026).tolist() == [
        1000,
        3700,
    ]
    assert [tax.format_rate(r) for r in (1000, 2200, 3700, 1250, 1205)] == [
        "10%",
        "22%",
        "37%",
        "12.5%",
        "12.05%",
    ]


def test_unknown_year_is_an_error_and_assess_falls_back() -> None:
    with pytest.raises(ValueError, match="no 'single' brackets for 2019"):
        tax.federal_tax(100, "single", 2019)
    tables = tax.load_tables()
    assert [tables.bracket_year(y) for y in (2010, 2024, 2025, 2026, 2030)] == [
        2024,
        2024,
        2025,
        2026,
        2026,
    ]


def test_rules_from_the_data() -> None:
    tables = tax.load_tables()
    assert tables.cents("form_1099c_threshold") == c("600")
    assert tables.cents("sec121_limit") == c("250000")
    assert tables.cents("sec121_limit_joint") == c("500000")
    assert tables.cents("qpri_limit", dt.date(2025, 12, 31)) == c("750000")
    assert tables.cents("qpri_limit_mfs", dt.date(2021, 1, 1)) == c("375000")
    assert tables.cents("qpri_limit", dt.date(2020, 12, 31)) == c("2000000")
    window = tables.rule("qpri_window")
    assert window is not None
    assert (window.valid_from, window.valid_to) == (dt.date(2007, 1, 1), dt.date(2025, 12, 31))
    assert tables.rule("qpri_limit", dt.date(2026, 1, 1)) is None
    assert sorted(tables.event_codes) == list("ABCDEFGH")
    assert sorted(tax.BOX6_STEPS) == sorted(tax.EVENT_CODES) == list("ABCDEFGH")
    assert all(
        step.startswith(f"Box 6 (identifiable event) is usually code {code}")
        for code, step in tax.BOX6_STEPS.items()
    )
    assert all(rule.citation and rule.source_ids for rule in tables.rules)


def test_no_file_is_read_at_import() -> None:
    code = "import deficiency.rules.tax as t; assert t.load_tables.cache_info().currsize == 0"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


# -- validation of the data files ----------------------------------------------------------
def _texts(**changes: tuple[str, str]) -> dict[str, str]:
    texts = tax.read_data_texts()
    for key, (old, new) in changes.items():
        assert old in texts[key], old
        texts[key] = texts[key].replace(old, new, 1)
    return texts


def test_the_shipped_files_parse() -> None:
    tables = tax.parse_tables(tax.read_data_texts())
    assert len(tables.schedules) == 15


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"brackets": ("5578.50", "5578.60")}, "does not follow from the rates"),
        ({"brackets": ("48475,5578.50", "48476,5578.50")}, "must be whole dollars|follow"),
        ({"brackets": ("rp_2024_40", "rp_unknown")}, "unknown source"),
        (
            {"brackets": ("2025,head_of_household", "2025,single_parent")},
            "filing_status: .single_parent. is not one of",
        ),
        ({"brackets": ("year,filing_status", "yr,filing_status")}, "columns"),
        ({"rules": ("qpri_limit,750000,2021-01-01", "qpri_limit,750000,2021-02-01")}, "one value"),
        ({"rules": ("form_1099c_threshold,600", "form_1099c_threshold,6x0")}, "not a number"),
        ({"rules": ("sec121_limit_joint,", "sec121_limit_both,")}, "missing rule"),
        ({"event_codes": ("F,By agreement", "F,By contract")}, "meaning differs"),
        ({"event_codes": ("H,Other", "I,Other")}, "code: .I. is not one of"),
        (
            {"sources": ("https://www.irs.gov/publications/p544", "irs.gov/p544")},
            "not a web address",
        ),
    ],
)
def test_bad_data_is_rejected(changes: dict[str, tuple[str, str]], message: str) -> None:
    with pytest.raises(tax.TaxDataError, match=message):
        tax.parse_tables(_texts(**changes))


def test_surviving_spouse_must_use_the_joint_table() -> None:
    """IRC § 1(j)(2)(A): one table for joint returns and surviving spouses. (The top rate
    is the one change the printed-amount check cannot see.)"""
    texts = _texts(brackets=("2026,surviving_spouse,3700", "2026,surviving_spouse,3800"))
    with pytest.raises(tax.TaxDataError, match="surviving_spouse must equal joint"):
        tax.parse_tables(texts)
