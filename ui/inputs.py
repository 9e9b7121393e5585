"""Input widgets bound to scenario fields: one helper per kind of field.

Each widget is keyed ``in_<field>``, starts from the session's scenario, and reports changes
through :func:`ui.state.on_widget_change`, which validates with the core. The widgets are
plain, typeable number fields (sliders belong to the what-if pages).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from ui import state
from ui.labels import FIELD_LABELS, OPTION_LABELS
from ui.text import _, translator

MAX_DOLLARS = 100_000_000.0


def _prepare(field: str) -> tuple[str, str, str]:
    key = state.widget_key(field)
    if key not in st.session_state:
        st.session_state[key] = state.widget_value(state.scenario(), field)
    label, help_text = FIELD_LABELS[field]
    return key, _(label), _(help_text)


def amount(field: str, container: Any = st, *, optional: bool = False) -> None:
    """A dollar amount: 0 to 100,000,000, two decimals, typed freely."""
    key, label, help_text = _prepare(field)
    container.number_input(
        label,
        min_value=0.0,
        max_value=MAX_DOLLARS,
        step=100.0,
        format="%.2f",
        key=key,
        help=help_text,
        on_change=state.on_widget_change,
        args=(field,),
        placeholder=_("Not known") if optional else None,
    )


def choice(field: str, options: Sequence[str], container: Any = st, *, radio: bool = False) -> None:
    """A choice among stable codes, shown with translated labels (codes go to the URL)."""
    key, label, help_text = _prepare(field)
    if st.session_state[key] not in options:
        st.session_state[key] = options[0]
    widget = container.radio if radio else container.selectbox
    translate = translator()  # bound now: the label function must not look up the session
    widget(
        label,
        options=list(options),
        format_func=lambda code: translate(OPTION_LABELS.get(code, code)),
        key=key,
        help=help_text,
        on_change=state.on_widget_change,
        args=(field,),
    )
