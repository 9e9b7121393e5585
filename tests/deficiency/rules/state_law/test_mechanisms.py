"""The mechanisms issue 15 added, each on the facts that turn it on or off.

Georgia's confirmation rule, Connecticut's strict foreclosure or half credit, Illinois'
release on a deed in lieu, Minnesota's redemption period, seller-financed purchase money,
process-specific prerequisites, the borrower's own deadline for a fair-value credit, and
the table's new columns. The amounts are worked by hand: a $300,000 debt sold for
$250,000 (a $50,000 deficiency) unless a test says otherwise.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from deficiency.core.analysis import analyze
from deficiency.core.delay import countdowns
from deficiency.core.engine import evaluate
from deficiency.core.money import to_cents
from deficiency.core.scenario import validate
from deficiency.rules import state_law as sl
from deficiency.text.markers import Message

BASE: dict[str, Any] = {
    "loan": "mortgage",
    "path": "foreclosure",
    "balance": "300000",
    "sale_price": "250000",
    "purchase_money": "no",
}


def run(state: str, **changes: Any) -> sl.StateLawResult:
    scenario = validate({**BASE, "state": state, **changes})
    return sl.assess(scenario, evaluate(scenario), as_of=dt.date(2026, 12, 1))


def msgids(messages: list[Any] | tuple[Any, ...]) -> list[str]:
    return [message.msgid for message in messages]


# -- the formula ---------------------------------------------------------------------------
def test_collectible_credits_a_share_and_bars_by_value() -> None:
    # Half of a 60,001-cent gap is 30,000 cents (rounded down: never more than the law gives).
    assert sl.collectible(False, True, 100_000, 200_000, 260_001, share=(1, 2)) == (70_000, 30_000)
    # A value above the price bars the deficiency; at or below it, nothing changes.
    assert sl.collectible(False, False, 100_000, 200_000, 200_001, value_bar=True) == (0, 0)
    assert sl.collectible(False, False, 100_000, 200_000, 200_000, value_bar=True) == (100_000, 0)
    owed, credit = sl.collectible(
        False,
        False,
        np.array([100_000, 100_000]),
        np.array([200_000, 300_000]),
        250_000,
        value_bar=True,
    )
    assert owed.tolist() == [0, 100_000]
    assert credit.tolist() == [0, 0]


# -- Georgia: confirmation ------------------------------------------------------------------
def test_georgia_confirmation_turns_on_value_and_on_the_courts_order() -> None:
    below = run("GA", fmv="260000")
    assert below.collectible_cents == 0
    assert below.barred is True
    assert below.rule.msgid == sl.MSG_BAR_CONFIRMATION_VALUE
    assert below.citation == "O.C.G.A. § 44-14-161(a)-(b)"
    assert sl.MSG_NOTE["resale_possible"] in msgids(below.warnings)
    # The decision itself does not depend on amounts (the tax section's recourse follows it).
    assert sl.decide(validate({**BASE, "state": "GA", "fmv": "260000"})).barred is False
    at_value = run("GA", fmv="250000", sale_date="2026-03-01")
    assert at_value.collectible_cents == 5_000_000
    assert at_value.deadline == dt.date(2026, 3, 31)
    assert sl.MSG_DEADLINE_REPORT in msgids(at_value.warnings)
    missing = run("GA")
    assert missing.warnings[1].msgid == sl.MSG_CONFIRMATION_FMV_MISSING
    confirmed = run("GA", fmv="260000", sale_confirmed="yes", sale_date="2026-03-01")
    assert confirmed.collectible_cents == 5_000_000
    assert confirmed.deadline is None  # reported and confirmed: the 30 days are met
    assert sl.MSG_CONFIRMED in msgids(confirmed.warnings)
    assert run("GA", sale_confirmed="no").rule.msgid == sl.MSG_BAR_NOT_CONFIRMED
    # A court foreclosure is not a sale "without legal process".
    assert run("GA", foreclosure="judicial", fmv="260000").collectible_cents == 5_000_000


def test_georgia_sweep_bars_only_the_prices_below_the_value() -> None:
    scenario = validate({**BASE, "state": "GA", "fmv": "260000"})
    prices = np.array([20_000_000, 26_000_000, 27_000_000], dtype=np.int64)
    out = sl.sweep(scenario, sale_price=prices)
    assert out["collectible"].tolist() == [0, 4_000_000, 3_000_000]


def test_georgia_report_deadline_feeds_the_countdown() -> None:
    scenario = validate({**BASE, "state": "GA", "fmv": "250000", "sale_date": "2026-11-20"})
    found = analyze(scenario, dt.date(2026, 11, 25))
    first = countdowns(found, dt.date(2026, 11, 25))[0]
    assert first.date == dt.date(2026, 12, 20)
    assert first.label.params["citation"] == "O.C.G.A. § 44-14-161(a)"


# -- Connecticut: strict foreclosure or sale ---------------------------------------------------
def test_connecticut_strict_foreclosure_or_foreclosure_by_sale() -> None:
    # 49-14: claim 300,000 − valuation 270,000; motion within 30 days after redemption.
    strict = run("CT", strict_foreclosure="yes", fmv="270000", sale_date="2026-03-01")
    assert strict.collectible_cents == 3_000_000
    assert strict.deadline is None
    assert strict.deadline_earliest == dt.date(2026, 3, 31)
    # 49-28: 300,000 − 250,000 − ½ × (270,000 − 250,000) = 40,000; no 30-day rule.
    sale = run("CT", strict_foreclosure="no", fmv="270000", sale_date="2026-03-01")
    assert sale.collectible_cents == 4_000_000
    assert sale.fair_value_credit_cents == 1_000_000
    assert sale.rule.msgid == sl.MSG_HALF_CREDIT
    assert sale.deadline_earliest is None
    # Not known: the cautious half credit, and the question that decides it.
    unknown = run("CT", fmv="270000")
    assert unknown.collectible_cents == 4_000_000
    assert sl.MSG_STRICT_ASK in msgids(unknown.warnings)
    assert "strict_foreclosure" in unknown.questions


# -- Illinois: deed in lieu ------------------------------------------------------------------
def test_illinois_deed_in_lieu_releases_unless_liability_was_kept() -> None:
    released = run("IL", path="deed_in_lieu")
    assert released.collectible_cents == 0
    assert released.citation == "735 ILCS 5/15-1401"
    assert released.questions == ("liability_kept",)
    kept = run("IL", path="deed_in_lieu", liability_kept="yes")
    assert kept.collectible_cents == 5_000_000
    assert msgids(kept.warnings) == [sl.MSG_DIL_KEPT, sl.MSG_DEED_IN_LIEU]
    # Elsewhere a deed in lieu still depends on the agreement.
    assert msgids(run("IN", path="deed_in_lieu").warnings) == [sl.MSG_DEED_IN_LIEU]


# -- seller financing -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("state", "changes", "barred"),
    [
        ("OR", {"foreclosure": "judicial", "owner_occupied": "no"}, True),  # 88.103(1)(a)
        ("OR", {"path": "short_sale"}, False),  # a court foreclosure only
        ("MT", {"foreclosure": "judicial"}, True),  # 71-1-232
        ("NC", {"foreclosure": "judicial"}, True),  # 45-21.38: both kinds of foreclosure
        ("CA", {"path": "short_sale", "units": "12", "owner_occupied": "no"}, True),  # 580b(a)(2)
        ("TX", {"foreclosure": "judicial"}, False),  # no such rule
    ],
)
def test_seller_financed_purchase_money(state: str, changes: dict[str, str], barred: bool) -> None:
    result = run(state, seller_financed="yes", **changes)
    assert result.barred is barred
    if barred:
        assert result.rule.msgid == sl.MSG_BAR_SELLER_FINANCED
    assert run(state, **changes).rule.msgid != sl.MSG_BAR_SELLER_FINANCED


# -- conditions on prerequisites and notes -----------------------------------------------------
def test_prerequisites_follow_the_process() -> None:
    judicial = msgids(run("AZ", foreclosure="judicial", fmv="260000").warnings)
    trustee = msgids(run("AZ", foreclosure="nonjudicial", acres="3", fmv="260000").warnings)
    service = sl.MSG_PREREQUISITE["personal_service"]
    assert service in judicial and service not in trustee
    assert sl.MSG_PREREQUISITE["fmv_request"] in judicial
    assert sl.MSG_PREREQUISITE["fmv_hearing"] in trustee
    # Massachusetts' notice (17B) is a rule of sales under a power, not of court cases.
    assert run("MA", foreclosure="judicial", notice_given="no").collectible_cents == 5_000_000
    assert run("MA", foreclosure="nonjudicial", notice_given="no").collectible_cents == 0


def test_request_deadline_is_the_borrowers_own() -> None:
    # A.R.S. 12-1566(C): apply within 30 days after a court sale; 33-814(A) for trustee sales.
    court = run("AZ", foreclosure="judicial", fmv="260000", sale_date="2026-03-01")
    assert court.request_deadline == dt.date(2026, 3, 31)
    assert court.deadline is None
    assert sl.MSG_REQUEST_PASSED in msgids(court.warnings)
    trustee = run("AZ", foreclosure="nonjudicial", acres="3", fmv="260000", sale_date="2026-03-01")
    assert trustee.request_deadline is None
    assert trustee.deadline == dt.date(2026, 5, 30)
    assert sl.MSG_REQUEST_NEEDS_DATE in msgids(run("SC", fmv="260000").warnings)


def test_washington_exceptions_stay_with_the_bar() -> None:
    barred = run("WA", foreclosure="nonjudicial")
    assert barred.collectible_cents == 0
    assert sl.MSG_NOTE["commercial_exceptions"] in msgids(barred.warnings)
    court = msgids(run("WA", foreclosure="judicial").warnings)
    assert sl.MSG_NOTE["redemption_waiver"] in court
    assert sl.MSG_NOTE["redemption_waiver"] not in msgids(barred.warnings)


def test_new_jersey_protects_an_owner_occupied_home_of_up_to_four_units() -> None:
    home = run("NJ", fmv="270000", sale_date="2026-03-02")
    assert home.collectible_cents == 3_000_000
    assert home.deadline == dt.date(2026, 6, 2)
    for changes in ({"owner_occupied": "no"}, {"units": "5"}):
        outside = run("NJ", fmv="270000", sale_date="2026-03-02", **changes)
        assert outside.collectible_cents == 5_000_000
        assert outside.deadline is None
        assert sl.MSG_PREREQUISITE["separate_action"] not in msgids(outside.warnings)


def test_pennsylvania_deadline_only_when_the_creditor_bought() -> None:
    assert run("PA", lender_bought="yes", sale_date="2026-06-01").deadline_earliest == dt.date(
        2026, 12, 1
    )
    assert run("PA", lender_bought="no", sale_date="2026-06-01").deadline_earliest is None


def test_minnesota_farm_action_within_ninety_days() -> None:
    farm = run("MN", redemption_period="twelve_months", agricultural="yes", sale_date="2026-03-02")
    assert farm.deadline == dt.date(2026, 5, 31)
    assert sl.MSG_NOTE["ag_fmv_action"] in msgids(farm.warnings)
    home = run("MN", redemption_period="twelve_months", sale_date="2026-03-02")
    assert home.deadline is None
    assert sl.MSG_NOTE["ag_fmv_action"] not in msgids(home.warnings)


def test_ohio_deadline_is_an_enforcement_cutoff() -> None:
    result = run("OH", sale_date="2026-06-01")
    later = [w for w in result.warnings if w.msgid == sl.MSG_ENFORCEMENT_LATER]
    assert later and later[0].dates == {"deadline": dt.date(2028, 6, 1)}


def test_unconfirmed_parts_are_said_where_the_facts_reach_them() -> None:
    parts = sl.MSG_UNCONFIRMED_PART
    assert parts["absence"] in msgids(run("DE").warnings)
    assert parts["absence"] not in msgids(run("AL").warnings)  # chapter 35-10 read (issue 15)
    nj_home = {"foreclosure": "judicial", "owner_occupied": "yes", "sale_date": "2026-03-02"}
    assert parts["deadline"] in msgids(run("NJ", **nj_home).warnings)
    assert parts["deadline"] not in msgids(run("MS", sale_date="2026-03-02").warnings)
    assert parts["deadline"] not in msgids(run("AR", sale_date="2026-03-02").warnings)
    assert parts["short_sale"] in msgids(run("OR", path="short_sale").warnings)
    assert parts["short_sale"] not in msgids(run("OR", foreclosure="judicial").warnings)
    # A caveat whose text was not read: said only with that caveat.
    assert parts["note"] in msgids(run("SD", foreclosure="judicial").warnings)
    assert parts["note"] not in msgids(run("SD", foreclosure="nonjudicial").warnings)


def test_district_of_columbia_bars_a_deficiency_after_an_unreasonable_sale() -> None:
    # D.C. Code § 28-3812(e)(2): on consumer credit, no deficiency unless the goods were sold
    # in good faith and in a commercially reasonable way: said when the reader says it was not.
    car = {"loan": "auto", "state": "DC", "balance": "10000", "sale_price": "8500"}

    def said(**changes: str) -> list[Message]:
        sc = validate({**car, **changes})
        return [
            w
            for w in sl.assess(sc, evaluate(sc)).warnings
            if w.msgid == sl.MSG_AUTO_UNREASONABLE_BAR
        ]

    (bar,) = said(commercially_reasonable="no")
    assert bar.params["citation"] == "D.C. Code § 28-3812(e)(2)"
    assert said() == [] and said(commercially_reasonable="yes") == []


def test_connecticut_car_rules_read_in_the_current_statute() -> None:
    # Conn. Gen. Stat. § 36a-785(f)-(g) as amended by P.A. 16-65: no deficiency for a car whose
    # cash price was $4,000 or less (it was $2,000); above, figured on the greater of the
    # NADA-based fair market value and the resale price (issue 15).
    car = validate({"loan": "auto", "state": "CT", "balance": "10000", "sale_price": "8500"})
    warnings = sl.assess(car, evaluate(car)).warnings
    bars = [w for w in warnings if w.msgid == sl.MSG_AUTO_BAR[("cash_price", "lte")]]
    assert [w.money for w in bars] == [{"threshold": 400_000}]
    fmv = [w for w in warnings if w.msgid == sl.MSG_AUTO_FMV]
    assert [w.params["citation"] for w in fmv] == ["Conn. Gen. Stat. § 36a-785(d), (g)"]
    valued = car.model_copy(update={"fmv": 9500})
    amounts = [
        w.money
        for w in sl.assess(valued, evaluate(valued)).warnings
        if w.msgid == sl.MSG_AUTO_FMV_AMOUNT
    ]
    assert amounts == [{"amount": 50_000}]  # 10,000 - the greater of 9,500 and 8,500


def test_florida_consumer_finance_loan_is_figured_on_fair_market_value() -> None:
    # Fla. Stat. 516.31(3): below $2,000 unpaid no deficiency; from $2,000 the unpaid balance
    # minus the collateral's fair market value: 10,000 − 9,500 = 500 at most.
    car = validate({"loan": "auto", "state": "FL", "balance": "10000", "sale_price": "8500"})
    plain = sl.assess(car, evaluate(car))
    assert sl.MSG_AUTO_FMV_LOAN in msgids(plain.warnings)
    valued = car.model_copy(update={"fmv": 9500})
    at_most = [w for w in sl.assess(valued, evaluate(valued)).warnings]
    amounts = [w.money for w in at_most if w.msgid == sl.MSG_AUTO_FMV_LOAN_AMOUNT]
    # The $2,000 the rule starts at comes from auto_rules.csv, not from the sentence.
    assert amounts == [{"amount": 50_000, "threshold": 200_000}]


# -- the questions and the States page ----------------------------------------------------------
def test_questions_name_the_new_facts() -> None:
    rules = sl.load_rules()
    assert "redemption_period" in sl.questions_for(rules["MN"], "mortgage", "foreclosure")
    assert "agricultural" in sl.questions_for(rules["MN"], "mortgage", "foreclosure")
    assert "sale_confirmed" in sl.questions_for(rules["GA"], "mortgage", "foreclosure")
    assert "strict_foreclosure" in sl.questions_for(rules["CT"], "mortgage", "foreclosure")
    assert "seller_financed" in sl.questions_for(rules["OR"], "mortgage", "foreclosure")
    assert "seller_financed" not in sl.questions_for(rules["OR"], "mortgage", "short_sale")
    assert sl.questions_for(rules["IL"], "mortgage", "deed_in_lieu") == ("liability_kept",)
    assert "lender_bought" in sl.questions_for(rules["PA"], "mortgage", "foreclosure")
    assert "foreclosure" not in sl.questions_for(rules["KY"], "mortgage", "foreclosure")


def test_every_question_has_a_widget_and_a_label() -> None:
    from deficiency.core.scenario import SCENARIO_KEYS
    from deficiency.text.labels import FIELD_LABELS

    asked = set()
    for rule in sl.load_rules().values():
        for path in ("foreclosure", "short_sale", "deed_in_lieu"):
            asked |= set(sl.questions_for(rule, "mortgage", path))
    assert asked <= set(SCENARIO_KEYS)
    assert asked <= set(FIELD_LABELS)
    forms = (Path(__file__).parents[4] / "ui" / "forms.py").read_text(encoding="utf-8")
    for key in asked - {"sale_date"}:
        assert f'"{key}": lambda c:' in forms, key


def test_coverage_of_the_new_mechanisms() -> None:
    def status(code: str, **facts: str) -> str:
        return sl.coverage(validate({**BASE, **facts}), code).status

    assert status("MN", foreclosure="nonjudicial") == "depends"
    assert status("MN", foreclosure="nonjudicial", redemption_period="six_months") == "yes"
    assert status("MN", foreclosure="nonjudicial", redemption_period="twelve_months") == "no"
    assert status("GA", foreclosure="nonjudicial", fmv="260000") == "depends"
    assert status("IL", path="deed_in_lieu") == "yes"
    # Liability kept in writing: what is owed then depends on that agreement.
    assert status("IL", path="deed_in_lieu", liability_kept="yes") == "depends"
    assert status("OR", foreclosure="judicial", owner_occupied="no", seller_financed="yes") == (
        "yes"
    )


# -- the table ----------------------------------------------------------------------------------
def _rows() -> tuple[list[str], list[dict[str, str]]]:
    text = (
        resources.files("deficiency.rules.state_law")
        .joinpath("data", "state_law.csv")
        .read_text(encoding="utf-8")
    )
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def _parse(rows: list[dict[str, str]], columns: list[str]) -> Any:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return sl.parse_rules(out.getvalue())


@pytest.mark.parametrize(
    ("code", "column", "value", "expected"),
    [
        ("AZ", "prerequisites", "personal_service:sometimes", "'sometimes' is not one of"),
        ("AZ", "prerequisites", "fmv_hearing;fmv_hearing:judicial", "lists a code twice"),
        ("WA", "notes", "commercial_exceptions:vibes", "notes: 'vibes' is not one of"),
        ("KY", "request_deadline_amount", "30", "request_deadline_unit: is required"),
        ("IL", "deed_in_lieu_citation", "", "deed_in_lieu_citation: is required"),
        ("OR", "seller_financed_paths", "", "seller_financed_paths: is required"),
        ("DE", "unconfirmed", "vibes", "'vibes' is not one of"),
        ("DE", "confidence", "confirmed", "unconfirmed"),
        ("GA", "deadline_kind", "", "deadline_kind: is required"),
        ("MN", "bar_nonjudicial", "short", "'short' is not one of"),
    ],
)
def test_new_columns_are_validated(code: str, column: str, value: str, expected: str) -> None:
    columns, rows = _rows()
    next(row for row in rows if row["code"] == code)[column] = value
    with pytest.raises(sl.StateLawDataError) as error:
        _parse(rows, columns)
    assert expected in str(error.value)
    assert f"({code})" in str(error.value)


def test_every_note_and_part_has_a_message() -> None:
    from deficiency.rules.state_law.rows import NOTE_CODES, UNCONFIRMED_PARTS

    assert set(NOTE_CODES) == set(sl.MSG_NOTE)
    named = set(UNCONFIRMED_PARTS) - set(NOTE_CODES)
    assert named | {"note"} == set(sl.MSG_UNCONFIRMED_PART)


def test_every_row_was_checked_for_issue_15_and_cites_its_rules() -> None:
    for rule in sl.load_rules().values():
        assert rule.verified == dt.date(2026, 12, 1), rule.code
        assert "nolo.com" not in rule.source_url or rule.confidence == "unconfirmed", rule.code
        assert "alllaw.com" not in rule.source_url, rule.code
        assert "justia.com/cases/utah" not in rule.source_url, rule.code


@pytest.mark.parametrize(
    ("state", "extra"),
    [
        ("AR", {"foreclosure": "nonjudicial", "sale_date": "2026-03-01"}),  # fair-value credit
        ("TX", {"foreclosure": "nonjudicial"}),  # the borrower's fair-value credit
        ("GA", {"foreclosure": "nonjudicial"}),  # a value bar: no confirmation
    ],
)
def test_the_tax_section_counts_what_the_state_lets_the_lender_collect(
    state: str, extra: dict[str, str]
) -> None:
    # A reviewer found Arkansas's Calculator saying "You still owe $40,000" beside a Tax page
    # whose worksheet counted $100,000 still owed: the part a fair-value credit (or a value
    # bar) takes away is relieved, in the tax section, its 1099-C sentence and What if alike.
    from deficiency.core import whatif

    data = {**BASE, "state": state, "fmv": "260000", "sale_price": "200000", **extra}
    found = analyze(validate(data))
    assert found.state.collectible_cents < found.result.deficiency  # the law took some away
    debt = found.result.total_owed - to_cents(found.scenario.credits)
    assert found.tax.debt_relieved == debt - found.owes
    assert found.tax.cancelled_debt == found.result.deficiency - found.owes
    swept = whatif.figures(found.scenario, sale_price=np.array([20_000_000]))
    assert int(swept["cancelled"][0]) == found.tax.cancelled_debt
