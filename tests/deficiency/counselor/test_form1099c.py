"""Reading Form 1099-C: every box 6 code, sums, duplicates, the scenario, links, hostile input.

Scenario figures used below (worked by hand): a car loan of $10,000.00, the car sold for
$8,500.00, so the deficiency is $1,500.00 (150,000 cents). When the lender forgives it the
tax section expects a 1099-C with box 2 = $1,500.00, code G and box 7 = the $8,500.00 price.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency import validate
from deficiency.core.analysis import Analysis, analyze
from deficiency.core.validators import MSG_AMOUNT, MSG_CHOICE, MSG_DATE, MSG_UNKNOWN, ScenarioError
from deficiency.counselor import form1099c as fc
from deficiency.counselor.form1099c import (
    CODE_EXPLANATIONS,
    EMPTY_FORM,
    FORM_KEYS,
    Form1099CInputs,
    FormDataError,
    decode_forms,
    encode_forms,
    read_forms,
    validate_forms,
)
from deficiency.counselor.form1099c import messages as fc_messages
from deficiency.rules import tax
from deficiency.text.markers import Message

TODAY = dt.date(2025, 6, 1)
CAR = {"loan": "auto", "balance": "10000", "sale_price": "8500", "state": "TX"}


def form(**boxes: Any) -> Form1099CInputs:
    return validate_forms({f"fc_{key}": value for key, value in boxes.items()})[0]


def scenario(**changes: Any) -> Analysis:
    return analyze(validate({**CAR, **changes}), today=TODAY)


def codes(reading: fc.FormsReading) -> list[str]:
    return [finding.code for finding in reading.findings]


def finding(reading: fc.FormsReading, code: str) -> fc.Finding:
    return next(f for f in reading.findings if f.code == code)


# -- box 6 -------------------------------------------------------------------------------------
@pytest.mark.parametrize("code", list("ABCDEFGH"))
def test_every_event_code_is_explained(code: str) -> None:
    reading = read_forms([form(amount="1500", code=code)])
    (one,) = reading.forms
    assert one.code_name == tax.EVENT_CODES[code]
    assert one.explanation == Message(CODE_EXPLANATIONS[code])
    assert one.explanation.text().startswith(f"Code {code}")
    assert one.citation == tax.load_tables().event_codes[code].citation
    assert one.sources and all(s.url.startswith("https://") for s in one.sources)
    assert ("code_g" in codes(reading)) is (code == "G")
    assert ("bankruptcy" in codes(reading)) is (code == "A")


def test_code_g_is_explained_carefully() -> None:
    reading = read_forms([form(amount="1500", code="g")])  # lower case is accepted
    g = finding(reading, "code_g")
    assert g.severity == "warning"
    assert "does not by itself prove" in g.message.text()
    assert "depends on state law" in g.message.text()
    assert g.action is not None and "in writing" in g.action.text()
    urls = {source.url for source in g.sources}
    assert "https://www.irs.gov/publications/p4681" in urls
    assert "https://www.irs.gov/forms-pubs/about-form-1099-c" in urls


def test_code_a_points_to_form_982_line_1a() -> None:
    reading = read_forms([form(amount="1500", code="A")])
    bankruptcy = finding(reading, "bankruptcy")
    assert "Form 982, line 1a" in bankruptcy.message.text()
    assert bankruptcy.amount_cents == 150_000
    assert {s.id for s in bankruptcy.sources} == {"pub_4681", "f982"}


def test_code_table_matches_the_tax_modules_codes() -> None:
    rules = fc.load_codes()
    assert list(rules) == list(tax.EVENT_CODES)
    assert [code for code, rule in rules.items() if rule.caveat] == ["G"]
    with pytest.raises(FormDataError, match="codes must be"):
        fc.parse_codes("code,caveat,source,note\nA,no,i1099ac,n\n", fc.load_sources())
    with pytest.raises(FormDataError, match="unknown source"):
        fc.parse_codes("code,caveat,source,note\nA,no,nowhere,n\n", fc.load_sources())


# -- several forms, duplicates, interest ----------------------------------------------------------
def test_two_forms_for_one_event_are_summed() -> None:
    # 1,200.00 + 800.50 = 2,000.50.
    forms, issues = decode_forms(
        {
            "fc_date": "2025-02-01",
            "fc_amount": "1200",
            "fc_code": "F",
            "fc2_date": "2025-02-01",
            "fc2_amount": "800.50",
            "fc2_code": "F",
        }
    )
    assert issues == []
    reading = read_forms(forms)
    assert reading.cancelled_from_forms == 200_050
    assert [r.counted for r in reading.forms] == [True, True]
    total = finding(reading, "total")
    assert total.message.params == {"count": "2"}
    assert total.message.money == {"total": 200_050}
    assert reading.duplicates == ()


def test_a_duplicate_is_counted_once_and_reported() -> None:
    first = form(date="2025-02-01", amount="1500", code="G")
    same = form(date="2025-02-01", amount="1500.00", code="G")
    later = form(date="2025-03-01", amount="1500", code="G")
    reading = read_forms([first, same, later])
    assert reading.duplicates == (2,)
    assert reading.forms[1].duplicate_of == 1 and not reading.forms[1].counted
    assert reading.cancelled_from_forms == 300_000  # forms 1 and 3 only
    duplicate = finding(reading, "duplicate")
    assert duplicate.message.params == {"index": "2", "original": "1"}
    assert duplicate.amount_cents == 150_000
    assert "years_differ" not in codes(reading)  # 2025 both times


def test_forms_in_different_years_are_pointed_out() -> None:
    reading = read_forms(
        [form(date="2024-12-20", amount="100"), form(date="2025-01-05", amount="50")]
    )
    assert finding(reading, "years_differ").message.params == {"years": "2024, 2025"}


def test_box3_interest_is_explained() -> None:
    # Box 2 5,000.00 including 300.00 of interest: if deductible, 4,700.00 is income.
    reading = read_forms([form(amount="5000", interest="300", code="F")])
    interest = finding(reading, "interest")
    assert interest.message.money == {"interest": 30_000, "net": 470_000}
    assert reading.interest_from_forms == 30_000
    assert "car loan" in interest.message.text()
    assert {s.id for s in interest.sources} == {"p17_interest", "f1099c_debtor"}


def test_blank_forms_are_skipped() -> None:
    reading = read_forms([EMPTY_FORM, form(amount="10")])
    assert [r.index for r in reading.forms] == [2]
    assert reading.cancelled_from_forms == 1_000
    assert read_forms([]).findings == []


# -- against the scenario -------------------------------------------------------------------------
def test_box2_matches_and_box7_below_the_price() -> None:
    analysis = scenario(action="forgive")
    assert analysis.tax.cancelled_debt == 150_000
    reading = read_forms([form(amount="1500", code="G", fmv="8000", liable="yes")], analysis)
    assert "box2_match" in codes(reading)
    below = finding(reading, "box7_below_price")
    assert below.amount_cents == 50_000  # 8,500.00 − 8,000.00
    assert below.message.money == {"box7": 800_000, "price": 850_000, "difference": 50_000}
    assert "code_differs" not in codes(reading) and "nonrecourse" not in codes(reading)


def test_box2_higher_or_lower_than_the_app() -> None:
    analysis = scenario(action="forgive")
    higher = read_forms([form(amount="1750", code="G")], analysis)
    assert finding(higher, "box2_higher").amount_cents == 25_000
    lower = read_forms([form(amount="1400", code="G")], analysis)
    assert finding(lower, "box2_lower").amount_cents == 10_000
    assert finding(lower, "box2_lower").severity == "info"


def test_box7_differs_from_the_fair_market_value() -> None:
    analysis = scenario(action="forgive", fmv="9000")  # the tax section uses 9,000.00
    reading = read_forms([form(amount="1500", code="G", fmv="8700")], analysis)
    differs = finding(reading, "box7_differs")
    assert differs.amount_cents == 30_000
    assert "box7_below_price" not in codes(reading)


def test_form_for_a_debt_the_app_says_is_still_collected() -> None:
    reading = read_forms([form(amount="1500", code="G")], scenario(action="collect"))
    unexpected = finding(reading, "box2_unexpected")
    assert unexpected.amount_cents == 150_000


def test_code_differs_from_what_the_tax_section_expects() -> None:
    reading = read_forms([form(amount="1500", code="F")], scenario(action="forgive"))
    assert finding(reading, "code_differs").message.params == {"expected": "G", "code": "F"}


def test_a_debt_the_state_bars_is_nonrecourse() -> None:
    # California bars a deficiency after a trustee sale (CCP § 580d): the loan behaves as
    # nonrecourse, so a 1099-C's amount is not income.
    home = {"loan": "mortgage", "state": "CA", "path": "foreclosure", "foreclosure": "nonjudicial"}
    analysis = analyze(validate({**home, "balance": "10000", "sale_price": "8500"}), today=TODAY)
    assert not analysis.tax.recourse and analysis.state.barred
    reading = read_forms([form(amount="1500", code="D", liable="yes")], analysis)
    nonrecourse = finding(reading, "nonrecourse")
    assert nonrecourse.amount_cents == 150_000
    assert "no income from cancelled debt" in nonrecourse.message.text()
    assert "amount realized" in nonrecourse.message.text()
    assert {s.id for s in nonrecourse.sources} == {"pub_4681", "pub_544"}
    assert "box5_checked" in codes(reading)


def test_a_car_sold_without_notice_was_still_a_recourse_loan() -> None:
    # UCC 9-626: the deficiency is presumed zero because the lender did not give notice (a
    # proper sale is presumed to have brought the whole debt), but the borrower was
    # personally liable on the loan: the tax section must not call it nonrecourse ("you
    # were not personally liable"), and nothing is left to cancel.
    analysis = scenario(notice_given="no")
    assert analysis.state.barred and analysis.state.collectible_cents == 0
    assert analysis.tax.recourse and analysis.tax.recourse_reason == "default"
    assert analysis.tax.cancelled_debt == 0 and analysis.owes == 0
    from deficiency.rules import state_law as sl

    assert sl.MSG_FOLLOW_1099C not in [m.msgid for m in analysis.state.follow_ups]
    reading = read_forms([form(amount="1500", code="D", liable="yes")], analysis)
    assert "nonrecourse" not in codes(reading)
    # Nor does the credit section call it a debt the law extinguished (no anti-deficiency
    # reporting cases for a car), and "what happens next" does not say the lender may sue.
    assert not analysis.credit.barred
    from deficiency.counselor.guidance import NOTHING_COLLECTIBLE_NOTE, next_steps

    steps = next_steps(
        analysis.scenario,
        analysis.result.deficiency,
        analysis.result.surplus,
        analysis.state.collectible_cents,
    )
    assert steps[-1].msgid == NOTHING_COLLECTIBLE_NOTE
    collected = scenario()  # Texas allows it: the usual sentence on what the lender may do
    steps = next_steps(
        collected.scenario,
        collected.result.deficiency,
        collected.result.surplus,
        collected.state.collectible_cents,
    )
    assert steps[-1].msgid != NOTHING_COLLECTIBLE_NOTE


def test_box5_unchecked_without_and_with_a_scenario() -> None:
    alone = read_forms([form(amount="1500", code="G", liable="no")])
    assert "nonrecourse" in codes(alone)
    with_scenario = read_forms(
        [form(amount="1500", code="G", liable="no")], scenario(action="forgive")
    )
    assert "box5_unchecked" in codes(with_scenario) and "nonrecourse" not in codes(with_scenario)


def test_debt_discharged_in_bankruptcy() -> None:
    analysis = scenario(action="forgive", bankruptcy="chapter7")
    reading = read_forms([form(amount="1500", code="A")], analysis)
    assert finding(reading, "bankruptcy").amount_cents == 150_000
    assert "code_differs" not in codes(reading)  # the tax section expects A too


# -- links ----------------------------------------------------------------------------------------
def test_encode_numbers_filled_forms_and_skips_defaults() -> None:
    forms = [
        form(date="2025-02-01", amount="1200", code="F", liable="yes", description="Auto loan"),
        EMPTY_FORM,
        form(amount="800.5", fmv="0"),
    ]
    assert encode_forms(forms) == {
        "fc_date": "2025-02-01",
        "fc_amount": "1200",
        "fc_description": "Auto loan",
        "fc_liable": "yes",
        "fc_code": "F",
        "fc2_amount": "800.50",
        "fc2_fmv": "0",
    }
    assert encode_forms([EMPTY_FORM]) == {}
    with pytest.raises(ValueError, match="at most 3"):
        encode_forms([form(amount="1")] * 4)


def test_decode_ignores_other_namespaces_and_reports_unknown_form_keys() -> None:
    forms, issues = decode_forms(
        {"balance": "1", "lt_proceeds": "2", "fc4_amount": "3", "fc1_amount": "4", "fc_x": "5"}
    )
    assert forms == []
    assert sorted(i.key for i in issues) == ["fc1_amount", "fc4_amount", "fc_x"]
    assert all(i.message == MSG_UNKNOWN for i in issues)
    assert "fc3_fmv" in FORM_KEYS and len(FORM_KEYS) == 21
    assert fc.is_form_key("fc2_amount") and not fc.is_form_key("balance")


dates = st.dates(min_value=dt.date(1980, 1, 1), max_value=dt.date(2100, 12, 31))
cents = st.integers(min_value=0, max_value=10_000_000_000)
printable = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), max_size=200
).filter(lambda s: s == s.strip() and s.isprintable())


@st.composite
def forms_(draw: st.DrawFn) -> Form1099CInputs:
    amount = draw(st.none() | cents)
    interest = draw(st.none() | st.integers(0, amount if amount is not None else 10_000_000_000))
    return Form1099CInputs(
        fc_date=draw(st.none() | dates),
        fc_amount=None if amount is None else Decimal(amount) / 100,
        fc_interest=None if interest is None else Decimal(interest) / 100,
        fc_description=draw(printable),
        fc_liable=draw(st.none() | st.booleans()),
        fc_code=draw(st.none() | st.sampled_from(fc.CODES)),
        fc_fmv=draw(st.none() | cents.map(lambda c: Decimal(c) / 100)),
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(forms_(), max_size=3))
def test_round_trip_of_any_forms(forms: list[Form1099CInputs]) -> None:
    opened, issues = decode_forms(encode_forms(forms))
    assert issues == []
    assert opened == [f for f in forms if not f.is_empty]


@settings(max_examples=100, deadline=None)
@given(st.lists(forms_(), max_size=3), st.sampled_from([None, "forgive", "collect"]))
def test_any_forms_read_and_render(forms: list[Form1099CInputs], action: str | None) -> None:
    analysis = None if action is None else scenario(action=action)
    reading = read_forms(forms, analysis)
    counted = [r.form for r in reading.forms if r.counted]
    assert reading.cancelled_from_forms == sum(int((f.fc_amount or 0) * 100) for f in counted)
    for item in reading.findings:
        assert item.message.text() and (item.action is None or item.action.text())
        assert item.amount_cents is None or item.amount_cents >= 0
    reading.as_json()


# -- hostile input --------------------------------------------------------------------------------
def test_hostile_forms_keep_valid_boxes_and_report_bad_ones() -> None:
    params = {
        "fc_amount": "1500",
        "fc_interest": "2000",  # more than box 2
        "fc_date": "2025-02-30",
        "fc_code": "<script>",
        "fc_fmv": "NaN",
        "fc_liable": "perhaps",
        "fc_description": "x" * 10_000,
        "fc2_amount": "-1",
        "fc2_description": "<img src=x onerror=alert(1)>",
        "fc3_description": "line\nbreak",
    }
    forms, issues = decode_forms(params)
    by_key = {issue.key: issue for issue in issues}
    assert sorted(by_key) == [
        "fc2_amount",
        "fc3_description",
        "fc_code",
        "fc_date",
        "fc_description",
        "fc_fmv",
        "fc_interest",
        "fc_liable",
    ]
    assert by_key["fc_interest"].message == fc_messages.MSG_INTEREST_ABOVE
    assert by_key["fc_interest"].params == {"amount": "1500.00"}
    assert by_key["fc_code"].message == MSG_CHOICE
    assert by_key["fc_code"].params == {"allowed": "A | B | C | D | E | F | G | H"}
    assert by_key["fc_date"].message == MSG_DATE
    assert by_key["fc2_amount"].message == MSG_AMOUNT
    assert by_key["fc_description"].params == {"max": "200"}
    assert len(by_key["fc_description"].value) <= 64
    for issue in issues:
        assert issue.text()
    first, second = forms
    assert first.fc_amount == Decimal("1500.00") and first.fc_interest is None
    # Box 4 is kept exactly as typed: escaping is the shell's job, never the core's.
    assert second.fc_description == "<img src=x onerror=alert(1)>"


@pytest.mark.parametrize(
    "boxes",
    [
        {"fc_amount": math.nan},
        {"fc_amount": -5},
        {"fc_date": 20250201},
        {"fc_code": "Z"},
        {"fc_code": 7},
        {"fc_description": 12},
        {"fc_description": "\x00"},
        {"fc_liable": [1]},
        {"fc_fmv": "1e5"},
        {"balance": "1"},
    ],
)
def test_strict_validation_raises_only_scenario_error(boxes: dict[str, object]) -> None:
    with pytest.raises(ScenarioError) as caught:
        validate_forms(boxes)
    assert caught.value.issues[0].text()


hostile_values = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["NaN", "-1", "inf", "<b>x</b>", "9" * 10_000, "2025-13-01", "g", " 5 "]),
)
form_keys = st.sampled_from(sorted(FORM_KEYS)) | st.text(max_size=10).map(lambda s: "fc" + s)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(form_keys, hostile_values, max_size=12))
def test_any_link_opens_without_exceptions(params: dict[str, str]) -> None:
    forms, issues = decode_forms(params)
    assert len(forms) <= 3
    for issue in issues:
        assert issue.text()
    read_forms(forms, None).as_json()


def test_messages_avoid_printf_percent() -> None:
    msgids = [v for k, v in vars(fc_messages).items() if k.startswith(("MSG_", "ACT_", "TITLE_"))]
    msgids += list(CODE_EXPLANATIONS.values())
    assert len(msgids) > 30
    assert all("%" not in msgid for msgid in msgids)


def test_the_findings_cite_the_one_bibliography() -> None:
    sources = fc.load_sources()
    for key in ("i1099ac", "pub_4681", "f982", "reg_1_6050p_1", "f1099c_debtor", "p17_interest"):
        assert sources[key].url.startswith("https://")
