"""The scenario page's widgets with nothing behind them (the floor for bench/rerun.py and
the second reference of bench/browser.py).

Same sidebar selector, headline metrics, two columns, input widgets (labels, keys, ranges,
formats, expanders, radio, example buttons, reset) as ``pages/scenario.py``, but fixed
strings instead of the analysis, the chart, the table and the translated sections. The
widget list is a snapshot of the page when this benchmark was written: keep it in step.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

MIN_DATE, MAX_DATE = dt.date(1980, 1, 1), dt.date(2100, 12, 31)
STATES = ["", "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID"]


def amount(label: str, key: str) -> None:
    st.number_input(
        label, min_value=0.0, max_value=100_000_000.0, step=100.0, format="%.2f", key=key
    )


def day(label: str, key: str) -> None:
    st.date_input(
        label, value=None, min_value=MIN_DATE, max_value=MAX_DATE, key=key, format="YYYY-MM-DD"
    )


for key in ("balance", "sale_price"):  # the link prefills the two amounts, as the app's does
    if f"in_{key}" not in st.session_state:
        st.session_state[f"in_{key}"] = float(st.query_params.get(key, 0))
#: The one figure computed (a subtraction): bench/browser.py times it changing on this
#: page too, the floor for a page with the Calculator's widgets and nothing behind them.
owed = max(st.session_state["in_balance"] - st.session_state["in_sale_price"], 0.0)

with st.sidebar:
    st.selectbox("Language · 言語 · Idioma", ["en", "es", "ja"], key="lang_select")
st.title("Deficiency balance calculator")
st.caption("What you may still owe after a short sale, foreclosure or repossession.")

headline = st.container(border=True, horizontal=True)
headline.metric("Deficiency balance", f"${owed:,.2f}")
headline.metric("You still owe", "$50,000.00")
headline.metric("Cancelled (forgiven) debt", "$0.00")

left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader("The loan")
    st.selectbox("Type of loan", ["mortgage", "auto", "other"], key="in_loan")
    st.selectbox(
        "What happened to the collateral",
        ["short_sale", "foreclosure", "deed_in_lieu"],
        key="in_path",
    )
    st.selectbox("State", STATES, key="in_state")
    amount("Loan balance", "in_balance")
    st.subheader("The sale")
    amount("Sale price", "in_sale_price")
    amount("Credits", "in_credits")
    day("Date of the sale", "in_sale_date")
    with st.expander("Fees and costs: $0.00"):
        for label, key in [
            ("Accrued interest", "in_interest"),
            ("Late fees", "in_late_fees"),
            ("Legal and court fees", "in_legal_fees"),
            ("Sale costs", "in_sale_costs"),
            ("Holding costs", "in_holding_costs"),
            ("Other fees", "in_other_fees"),
        ]:
            amount(label, key)
        st.caption("Running total of fees and costs: $0.00")
    st.subheader("What the lender does")
    st.radio(
        "What the lender does with the deficiency",
        ["collect", "forgive", "settle"],
        key="in_action",
    )
    with st.expander("Tax details (optional)"):
        st.selectbox("Filing status", ["single", "married_joint"], key="in_filing_status")
        amount("Taxable income before the cancelled debt", "in_taxable_income")
        st.selectbox("Personally liable for the debt", ["", "yes", "no"], key="in_recourse")
        st.selectbox("Bankruptcy", ["none", "chapter7", "chapter13"], key="in_bankruptcy")
        st.checkbox("It was your main home", value=True, key="in_main_home")
        for label, key in [
            ("Adjusted basis of the property", "in_basis"),
            ("Fair market value at the sale", "in_fmv"),
            ("Total liabilities just before the cancellation", "in_total_liabilities"),
            ("Total assets just before the cancellation", "in_total_assets"),
        ]:
            amount(label, key)
        day("Date the debt was cancelled", "in_discharge_date")
    with st.expander("Credit report details (optional)"):
        day("Date of first delinquency", "in_dofd")
        st.selectbox("Credit score before the default", ["", "680", "720", "780"], key="in_score")
        st.checkbox("Extenuating circumstances", key="in_extenuating")
        st.selectbox(
            "All payments on time in the 12 months before the short sale",
            ["", "yes", "no"],
            key="in_current_before_sale",
        )
        day("Charge-off date", "in_charge_off_date")
        day("Settlement date", "in_settlement_date")
        day("Bankruptcy filing date", "in_bankruptcy_date")
    st.divider()
    st.markdown("Try an example:")
    st.button("Short sale: $250,000 owed, house sold for $200,000", key="example_short_sale")
    st.button("Car repossession: $10,000 owed, sold for $8,500", key="example_car")

with right:
    st.subheader("How it adds up")
    row = st.columns(2)
    row[0].metric("Total owed", "$250,000.00")
    row[1].metric("Applied from the sale", "$200,000.00")
    st.subheader("Share this scenario")
    st.code("http://localhost:8501/?v=1", language=None, wrap_lines=True)
    st.button("Reset to the defaults", key="reset")
