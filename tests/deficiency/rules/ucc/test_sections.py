"""Article 9 as each state enacted it: the table of sections and how rules cite it (issue 13)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from deficiency.core.scenario import STATE_CODES
from deficiency.rules import ucc
from deficiency.rules.tables import DataFileError

HEADER = "state,section,citation,heading,url,verified,note,consumer_transactions\n"
UNIFORM = "".join(
    f",{n},UCC § {n},H,https://www.law.cornell.edu/ucc/9/{n},2026-12-01,n,"
    + ("left_to_courts" if n == "9-626" else "")
    + "\n"
    for n in ucc.SECTIONS
)


def test_the_table_has_the_uniform_text_and_only_states_own_codes() -> None:
    rows = ucc.load_sections()
    for number in ucc.SECTIONS:
        uniform = rows[("", number)]
        assert uniform.url == f"https://www.law.cornell.edu/ucc/9/{number}"
        assert uniform.citation == f"UCC § {number}"
    for (state, number), row in rows.items():
        assert row.verified == dt.date(2026, 12, 1), (state, number)
        assert row.url.startswith("https://") and row.note
        if state != "NY":
            assert "nysenate" not in row.url and "N.Y." not in row.citation, (state, number)
    assert rows[("OH", "9-615")].citation == "Ohio Rev. Code § 1309.615"
    assert rows[("OH", "9-615")].url == "https://codes.ohio.gov/ohio-revised-code/section-1309.615"


def test_a_state_without_a_row_falls_back_to_the_uniform_text() -> None:
    for code in STATE_CODES:
        for number in ucc.SECTIONS:
            row = ucc.section(number, code)
            assert row.state in (code, ""), (code, number)
    assert ucc.section("9-616", "KS").state == ""
    assert ucc.section("9-616", None) == ucc.load_sections()[("", "9-616")]
    with pytest.raises(ValueError, match="9-999"):
        ucc.section("9-999", "OH")


def test_citations_keep_the_uniform_pinpoint_and_add_the_states_section() -> None:
    assert ucc.cite("UCC § 9-615(f)", "9-615", "OH") == "UCC § 9-615(f); Ohio Rev. Code § 1309.615"
    assert ucc.cite("UCC § 9-616", "9-616", "VT") == "UCC § 9-616; 9A V.S.A. § 9-616"
    assert ucc.cite("UCC § 9-616", "9-616", "KS") == "UCC § 9-616"
    assert ucc.cite("UCC § 9-616", "9-616", None) == "UCC § 9-616"
    ohio = ucc.sources("OH")
    assert set(ohio) == {"ucc_9_615", "ucc_9_616", "ucc_9_625", "ucc_9_626"}
    assert ohio["ucc_9_626"].title.startswith("Ohio Rev. Code § 1309.626, ")


@pytest.mark.parametrize(
    ("rows", "error"),
    [
        ("XX,9-615,C,H,https://x.org,2026-12-01,n,\n", "state: .XX. is not one of"),
        ("OH,9-999,C,H,https://x.org,2026-12-01,n,\n", "section"),
        ("OH,9-615,,H,https://x.org,2026-12-01,n,\n", "citation: is required"),
        ("OH,9-615,C,H,http://x.org,2026-12-01,n,\n", "not an https URL"),
        ("OH,9-615,C,H,https://x.org,12/01/2026,n,\n", "not an ISO date"),
        ("OH,9-615,C,H,https://x.org,2026-12-01,,\n", "note: is required"),
        (
            "OH,9-615,C,H,https://x.org,2026-12-01,n,\nOH,9-615,C,H,https://x.org,2026-12-01,n,\n",
            "duplicate",
        ),
        ("OH,9-626,C,H,https://x.org,2026-12-01,n,\n", "consumer_transactions: is required"),
        ("OH,9-615,C,H,https://x.org,2026-12-01,n,included\n", "consumer_transactions"),
        ("OH,9-626,C,H,https://x.org,2026-12-01,n,sometimes\n", "is not one of"),
    ],
)
def test_bad_rows_are_rejected_with_their_line(rows: str, error: str) -> None:
    with pytest.raises(ucc.UccDataError, match=error):
        ucc.parse_sections(HEADER + UNIFORM + rows)
    assert issubclass(ucc.UccDataError, DataFileError)


def test_the_uniform_text_is_required_for_every_section() -> None:
    without = "".join(line + "\n" for line in UNIFORM.splitlines() if ",9-625," not in line)
    with pytest.raises(ucc.UccDataError, match="no uniform-text row for 9-625"):
        ucc.parse_sections(HEADER + without)


def test_no_file_is_read_at_import_time() -> None:
    code = (
        "import deficiency.rules.ucc as u, deficiency.rules.state_law, "
        "deficiency.counselor.letter; "
        "print(u.load_sections.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0"]
