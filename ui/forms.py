"""Groups of inputs beyond the basics: the state's questions, tax details, credit details.

The state group asks only what the chosen state's rule depends on (the core says which
keys: :func:`deficiency.rules.state_law.questions_for`), so a Texas borrower is asked about
home-equity loans and an Arizona borrower about acreage and dwelling type.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import inputs

_STATE_WIDGETS = {
    "foreclosure": lambda c: inputs.optional_choice("foreclosure", c),
    "strict_foreclosure": lambda c: inputs.optional_choice("strict_foreclosure", c),
    "redemption_period": lambda c: inputs.optional_choice("redemption_period", c),
    "purchase_money": lambda c: inputs.flag("purchase_money", c),
    "seller_financed": lambda c: inputs.flag("seller_financed", c),
    "loan_date": lambda c: inputs.date("loan_date", c),
    "owner_occupied": lambda c: inputs.flag("owner_occupied", c),
    "units": lambda c: inputs.whole_number("units", c),
    "acres": lambda c: inputs.decimal_number("acres", c),
    "agricultural": lambda c: inputs.flag("agricultural", c),
    "home_equity": lambda c: inputs.flag("home_equity", c),
    "lender_bought": lambda c: inputs.flag("lender_bought", c),
    "fmv": lambda c: inputs.amount("fmv", c, optional=True),
    "sale_date": lambda c: inputs.date("sale_date", c),
    "sale_confirmed": lambda c: inputs.optional_choice("sale_confirmed", c),
    "notice_given": lambda c: inputs.flag("notice_given", c),
    "liability_kept": lambda c: inputs.flag("liability_kept", c),
    "commercially_reasonable": lambda c: inputs.flag("commercially_reasonable", c),
}


def state_questions(questions: tuple[str, ...], container: Any = st) -> None:
    """The questions the state's rule depends on (sale date and state are asked elsewhere)."""
    for key in questions:
        if key in _STATE_WIDGETS and key != "sale_date":
            _STATE_WIDGETS[key](container)


def tax_inputs(container: Any = st) -> None:
    inputs.choice("filing_status", container)
    inputs.amount("taxable_income", container)
    inputs.optional_choice("recourse", container)
    inputs.choice("bankruptcy", container)
    inputs.flag("main_home", container)
    inputs.flag("owned_and_lived_2_of_5", container)
    inputs.flag("prior_home_exclusion", container)
    inputs.amount("basis", container, optional=True)
    inputs.flag("held_over_one_year", container)
    if "fmv" not in st.session_state.get("_asked", ()):
        inputs.amount("fmv", container, optional=True)
    inputs.amount("total_liabilities", container, optional=True)
    inputs.amount("total_assets", container, optional=True)
    inputs.date("discharge_date", container)


def credit_inputs(container: Any = st) -> None:
    inputs.date("dofd", container)
    inputs.optional_choice("score", container)
    inputs.flag("extenuating", container)
    inputs.optional_choice("current_before_sale", container)
    inputs.date("charge_off_date", container)
    inputs.date("settlement_date", container)
    inputs.date("bankruptcy_date", container)
