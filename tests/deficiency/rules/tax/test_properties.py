"""Property tests: the tax invariants hold for any valid scenario."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency import evaluate, sweep, validate
from deficiency.core.money import cents_str
from deficiency.core.scenario import BANKRUPTCY_KINDS, FILING_STATUSES, PATHS_BY_LOAN
from deficiency.rules import tax

TODAY = dt.date(2025, 6, 30)
TOP_RATE_BP = 3700
TOP_GAIN_RATE_BP = 2000
dollars = st.integers(min_value=0, max_value=2_000_000_00)  # cents, up to $2M
optional = st.none() | dollars


@st.composite
def scenarios(draw) -> tuple[dict[str, str], bool | None]:
    loan = draw(st.sampled_from(["mortgage", "auto", "other"]))
    data = {
        "loan": loan,
        "path": draw(st.sampled_from(PATHS_BY_LOAN[loan])),
        "balance": cents_str(draw(dollars)),
        "interest": cents_str(draw(st.integers(0, 50_000_00))),
        "sale_price": cents_str(draw(dollars)),
        "credits": cents_str(draw(st.integers(0, 20_000_00))),
        "action": draw(st.sampled_from(["collect", "forgive", "settle"])),
        "main_home": draw(st.sampled_from(["yes", "no"])),
        "home_equity": draw(st.sampled_from(["yes", "no"])),
        "bankruptcy": draw(st.sampled_from(BANKRUPTCY_KINDS)),
        "filing_status": draw(st.sampled_from(FILING_STATUSES)),
        "taxable_income": cents_str(draw(st.integers(0, 1_500_000_00))),
        "discharge_date": draw(st.dates(dt.date(2005, 1, 1), dt.date(2028, 12, 31))).isoformat(),
        "held_over_one_year": draw(st.sampled_from(["yes", "no"])),
        "owned_and_lived_2_of_5": draw(st.sampled_from(["yes", "no"])),
        "prior_home_exclusion": draw(st.sampled_from(["yes", "no"])),
    }
    if draw(st.booleans()):
        data["sale_date"] = draw(st.dates(dt.date(2005, 1, 1), dt.date(2028, 12, 31))).isoformat()
    for key in ("fmv", "basis", "total_liabilities", "total_assets"):
        value = draw(optional)
        if value is not None:
            data[key] = cents_str(value)
    recourse = draw(st.sampled_from([None, "yes", "no"]))
    if recourse is not None:
        data["recourse"] = recourse
    deficiency = evaluate(validate({**data, "action": "collect"})).deficiency
    data["settlement"] = cents_str(draw(st.integers(0, deficiency)))
    return data, draw(st.sampled_from([None, True, False]))


def _assess(data: dict[str, str], nonrecourse: bool | None) -> tax.TaxResult:
    scenario = validate(data)
    return tax.assess(scenario, evaluate(scenario), nonrecourse, today=TODAY)


def _ceil_top_rate(cents: int) -> int:
    # round(x + d) − round(x) ≤ ceil(d) for round-half-up, so the extra tax on `cents` of
    # income can exceed cents × 37% only by the rounding of that product up to a cent.
    return -(-cents * TOP_RATE_BP // tax.BASIS_POINTS)


@settings(max_examples=400, deadline=None)
@given(scenarios())
def test_exclusions_split_the_income_exactly(case) -> None:
    data, nonrecourse = case
    result = _assess(data, nonrecourse)
    excluded = result.excluded
    assert set(excluded) == {"bankruptcy", "insolvency", "qpri"}
    assert min(excluded.values()) >= 0
    assert sum(excluded.values()) + result.taxable_cancelled_debt == result.cod_income
    assert 0 <= result.taxable_cancelled_debt <= result.cod_income
    assert result.cancelled_debt >= 0
    if result.recourse and "fmv" not in data:
        # FMV defaults to the sale price: the income is exactly what the lender cancels.
        assert result.cod_income == result.cancelled_debt
        assert sum(excluded.values()) + result.taxable_cancelled_debt == result.cancelled_debt
    if not result.recourse:
        assert result.cod_income == 0
    if data["bankruptcy"] != "none":
        assert result.taxable_cancelled_debt == 0


@settings(max_examples=400, deadline=None)
@given(scenarios())
def test_extra_tax_is_bounded(case) -> None:
    data, nonrecourse = case
    result = _assess(data, nonrecourse)
    gain = result.taxable_gain or 0
    short, long = (0, gain) if result.long_term else (gain, 0)
    assert result.estimated_federal_tax >= 0
    assert result.estimated_federal_tax == result.tax_on_ordinary_income + result.tax_on_gain
    assert result.tax_on_ordinary_income <= _ceil_top_rate(result.taxable_cancelled_debt + short)
    assert result.tax_on_ordinary_income <= _ceil_top_rate(result.cod_income + short)
    assert result.tax_on_gain <= -(-long * TOP_GAIN_RATE_BP // tax.BASIS_POINTS)
    if result.taxable_cancelled_debt == 0 and gain == 0:
        assert result.estimated_federal_tax == 0
    if not result.recourse:  # nonrecourse: no income from cancelled debt, no 1099-C due
        assert result.cod_income == 0 and not result.form_1099c_expected
    assert result.form_1099a.expected == ("1099-A" in result.forms_expected)
    assert result.form_1099c_expected == ("1099-C" in result.forms_expected)
    for message in (*result.steps, *result.notes):
        message.text()


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_vectorized_equals_scalar(case) -> None:
    data, nonrecourse = case
    scenario = validate(data)
    result = tax.assess(scenario, evaluate(scenario), nonrecourse, today=TODAY)
    swept = tax.tax_on_cancelled([result.cancelled_debt], scenario, nonrecourse, today=TODAY)
    assert swept.tolist() == [result.estimated_federal_tax]


@settings(max_examples=100, deadline=None)
@given(scenarios(), st.lists(st.integers(0, 2_000_000_00), min_size=1, max_size=12))
def test_settlement_sweep_agrees_with_single_scenarios(case, settlements) -> None:
    data, nonrecourse = case
    data = {**data, "action": "settle", "settlement": "0"}
    scenario = validate(data)
    deficiency = evaluate(scenario).deficiency
    paid = np.minimum(np.array(settlements, dtype=np.int64), deficiency)
    cancelled = sweep(scenario, settlement=paid)["cancelled_debt"]
    taxes = tax.tax_on_cancelled(cancelled, scenario, nonrecourse, today=TODAY)
    for amount, value in zip(paid.tolist(), taxes.tolist(), strict=True):
        one = _assess({**data, "settlement": cents_str(amount)}, nonrecourse)
        assert one.estimated_federal_tax == value


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(-10_000_00, 10**10), min_size=1, max_size=30),
    st.sampled_from(FILING_STATUSES),
    st.sampled_from([2024, 2025, 2026]),
)
def test_bracket_tax_properties(incomes, status, year) -> None:
    array = np.array(sorted(incomes), dtype=np.int64)
    taxes = tax.federal_tax(array, status, year)
    assert taxes.tolist() == [tax.federal_tax(int(x), status, year) for x in array]
    assert (np.diff(taxes) >= 0).all()  # never falls as income rises
    assert (taxes >= 0).all()
    assert (taxes <= [_ceil_top_rate(max(int(x), 0)) for x in array]).all()
