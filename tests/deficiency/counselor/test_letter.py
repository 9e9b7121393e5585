"""Deficiency letter check: hand-worked letters, the data file, links and hostile input.

Every expected amount is a literal worked by hand in the order of UCC § 9-616(c): (1) the
amount owed, minus (2) the proceeds, plus (4) expenses, minus (5) credits, gives (6). The
comment next to each letter shows the arithmetic.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency.core.validators import (
    MSG_AMOUNT,
    MSG_BOOL,
    MSG_INT,
    MSG_UNKNOWN,
    ScenarioError,
    short,
)
from deficiency.counselor import letter as lt
from deficiency.counselor.letter import (
    LETTER_DEFAULTS,
    LETTER_KEYS,
    LetterDataError,
    LetterInputs,
    check_letter,
    decode_letter,
    encode_letter,
    validate_letter,
)
from deficiency.counselor.letter import inputs as lt_inputs
from deficiency.counselor.letter import messages as lt_text
from deficiency.rules.ucc import section
from deficiency.text.markers import Message

# Without a state, the flags cite the uniform text of Article 9 (issue 13).
UCC_SOURCE_615 = section("9-615", None).url
UCC_SOURCE_616 = section("9-616", None).url
UCC_SOURCE_625 = section("9-625", None).url
UCC_SOURCE_626 = section("9-626", None).url

# The hand-worked letters (their arithmetic and expected flags: ucc_letter_examples.json).
WORKED: dict[str, dict[str, Any]] = {
    e["id"]: e["letter"]
    for e in json.loads(
        Path(__file__).with_name("ucc_letter_examples.json").read_text(encoding="utf-8")
    )
}
CORRECT = WORKED["correct"]
MISSING_REBATE = WORKED["missing_rebate"]
INSIDER = WORKED["insider"]


def run(data: dict[str, Any], state: str | None = None) -> lt.LetterCheck:
    return check_letter(validate_letter(data), state=state)


def summary(check: lt.LetterCheck) -> list[tuple[str, str, int | None]]:
    return [(f.code, f.severity, f.amount_cents) for f in check.flags]


# -- the three hand-worked letters ----------------------------------------------------------
def test_correct_letter_adds_up_and_raises_nothing() -> None:
    check = run(CORRECT)
    assert check.recomputed_cents == 620_000
    assert check.stated_cents == 620_000
    assert check.difference_cents == 0
    assert check.storage_cents == 50_000
    assert check.expenses_cents == 120_000
    assert check.credits_cents == 0
    assert check.surplus_cents == 0
    assert check.flags == []
    assert [(i.key, i.cents, i.sign) for i in check.lines] == [
        ("obligation", 1_200_000, 1),
        ("proceeds", 700_000, -1),
        ("after_proceeds", 500_000, 0),
        ("repo_fee", 40_000, 1),
        ("storage", 50_000, 1),
        ("auction_fee", 30_000, 1),
        ("deficiency", 620_000, 0),
    ]


def test_letter_with_a_missing_rebate() -> None:
    check = run(MISSING_REBATE)
    assert check.recomputed_cents == 840_000
    assert check.difference_cents == 25_000
    assert summary(check) == [
        ("arithmetic", "error", 25_000),
        ("missing_interest_rebate", "warning", None),
        ("missing_addon_refunds", "info", None),  # add-ons not known: a question, not a charge
        ("late_fees_after_acceleration", "warning", 7_500),
    ]
    rebate = check.flags[1]
    assert rebate.message.msgid == lt_text.MSG_REBATE_MISSING
    assert rebate.ask.money == {"obligation": 1_500_000}
    assert rebate.source.url == UCC_SOURCE_616 == "https://www.law.cornell.edu/ucc/9/9-616"
    arithmetic = check.flags[0].message
    assert arithmetic.money == {"stated": 865_000, "recomputed": 840_000, "difference": 25_000}


def test_letter_with_a_sale_to_an_insider() -> None:
    check = run(INSIDER)
    assert check.recomputed_cents == 1_170_000
    assert check.credits_cents == 80_000
    assert check.difference_cents == 0
    assert summary(check) == [
        ("attorney_fees", "info", None),
        ("related_buyer", "warning", 450_000),
    ]
    related = check.flags[1]
    assert related.message.money == {
        "proceeds": 900_000,
        "fmv": 1_350_000,
        "deficiency": 720_000,
        "recomputed": 1_170_000,
        "reduction": 450_000,
    }
    assert related.source.url == UCC_SOURCE_615
    assert related.message.params == {"citation": "UCC § 9-615(f)"}


# -- each rule on its own -------------------------------------------------------------------
def test_rebate_rule_depends_on_what_the_reader_knows() -> None:
    base = {"lt_obligation": "5000", "lt_addons": "no"}
    unknown = run(base)
    assert summary(unknown) == [("missing_interest_rebate", "info", None)]
    assert unknown.flags[0].message.msgid == lt_text.MSG_REBATE_UNKNOWN
    assert run({**base, "lt_precomputed": "no"}).flags == []  # simple interest: nothing unearned
    assert run({**base, "lt_precomputed": "yes", "lt_rebate_included": "yes"}).flags == []
    assert (
        run({**base, "lt_precomputed": "yes", "lt_unearned_interest_rebate": "310.25"}).flags == []
    )


def test_addon_rule() -> None:
    base = {"lt_obligation": "5000", "lt_precomputed": "no"}
    assert summary(run({**base, "lt_addons": "yes"})) == [
        ("missing_addon_refunds", "warning", None)
    ]
    assert run({**base, "lt_addons": "yes", "lt_addon_refunds": "412.50"}).flags == []
    flag = run({**base, "lt_addons": "yes"}).flags[0]
    assert flag.source.url.startswith("https://www.consumerfinance.gov/")


def test_arithmetic_below_the_figures_is_only_info() -> None:
    check = run({**CORRECT, "lt_stated_deficiency": "6000"})
    assert check.difference_cents == -20_000
    assert summary(check) == [("arithmetic", "info", 20_000)]
    assert check.flags[0].message.msgid == lt_text.MSG_ARITHMETIC_LOW


def test_no_stated_figure_means_no_arithmetic_check() -> None:
    data = {k: v for k, v in CORRECT.items() if k != "lt_stated_deficiency"}
    check = run(data)
    assert check.stated_cents is None and check.difference_cents is None
    assert check.flags == []


def test_surplus_belongs_to_the_borrower() -> None:
    # 5,000.00 − 6,000.00 + 300.00 = −700.00: a surplus of 700.00, no deficiency.
    check = run(
        {
            "lt_obligation": "5000",
            "lt_proceeds": "6000",
            "lt_repo_fee": "300",
            "lt_precomputed": "no",
            "lt_addons": "no",
        }
    )
    assert (check.recomputed_cents, check.surplus_cents) == (0, 70_000)
    assert check.lines[-1].key == "surplus"
    assert summary(check) == [("surplus", "warning", 70_000)]


def test_sale_without_notice_and_minimum_damages() -> None:
    # Finance charge 4,200.00 + 10 percent of 18,000.00 (1,800.00) = 6,000.00.
    check = run(
        {
            **CORRECT,
            "lt_notice_given": "no",
            "lt_finance_charge": "4200",
            "lt_principal": "18000",
        }
    )
    assert summary(check) == [
        ("noncompliant_sale", "warning", 620_000),  # the whole deficiency could be cut
        ("minimum_damages", "warning", 600_000),
    ]
    sale, damages = check.flags
    assert sale.confidence == "unconfirmed"  # 9-626(b): the consumer rule is left to courts
    assert sale.message.params["consumer_citation"] == "UCC § 9-626(b)"
    assert sale.source.url == UCC_SOURCE_626
    assert damages.message.money == {
        "finance_charge": 420_000,
        "ten_percent": 180_000,
        "damages": 600_000,
    }
    assert damages.source.url == UCC_SOURCE_625


def test_commercially_unreasonable_sale_without_contract_figures() -> None:
    check = run({**CORRECT, "lt_commercially_reasonable": "no"})
    assert summary(check) == [
        ("noncompliant_sale", "warning", 620_000),
        ("minimum_damages", "info", None),
    ]
    assert check.flags[1].message.msgid == lt_text.MSG_MIN_DAMAGES_NEEDS


def test_minimum_damages_rounds_half_up_to_the_cent() -> None:
    # 10 percent of 12,345.65 is 1,234.565 → 1,234.57.
    assert lt.minimum_damages(100_000, 1_234_565) == 100_000 + 123_457


def test_insider_sale_without_a_value_or_with_a_low_value() -> None:
    no_value = run({**CORRECT, "lt_buyer_related": "yes"})
    assert summary(no_value) == [("related_buyer", "info", None)]
    low_value = run({**CORRECT, "lt_buyer_related": "yes", "lt_fmv": "6500"})
    assert summary(low_value) == [("related_buyer", "info", 0)]
    assert low_value.flags[0].message.msgid == lt_text.MSG_RELATED_NOT_LOW


def test_insider_value_above_the_debt_cuts_the_deficiency_to_zero() -> None:
    # On 14,000.00: 12,000.00 − 14,000.00 + 1,200.00 < 0, so no deficiency: 6,200.00 less.
    check = run({**CORRECT, "lt_buyer_related": "yes", "lt_fmv": "14000"})
    assert summary(check) == [("related_buyer", "warning", 620_000)]
    assert check.flags[0].message.money["deficiency"] == 0


# -- expense ranges ------------------------------------------------------------------------------
def test_national_screens_are_unconfirmed_info_only() -> None:
    # Repossession 2,000.00 over the 1,500.00 screen: 500.00. Storage 100.00 a day for 10 days
    # over the 75.00 screen: 10 × 25.00 = 250.00.
    check = run(
        {
            **CORRECT,
            "lt_repo_fee": "2000",
            "lt_storage_days": "10",
            "lt_storage_rate": "100",
            "lt_stated_deficiency": None,
        }
    )
    assert summary(check) == [
        ("expense_repo_fee", "info", 50_000),
        ("expense_storage_rate", "info", 25_000),
    ]
    assert {f.confidence for f in check.flags} == {"unconfirmed"}
    assert check.flags[0].message.msgid == lt_text.MSG_EXPENSE_SCREEN
    assert check.flags[1].message.msgid == lt_text.MSG_EXPENSE_SCREEN_DAILY
    assert check.flags[1].message.params == {"days": "10", "citation": "UCC § 9-615(a)(1)"}


def test_wisconsin_statutory_limits() -> None:
    # Wis. Stat. 422.413(2g)(c): preparation at most 100 + 250 + 200 = 550.00, so 600.00 is
    # 50.00 over. 422.411(1): no attorney fees at all in a consumer credit transaction.
    check = run({**MISSING_REBATE, "lt_attorney_fees": "300", "lt_stated_deficiency": "8700"}, "WI")
    codes = {f.code: f for f in check.flags}
    recon = codes["expense_reconditioning"]
    assert (recon.severity, recon.amount_cents, recon.confidence) == ("warning", 5_000, "confirmed")
    assert recon.message.params["state"] == "Wisconsin"
    assert recon.message.money == {"amount": 60_000, "limit": 55_000, "excess": 5_000}
    assert "422.413" in recon.source.title
    attorney = codes["expense_attorney_fees"]
    assert (attorney.severity, attorney.amount_cents) == ("warning", 30_000)
    assert attorney.message.msgid == lt_text.MSG_EXPENSE_BARRED
    assert "attorney_fees" not in codes  # the statutory flag replaces the general reminder
    # The same letter elsewhere: no statutory limit, only the general attorney-fee reminder.
    elsewhere = {f.code for f in run({**MISSING_REBATE, "lt_attorney_fees": "300"}, "TX").flags}
    assert "expense_reconditioning" not in elsewhere and "attorney_fees" in elsewhere


def test_unknown_state_falls_back_to_the_national_rows() -> None:
    assert run(CORRECT, "ZZ").state is None


def test_packaged_ranges_are_sourced() -> None:
    ranges = lt.load_ranges()
    assert ranges, "letter_ranges.csv must have rows"
    for (item, state), row in ranges.items():
        assert item in lt.EXPENSE_ITEMS
        assert row.source.url.startswith("https://") and row.note
        if row.confidence == "confirmed":
            assert state, "only a state's statute can be a confirmed limit"
        else:
            assert "not a legal limit" in row.note  # the screen says what it is
    assert ranges[("reconditioning", "WI")].high_cents == 55_000
    assert ranges[("attorney_fees", "WI")].high_cents == 0


def test_ucc_sources_are_the_states_own_or_the_uniform_text() -> None:
    sources = lt.sources_for(None)
    assert sources["ucc_9_615"].url == UCC_SOURCE_615
    assert sources["ucc_9_625"].url == UCC_SOURCE_625
    assert sources["ucc_9_626"].url == UCC_SOURCE_626
    cited = [sources[key] for key in ("nclc_1_4_9", "cfpb_addons", "wi_421_202")]
    assert all(s.url.startswith("https://") for s in cited)
    assert not set(lt.load_sources()) & lt.UCC_SOURCE_IDS  # the bibliography has none of them
    ohio = lt.sources_for("OH")
    assert ohio["ucc_9_616"].url == "https://codes.ohio.gov/ohio-revised-code/section-1309.616"
    assert ohio["nclc_1_4_9"] == sources["nclc_1_4_9"]  # the rest is the same everywhere
    assert lt.sources_for("KS")["ucc_9_616"].url == UCC_SOURCE_616  # no row: uniform text


def test_flags_cite_the_readers_state() -> None:
    check = run({**MISSING_REBATE, "lt_notice_given": "no"}, state="OH")
    for flag in check.flags:
        assert "nysenate" not in flag.source.url
    arithmetic = next(f for f in check.flags if f.code == "arithmetic")
    assert arithmetic.ask.params == {"citation": "UCC § 9-616; Ohio Rev. Code § 1309.616"}
    assert arithmetic.source.title.startswith("Ohio Rev. Code § 1309.616")
    sale = next(f for f in check.flags if f.code == "noncompliant_sale")
    assert sale.message.params["consumer_citation"] == "UCC § 9-626(b)"  # Ohio has no (b)


HEADER = "item,low,high,unit,source,note,confidence,state\n"


@pytest.mark.parametrize(
    ("row", "error"),
    [
        ("towing,0,1,flat,nclc_1_4_9,n,unconfirmed,\n", "item: .towing. is not one of"),
        ("repo_fee,0,1,flat,nclc_1_4_9,n,confirmed,\n", "only a state"),
        ("storage_rate,0,1,flat,nclc_1_4_9,n,unconfirmed,\n", "must be per_day"),
        ("repo_fee,0,1,flat,nowhere,n,unconfirmed,\n", "unknown source 'nowhere'"),
        ("repo_fee,5,1,flat,nclc_1_4_9,n,unconfirmed,\n", "low is above high"),
        ("repo_fee,0,1.005,flat,nclc_1_4_9,n,unconfirmed,\n", "dollars and cents"),
        ("repo_fee,0,1,flat,nclc_1_4_9,n,maybe,\n", "confidence"),
        ("repo_fee,0,1,flat,nclc_1_4_9,n,confirmed,XX\n", "state: .XX. is not one of"),
        ("repo_fee,0,1,flat,nclc_1_4_9,,unconfirmed,\n", "note"),
    ],
)
def test_bad_range_rows_are_refused(row: str, error: str) -> None:
    with pytest.raises(LetterDataError, match=error):
        lt.parse_ranges(HEADER + row)


def test_duplicate_range_rows_and_bad_headers_are_refused() -> None:
    row = "repo_fee,0,1,flat,nclc_1_4_9,n,unconfirmed,\n"
    with pytest.raises(LetterDataError, match="duplicate"):
        lt.parse_ranges(HEADER + row + row)
    with pytest.raises(LetterDataError, match="columns"):
        lt.parse_ranges("item,low,high\n" + row)


# -- links ---------------------------------------------------------------------------------------
def test_encode_writes_only_non_defaults() -> None:
    assert encode_letter(LETTER_DEFAULTS) == {}
    assert encode_letter(validate_letter(CORRECT)) == {
        "lt_obligation": "12000",
        "lt_precomputed": "no",
        "lt_addons": "no",
        "lt_proceeds": "7000",
        "lt_repo_fee": "400",
        "lt_storage_days": "20",
        "lt_storage_rate": "25",
        "lt_auction_fee": "300",
        "lt_stated_deficiency": "6200",
    }
    assert all(key.startswith("lt_") for key in LETTER_KEYS)


@pytest.mark.parametrize("data", [CORRECT, MISSING_REBATE, INSIDER])
def test_round_trip_of_the_worked_letters(data: dict[str, Any]) -> None:
    inputs = validate_letter(data)
    opened, issues = decode_letter(encode_letter(inputs))
    assert issues == [] and opened == inputs


def test_decode_ignores_other_namespaces() -> None:
    inputs, issues = decode_letter({"balance": "5", "v": "1", "fc_amount": "3", "lt_proceeds": "1"})
    assert issues == [] and inputs.lt_proceeds == Decimal("1.00")
    assert lt.is_letter_key("lt_x") and not lt.is_letter_key("balance")
    assert not lt.is_letter_key(7)


amounts = st.integers(min_value=0, max_value=10_000_000_000).map(lambda c: Decimal(c) / 100)
optional_amounts = st.none() | amounts
optional_flags = st.none() | st.booleans()


@st.composite
def letters(draw: st.DrawFn) -> LetterInputs:
    data: dict[str, Any] = {}
    for key, info in LetterInputs.model_fields.items():
        default = info.default
        if key == "lt_storage_days":
            data[key] = draw(st.integers(0, lt_inputs.MAX_STORAGE_DAYS))
        elif default is None and key in ("lt_precomputed", "lt_addons"):
            data[key] = draw(optional_flags)
        elif isinstance(default, bool):
            data[key] = draw(st.booleans())
        elif default is None:
            data[key] = draw(optional_amounts)
        else:
            data[key] = draw(amounts)
    late = min(data["lt_late_fees_after_acceleration"], data["lt_obligation"])
    data["lt_late_fees_after_acceleration"] = late
    return validate_letter(data)


@settings(max_examples=200, deadline=None)
@given(letters())
def test_round_trip_of_any_letter(inputs: LetterInputs) -> None:
    opened, issues = decode_letter(encode_letter(inputs))
    assert issues == []
    assert opened == inputs


@settings(max_examples=200, deadline=None)
@given(letters(), st.sampled_from([None, "WI", "TX", "CA"]))
def test_any_letter_checks_and_renders(inputs: LetterInputs, state: str | None) -> None:
    check = check_letter(inputs, state=state)
    assert check.recomputed_cents >= 0 and check.surplus_cents >= 0
    assert check.recomputed_cents == 0 or check.surplus_cents == 0
    net = sum(line.cents * line.sign for line in check.lines if line.key != "after_proceeds")
    assert net == check.recomputed_cents - check.surplus_cents  # the lines are the arithmetic
    for flag in check.flags:
        assert flag.amount_cents is None or flag.amount_cents >= 0
        assert isinstance(flag.message.text(), str) and isinstance(flag.ask.text(), str)
        assert flag.source.url.startswith("https://")
    check.as_json()


# -- hostile input -------------------------------------------------------------------------------
def test_hostile_link_keeps_valid_keys_and_reports_bad_ones() -> None:
    params = {
        "lt_obligation": "12000",
        "lt_proceeds": "<script>alert(1)</script>",
        "lt_repo_fee": "-5",
        "lt_auction_fee": "NaN",
        "lt_reconditioning": "9" * 10_000,
        "lt_storage_days": "1e3",
        "lt_buyer_related": "<img src=x onerror=alert(1)>",
        "lt_evil": "1",
        "lt_late_fees_after_acceleration": "99999",
    }
    inputs, issues = decode_letter(params)
    assert inputs.lt_obligation == Decimal("12000.00")
    assert inputs.lt_proceeds == 0 and inputs.lt_late_fees_after_acceleration == 0
    by_key = {issue.key: issue for issue in issues}
    assert sorted(by_key) == [
        "lt_auction_fee",
        "lt_buyer_related",
        "lt_evil",
        "lt_late_fees_after_acceleration",
        "lt_proceeds",
        "lt_reconditioning",
        "lt_repo_fee",
        "lt_storage_days",
    ]
    assert by_key["lt_proceeds"].message == MSG_AMOUNT
    assert by_key["lt_buyer_related"].message == MSG_BOOL
    assert by_key["lt_storage_days"].message == MSG_INT
    assert by_key["lt_storage_days"].params == {"min": "0", "max": "3650"}
    assert by_key["lt_evil"].message == MSG_UNKNOWN
    assert by_key["lt_late_fees_after_acceleration"].message == lt_text.MSG_LATE_FEES_ABOVE
    assert len(by_key["lt_reconditioning"].value) <= 64  # echoes are bounded
    for issue in issues:
        assert issue.text()  # every message renders with its placeholders


@pytest.mark.parametrize(
    "value",
    [math.nan, math.inf, -1, -0.01, "1.001", "", "  ", None, [], {}, b"12", object(), True, "٣"],
)
def test_strict_validation_raises_only_scenario_error(value: object) -> None:
    with pytest.raises(ScenarioError) as caught:
        validate_letter({"lt_obligation": value})
    assert caught.value.issues and caught.value.issues[0].text()


def test_strict_validation_reports_cross_key_rule_and_unknown_keys() -> None:
    with pytest.raises(ScenarioError) as caught:
        validate_letter({"lt_obligation": "10", "lt_late_fees_after_acceleration": "20"})
    assert caught.value.issues[0].params == {"obligation": "10.00"}
    with pytest.raises(ScenarioError) as unknown:
        validate_letter({"balance": "10"})
    assert unknown.value.issues[0].message == MSG_UNKNOWN


hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["NaN", "-1", "inf", "1e9", "<b>x</b>", "9" * 10_000, "yes", "0.001", " 5 "]),
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.one_of(st.sampled_from(LETTER_KEYS), st.text(max_size=12).map(lambda s: "lt_" + s)),
        hostile_text,
        max_size=12,
    )
)
def test_any_link_opens_without_exceptions(params: dict[str, str]) -> None:
    inputs, issues = decode_letter(params)
    valid_keys = set(LETTER_KEYS)
    for issue in issues:
        assert issue.text()
    reported = {issue.key for issue in issues}
    for key in params:
        assert short(key) in reported or key in valid_keys
    check_letter(inputs, state="WI").as_json()


def test_messages_avoid_printf_percent_and_render() -> None:
    msgids = [v for k, v in vars(lt_text).items() if k.startswith(("MSG_", "ASK_", "TITLE_"))]
    msgids += list(lt.LINE_LABELS.values())
    assert len(msgids) > 30
    for msgid in msgids:
        assert "%" not in msgid, msgid
    assert Message(
        lt_text.MSG_EXPENSE_CAP,
        {"state": "X", "citation": "c"},
        money={"amount": 1, "limit": 1, "excess": 0},
    ).text()


def test_no_file_is_read_at_import_time() -> None:
    code = (
        "import deficiency.counselor.letter as m, deficiency.counselor.form1099c as f, "
        "deficiency.rules.tax as t, deficiency.rules.tables as b; "
        "print(m.load_ranges.cache_info().currsize, m.load_sources.cache_info().currsize, "
        "b.load_bibliography.cache_info().currsize, f.load_codes.cache_info().currsize, "
        "t.load_tables.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0"] * 5
