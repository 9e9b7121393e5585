"""Help routing, relocation money and the FHA short-sale price check.

Short-sale boundaries are worked by hand from HUD's minimum net sale proceeds (88 percent
of the as-is value in days 1-30 of marketing, 86 percent in days 31-60, 84 percent after),
with an as-is value of $200,000.00: minimums $176,000.00, $172,000.00 and $168,000.00.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import numpy as np
import pytest

from deficiency import validate
from deficiency.core.analysis import analyze
from deficiency.counselor import help as helpme
from deficiency.counselor.help import messages as help_text
from deficiency.counselor.help.fha_pfs import PfsCsv
from deficiency.counselor.help.relocation import RelocationCsv
from deficiency.counselor.help.resources import HelpRow
from deficiency.rules.tables import CONFIDENCES, columns_of

TODAY = dt.date(2026, 11, 26)
VALUE = 20_000_000  # $200,000.00 as-is


def resources(items: list[helpme.HelpItem]) -> list[str]:
    return [item.resource for item in items]


# -- the data ------------------------------------------------------------------------------
def test_help_table_is_complete_and_sourced() -> None:
    items = helpme.load_resources()
    assert {item.situation for item in items} == set(helpme.SITUATIONS)
    assert {item.resource for item in items} == set(helpme.RESOURCE_NAMES)
    assert {item.note.msgid for item in items} == set(helpme.NOTE_TEXT.values())
    for item in items:
        assert item.source_url.startswith("http")
        assert item.source_title
        assert item.confidence in CONFIDENCES
    urls = {item.resource: item.url for item in items}
    assert urls["hud_counselor"] == "https://www.consumerfinance.gov/find-a-housing-counselor/"
    assert urls["litc"] == "https://www.taxpayeradvocate.irs.gov/litc/"
    assert urls["lawhelp"] == "https://www.lawhelp.org"


HEADER = ",".join(columns_of(HelpRow))
GOOD = "sued,lawhelp,https://www.lawhelp.org,,legal_aid_directory,help_lawhelp,confirmed"


@pytest.mark.parametrize(
    "row",
    [
        GOOD.replace("sued,", "bored,", 1),
        GOOD.replace("lawhelp,", "nobody,", 1),
        GOOD.replace("legal_aid_directory", "no_note"),
        GOOD.replace(",help_lawhelp,", ",,"),
        GOOD.replace(",help_lawhelp,", ",nowhere,"),
        GOOD.replace(",,legal", ",call me,legal"),
        GOOD.replace("confirmed", "maybe"),
        GOOD.replace("https://www.lawhelp.org", "www.lawhelp.org"),
    ],
)
def test_help_table_rejects_bad_rows(row: str) -> None:
    assert helpme.parse_resources(f"{HEADER}\n{GOOD}\n")  # the good row parses
    with pytest.raises(helpme.HelpDataError):
        helpme.parse_resources(f"{HEADER}\n{row}\n")


def test_help_table_needs_its_columns() -> None:
    with pytest.raises(helpme.HelpDataError):
        helpme.parse_resources("situation,resource\nsued,lawhelp\n")


# -- routing -------------------------------------------------------------------------------
def test_collectible_deficiency_routes_to_answer_deadline_and_legal_aid() -> None:
    found = analyze(
        validate(
            {
                "path": "foreclosure",
                "state": "TX",
                "balance": "300000",
                "sale_price": "250000",
                "sale_date": "2026-03-15",
            }
        ),
        TODAY,
    )
    assert found.owes > 0
    assert helpme.situations_for(found, TODAY) == ("sued", "scam")
    items = helpme.help_for(found, TODAY)
    assert resources(items)[:3] == ["answer_deadline", "lawhelp", "lsc"]
    assert "hud_counselor" not in resources(items)  # the sale is over
    deadline = items[0]
    assert "20 to 30 days" in deadline.note.msgid
    assert "summons" in deadline.note.msgid


def test_mortgage_still_in_default_routes_to_a_hud_counselor_and_scam_warnings() -> None:
    found = analyze(
        validate({"path": "short_sale", "state": "CA", "balance": "250000", "sale_price": "0"}),
        TODAY,
    )
    situations = helpme.situations_for(found, TODAY)
    assert "default" in situations and "scam" in situations
    names = resources(helpme.help_for(found, TODAY))
    assert names.index("hud_counselor") < names.index("ftc_mars")
    assert {"hud_counselor", "hud_phone", "ftc_mars", "cfpb_scam", "fdic_deed"} <= set(names)
    future_sale = analyze(
        validate({"path": "foreclosure", "balance": "1", "sale_date": "2027-01-05"}), TODAY
    )
    assert "default" in helpme.situations_for(future_sale, TODAY)


def test_car_loan_1099c_routes_to_a_clinic_or_paid_preparer_not_a_counselor() -> None:
    car: dict[str, Any] = {
        "loan": "auto",
        "path": "repossession",
        "balance": "10000",
        "sale_price": "8500",
        "legal_fees": "500",
        "action": "forgive",
    }
    found = analyze(validate(car), TODAY)
    assert found.tax.form_1099c_expected
    assert helpme.situations_for(found, TODAY) == ("cancelled_debt",)
    items = helpme.help_for(found, TODAY)
    assert resources(items) == ["litc", "vita_scope", "paid_preparer"]
    vita = items[1]
    assert vita.url == "https://www.irs.gov/vita"
    assert "car loan" in vita.note.msgid
    assert vita.confidence == "confirmed"


def test_explicit_situations_override_and_unknown_ones_fail() -> None:
    found = analyze(validate({"loan": "auto", "balance": "0"}), TODAY)
    assert helpme.situations_for(found, TODAY) == ()
    assert helpme.help_for(found, TODAY) == []
    chosen = helpme.help_for(found, TODAY, situations=["scam", "sued"])
    assert [item.situation for item in chosen][:3] == ["sued", "sued", "sued"]
    assert resources(chosen)[-1] == "fdic_deed"
    with pytest.raises(ValueError):
        helpme.help_for(found, TODAY, situations=["lost"])


# -- relocation ----------------------------------------------------------------------------
def test_relocation_help_by_program_and_path() -> None:
    deed = validate({"path": "deed_in_lieu", "balance": "1"})
    fannie = helpme.relocation_help(deed)
    assert fannie is not None
    assert fannie.cents == 750_000  # Fannie Mae Mortgage Release: up to $7,500
    assert fannie.confidence == "confirmed"
    assert fannie.program_assumed
    assert fannie.summary.money == {"amount": 750_000}
    assert help_text.MSG_RELOCATION_ASSUMED in [c.msgid for c in fannie.conditions]

    short = validate({"path": "short_sale", "balance": "1"})
    old = helpme.relocation_help(short, "fannie_mae")
    assert old is not None and old.cents == 300_000 and old.confidence == "unconfirmed"
    assert not old.program_assumed
    fha = helpme.relocation_help(short, "fha")
    assert fha is not None and fha.cents == 100_000


def test_no_relocation_help_after_foreclosure_or_repossession() -> None:
    assert helpme.relocation_help(validate({"path": "foreclosure"})) is None
    assert helpme.relocation_help(validate({"loan": "auto"})) is None
    assert helpme.relocation_help(validate({"path": "deed_in_lieu"}), "fha") is None
    assert helpme.relocation_help(validate({"path": "deed_in_lieu"}), "va") is None


def test_relocation_table_rejects_bad_rows() -> None:
    header = ",".join(columns_of(RelocationCsv))
    good = "fha,short_sale,1000.00,up_to,relocation_fha_short_sale,confirmed"
    assert helpme.parse_relocation(f"{header}\n{good}\n")
    for bad in (
        good.replace("1000.00", "10.005"),
        good.replace("1000.00", "0"),
        good.replace("up_to", "maybe"),
        good.replace("fha,", "bank,", 1),
        good.replace("short_sale", "foreclosure"),
        f"{good}\n{good}",
    ):
        with pytest.raises(helpme.HelpDataError):
            helpme.parse_relocation(f"{header}\n{bad}\n")


# -- FHA short-sale check ----------------------------------------------------------------------
def short_sale(price: str, costs: str = "0") -> Any:
    return validate(
        {"path": "short_sale", "balance": "250000", "sale_price": price, "sale_costs": costs}
    )


@pytest.mark.parametrize(
    ("days", "bp", "minimum"),
    [
        (None, 8800, 17_600_000),
        (1, 8800, 17_600_000),
        (30, 8800, 17_600_000),
        (31, 8600, 17_200_000),
        (60, 8600, 17_200_000),
        (61, 8400, 16_800_000),
        (400, 8400, 16_800_000),
    ],
)
def test_minimum_by_days_on_the_market(days: int | None, bp: int, minimum: int) -> None:
    check = helpme.short_sale_check(short_sale("200000"), VALUE, 3, days_marketed=days)
    assert check.min_net_bp == bp
    assert check.minimum_net_cents == minimum
    assert not check.likely_rejected


def test_exactly_the_minimum_passes_one_cent_less_is_likely_rejected() -> None:
    at = helpme.short_sale_check(short_sale("176000.00"), VALUE, 3)
    below = helpme.short_sale_check(short_sale("175999.99"), VALUE, 3)
    assert not at.likely_rejected
    assert at.verdict.msgid == help_text.MSG_PFS_MEETS
    assert below.likely_rejected
    assert below.verdict.msgid == help_text.MSG_PFS_REJECT
    assert below.verdict.money["price"] == 17_600_000
    assert "likely to reject" in below.verdict.text()
    assert help_text.MSG_PFS_DAYS_UNKNOWN in [n.msgid for n in below.notes]


def test_sale_costs_come_off_the_price() -> None:
    # $188,000 − $12,000 costs = $176,000 net: exactly 88 percent.
    check = helpme.short_sale_check(short_sale("188000", "12000"), VALUE, 3, days_marketed=10)
    assert check.net_proceeds_cents == 17_600_000
    assert not check.likely_rejected
    assert check.minimum_price_cents == 18_800_000
    rejected = helpme.short_sale_check(short_sale("187999.99", "12000"), VALUE, 3, days_marketed=10)
    assert rejected.likely_rejected


def test_minimum_rounds_up_to_the_cent() -> None:
    # 88 percent of $100,000.01 = $88,000.0088: $88,000.00 falls short, $88,000.01 meets it.
    assert helpme.pfs_minimum_net(10_000_001, 8800) == 8_800_001
    assert not helpme.pfs_meets(8_800_000, 10_000_001, 8800)
    assert helpme.pfs_meets(8_800_001, 10_000_001, 8800)
    values = np.array([10_000_001, VALUE], dtype=np.int64)
    assert helpme.pfs_minimum_net(values, 8800).tolist() == [8_800_001, 17_600_000]
    assert helpme.pfs_meets(np.array([8_800_000, 17_600_000]), values, 8800).tolist() == [
        False,
        True,
    ]


def test_short_sale_check_notes_and_errors() -> None:
    check = helpme.short_sale_check(short_sale("200000"), VALUE, 0, days_marketed=90)
    ids = [note.msgid for note in check.notes]
    assert ids[0] == help_text.MSG_PFS_TIER_OPEN
    assert help_text.MSG_PFS_DEFAULT in ids  # not yet in default
    assert help_text.MSG_PFS_FHA_ONLY in ids
    assert check.source_url.startswith("http")
    assert check.confidence == "unconfirmed"
    with pytest.raises(ValueError):
        helpme.short_sale_check(short_sale("1"), 0, 3)
    with pytest.raises(ValueError):
        helpme.short_sale_check(short_sale("1"), VALUE, -1)
    with pytest.raises(ValueError):
        helpme.short_sale_check(short_sale("1"), VALUE, 3, days_marketed=0)


def test_pfs_table_rejects_gaps_and_rising_minimums() -> None:
    header = ",".join(columns_of(PfsCsv))
    src = "hud_nsc_pfs_faq,confirmed"
    good = f"fha,1,30,8800,{src}\nfha,31,,8600,{src}"
    assert len(helpme.parse_pfs(f"{header}\n{good}\n")) == 2
    for bad in (
        f"fha,1,30,8800,{src}\nfha,32,,8600,{src}",  # gap
        f"fha,1,30,8600,{src}\nfha,31,,8800,{src}",  # rises
        f"fha,2,30,8800,{src}\nfha,31,,8600,{src}",  # not from day 1
        f"fha,1,30,8800,{src}",  # no open last tier
        f"va,1,,8800,{src}",
    ):
        with pytest.raises(helpme.HelpDataError):
            helpme.parse_pfs(f"{header}\n{bad}\n")


def test_nothing_is_read_at_import_time() -> None:
    code = (
        "import deficiency.counselor.help as h, deficiency.rules.liens, deficiency.core.delay, "
        "deficiency.outputs.casenote;"
        "print(h.load_resources.cache_info().currsize, h.load_relocation.cache_info().currsize,"
        " h.load_pfs.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0", "0"]


# -- issue 13: every sentence follows the facts entered -------------------------------------
def test_lawsuit_help_is_conditional_when_no_lawsuit_was_entered() -> None:
    """The scenario has no "I was served" fact: a collectible deficiency makes a lawsuit
    possible, so the help says what to do *if* one is served, never "read the summons now"."""
    found = analyze(
        validate({"path": "short_sale", "state": "TX", "balance": "250000", "sale_price": "0"}),
        TODAY,
    )
    assert found.owes > 0
    items = helpme.help_for(found, TODAY)
    deadline = next(item for item in items if item.resource == "answer_deadline")
    assert deadline.name.text() == "If you are served with a lawsuit"
    assert deadline.note.text().startswith(
        "The lender may sue you for what is still owed. If you are served, read the summons"
    )
    shown = " ".join(f"{item.name.text()} {item.note.text()}" for item in items)
    assert "read the summons now" not in shown.lower()
    assert "answer the lawsuit" not in shown
    # Nothing to collect (the lender forgives): no lawsuit help at all.
    forgiven = analyze(
        validate({"path": "short_sale", "state": "TX", "balance": "250000", "action": "forgive"}),
        TODAY,
    )
    assert "answer_deadline" not in resources(helpme.help_for(forgiven, TODAY))


def test_relocation_help_names_the_path_of_each_figure() -> None:
    """Fannie Mae's $3,000 (short sale) and $7,500 (deed in lieu) are two paths, not two
    figures for "this sale"."""
    short = helpme.relocation_help(validate({"path": "short_sale"}), "fannie_mae")
    deed = helpme.relocation_help(validate({"path": "deed_in_lieu"}), "fannie_mae")
    assert short is not None and deed is not None
    assert short.summary.text() == (
        "If Fannie Mae owns or insures your loan, you may get up to $3,000.00 to help you move "
        "after a short sale."
    )
    assert deed.summary.text() == (
        "If Fannie Mae owns or insures your loan, you may get up to $7,500.00 to help you move "
        "after a deed in lieu of foreclosure."
    )
    fha = helpme.relocation_help(validate({"path": "short_sale"}), "fha")
    assert fha is not None and "after a short sale" in fha.summary.text()
