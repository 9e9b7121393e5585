"""The credit data files: every rule has a source, every code is known, every table complete."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from deficiency.rules import credit
from deficiency.rules.credit import DATA_DIR, CreditDataError, load_tables
from deficiency.rules.tables import load_bibliography


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    for path in DATA_DIR.glob("credit_*.csv"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def edit(directory: Path, name: str, change) -> None:
    """Rewrite one CSV: ``change(rows)`` edits the list of dict rows in place."""
    path = directory / name
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or ())
        rows = list(reader)
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields)
        writer.writeheader()
        writer.writerows(rows)


def test_packaged_tables_load() -> None:
    tables = load_tables()
    assert load_tables() is tables  # cached
    assert set(tables.status_codes) == {
        *("13", "61", "62", "63", "64", "65", "84", "89"),
        *("93", "94", "95", "96", "97"),
    }
    assert set(tables.special_comments) == {"AU", "CM", "DE"}
    # § 1681c(c)(1): a charge-off or a placement for collection, or their paid versions.
    assert tables.outer_limit_codes == {"62", "64", "93", "97"}


def test_a_copy_loads_the_same(data_dir: Path) -> None:
    assert load_tables(data_dir) == load_tables()


def test_official_code_meanings() -> None:
    """Spot-check against the CFPB Metro 2 lookups (see reference notes § 1.6 for wrong lists)."""
    codes = load_tables().status_codes
    assert codes["94"] == "Foreclosure completed; there may be a balance due"
    assert codes["95"] == "Voluntary surrender; there may be a balance due"
    assert codes["96"] == "Merchandise was repossessed; there may be a balance due"
    assert codes["97"] == "Unpaid balance reported as a loss (charge-off)"
    assert codes["64"] == "Paid in full, was a charge-off"
    assert codes["93"] == "Assigned to internal or external collections"
    assert codes["62"] == "Paid in full, was a collection account"


def test_key_rules_as_published() -> None:
    tables = load_tables()
    months = {k: (w.standard_months, w.extenuating_months) for k, w in tables.waiting.items()}
    assert months[("fannie_mae", "foreclosure")] == (84, 36)
    assert months[("fannie_mae", "short_sale")] == (48, 24)
    assert months[("fannie_mae", "deed_in_lieu")] == (48, 24)
    assert months[("fannie_mae", "charge_off")] == (48, 24)
    assert months[("fha", "foreclosure")] == (36, None)
    assert tables.waiting[("fha", "short_sale")].current_exception_months == 0
    assert months[("va", "foreclosure")] == (24, 12)
    assert months[("usda", "foreclosure")] == (36, None)
    assert (tables.periods["charge_off_limit"].years, tables.periods["charge_off_limit"].days) == (
        7,
        180,
    )
    assert tables.periods["bankruptcy_ch7"].years == 10
    assert tables.periods["bankruptcy_ch13_practice"].years == 7
    fico = tables.fico[("720", "foreclosure")]
    assert (fico.low, fico.high) == (570, 590)


def test_every_row_cites_a_known_source() -> None:
    known = set(load_bibliography().sources)
    for path in DATA_DIR.glob("credit_*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                ids = [s for s in row["source"].split(";") if s]
                assert ids, f"{path.name}: row without source: {row}"
                assert set(ids) <= known, f"{path.name}: {ids}"


def test_missing_source_is_rejected(data_dir: Path) -> None:
    def drop(rows):
        rows[0]["source"] = ""

    edit(data_dir, "credit_status_codes.csv", drop)
    with pytest.raises(CreditDataError, match="missing source"):
        load_tables(data_dir)


def test_unknown_source_is_rejected(data_dir: Path) -> None:
    def bad(rows):
        rows[3]["source"] = "crrg_faq34;nowhere"

    edit(data_dir, "credit_outcomes.csv", bad)
    with pytest.raises(CreditDataError, match="unknown source 'nowhere'"):
        load_tables(data_dir)


def test_unknown_status_code_is_rejected(data_dir: Path) -> None:
    def bad(rows):
        rows[0]["status_code"] = "99"

    edit(data_dir, "credit_outcomes.csv", bad)
    with pytest.raises(CreditDataError, match="unknown status code '99'"):
        load_tables(data_dir)


def test_unknown_special_comment_is_rejected(data_dir: Path) -> None:
    def bad(rows):
        rows[0]["special_comment"] = "ZZ"

    edit(data_dir, "credit_outcomes.csv", bad)
    with pytest.raises(CreditDataError, match="unknown special comment 'ZZ'"):
        load_tables(data_dir)


def test_code_without_plain_text_is_rejected(data_dir: Path) -> None:
    def add(rows):
        rows.append({**rows[0], "code": "05", "meaning": "Account transferred"})

    edit(data_dir, "credit_status_codes.csv", add)
    with pytest.raises(CreditDataError, match="unknown code '05'"):
        load_tables(data_dir)


def test_every_sequence_starts_at_the_sale_and_each_step_follows_an_earlier_one() -> None:
    """Step 1 is the sale or transfer (the status at least now); every later step names the
    step it follows and the event that leads to it, and no step has two next steps on the
    same event (the status now would be ambiguous)."""
    for key, rows in load_tables().outcomes.items():
        assert (rows[0].step, rows[0].after, rows[0].condition) == (1, None, "completed"), key
        for row in rows[1:]:
            assert row.after is not None and row.after < row.step, key
            assert row.condition != "completed", key


def test_later_step_without_a_step_before_is_rejected(data_dir: Path) -> None:
    def bad(rows):
        rows[1]["after"] = ""

    edit(data_dir, "credit_outcomes.csv", bad)
    with pytest.raises(CreditDataError, match="step 1 \\(and only it\\)"):
        load_tables(data_dir)


def test_unknown_condition_is_rejected(data_dir: Path) -> None:
    def bad(rows):
        rows[1]["condition"] = "sold_to_debt_buyer"

    edit(data_dir, "credit_outcomes.csv", bad)
    with pytest.raises(CreditDataError, match="condition"):
        load_tables(data_dir)


def test_two_next_steps_on_one_event_are_rejected(data_dir: Path) -> None:
    def bad(rows):
        assert (rows[2]["step"], rows[3]["step"], rows[3]["condition"]) == ("3", "4", "settled")
        rows[2]["condition"] = "settled"  # two steps after step 2, both "if settled"

    edit(data_dir, "credit_outcomes.csv", bad)
    with pytest.raises(CreditDataError, match="on the same condition"):
        load_tables(data_dir)


def test_gap_in_the_outcome_table_is_rejected(data_dir: Path) -> None:
    def drop(rows):
        rows[:] = [r for r in rows if not (r["path"] == "deed_in_lieu" and r["action"] == "none")]

    edit(data_dir, "credit_outcomes.csv", drop)
    with pytest.raises(CreditDataError, match="no outcome for"):
        load_tables(data_dir)


def test_gap_in_the_waiting_table_is_rejected(data_dir: Path) -> None:
    def drop(rows):
        rows[:] = [r for r in rows if not (r["program"] == "va" and r["event"] == "foreclosure")]

    edit(data_dir, "credit_waiting_periods.csv", drop)
    with pytest.raises(CreditDataError, match="no row for va × foreclosure"):
        load_tables(data_dir)


def test_implausible_score_is_rejected(data_dir: Path) -> None:
    def bad(rows):
        rows[0]["after_high"] = "900"

    edit(data_dir, "credit_fico_2011.csv", bad)
    with pytest.raises(CreditDataError, match="not plausible"):
        load_tables(data_dir)


def test_missing_file_is_rejected(data_dir: Path) -> None:
    (data_dir / "credit_fico_2011.csv").unlink()
    with pytest.raises(CreditDataError, match=r"credit_fico_2011\.csv: cannot read"):
        load_tables(data_dir)


def test_plain_texts_cover_exactly_the_codes() -> None:
    tables = load_tables()
    assert set(credit.STATUS_TEXT) == set(tables.status_codes)
    assert set(credit.COMMENT_TEXT) == set(tables.special_comments)
