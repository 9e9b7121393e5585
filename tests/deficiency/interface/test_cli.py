"""The JSON command line, as a user runs it: a subprocess with stdin and a file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.support.paths import ROOT


def run(payload: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "deficiency", "evaluate", *(args or ("-",))],
        input=payload,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_short_sale_from_stdin() -> None:
    proc = run(json.dumps({"loan": "mortgage", "balance": 250000, "sale_price": 200000}))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["deficiency"] == "50000.00"
    assert out["surplus"] == "0.00"
    assert out["borrower_owes"] == "50000.00"
    assert out["input"]["balance"] == "250000.00"
    assert out["input"]["path"] == "short_sale"
    assert out["items"][-1] == {
        "key": "deficiency",
        "label": "Deficiency balance",
        "amount": "50000.00",
        "sign": 0,
    }


def test_car_example_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "car.json"
    path.write_text(
        '{"loan": "auto", "balance": "10000", "sale_price": 8500.00, "legal_fees": 500}'
    )
    proc = run("", str(path))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["deficiency"] == "2000.00"
    assert out["total_owed"] == "10500.00"
    assert out["applied"] == "8500.00"


def test_invalid_input_exit_2_one_line_per_key_nothing_on_stdout() -> None:
    proc = run('{"balance": -5, "interest": 1.001, "sale_price": NaN, "colour": "red"}')
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "sale_price" in proc.stderr or "NaN" in proc.stderr


def test_each_bad_key_named_on_its_own_line() -> None:
    proc = run('{"balance": -5, "interest": 1.001, "late_fees": "1e9", "colour": "red"}')
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert sorted(line.split(":")[0] for line in lines) == [
        "balance",
        "colour",
        "interest",
        "late_fees",
    ]


def test_settlement_above_deficiency_exit_2() -> None:
    proc = run('{"loan": "auto", "balance": 2000, "action": "settle", "settlement": 2000.01}')
    assert proc.returncode == 2
    assert proc.stderr.startswith("settlement:")


def test_not_an_object_or_not_json() -> None:
    assert run("[1, 2]").returncode == 2
    assert run("{not json").returncode == 2
