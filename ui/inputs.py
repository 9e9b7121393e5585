"""Input widgets bound to scenario fields: one helper per kind of field.

Each widget is keyed ``in_<field>``, starts from the session's scenario, and reports changes
through :func:`ui.state.on_widget_change`, which validates with the core. The widgets are
plain, typeable number fields (sliders belong to the what-if pages).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import streamlit as st

from ui import state
from ui.labels import FIELD_LABELS, OPTION_LABELS
from ui.text import _, translator


def _prepare(field: str) -> tuple[str, dict[str, Any]]:
    """The translated label and the arguments every bound widget shares.

    The widget starts from the session's value of ``field``, is keyed ``in_<field>`` and
    reports each change to :func:`ui.state.on_widget_change` (validated by the core).
    """
    key = state.widget_key(field)
    if key not in st.session_state:
        st.session_state[key] = state.widget_value(state.scenario(), field)
    label, help_text = FIELD_LABELS[re.sub(r"^fc\d_", "fc_", field)]
    bound = {
        "key": key,
        "help": _(help_text),
        "on_change": state.on_widget_change,
        "args": (field,),
    }
    return _(label), bound


def amount(field: str, container: Any = st, *, optional: bool = False) -> None:
    """A dollar amount: 0 to 100,000,000, two decimals, typed freely.

    No ``min_value``/``max_value``: the browser would refuse a value out of range with only
    a red mark, so every value reaches the core, whose message names the field and the
    allowed range (issue 13); a refused value is put back to the last good one.
    """
    label, bound = _prepare(field)
    container.number_input(
        label,
        step=100.0,
        format="%.2f",
        **bound,
        placeholder=_("Not known") if optional else None,
    )


def _schema_choices(field: str) -> tuple[str, ...]:
    """The codes the field's model accepts (``deficiency.core.scenario.choices``)."""
    from deficiency.core.scenario import Scenario, choices
    from deficiency.counselor.form1099c import Form1099CInputs
    from deficiency.counselor.letter import LetterInputs

    if field.startswith("lt_"):
        return choices(LetterInputs, field)
    if re.match(r"^fc\d?_", field):
        return choices(Form1099CInputs, re.sub(r"^fc\d?_", "fc_", field))
    return choices(Scenario, field)


def choice(
    field: str,
    container: Any = st,
    *,
    options: Sequence[str] | None = None,
    radio: bool = False,
) -> None:
    """A choice among stable codes, shown with translated labels (codes go to the URL).

    The codes are the schema's own unless ``options`` narrows them (the paths of a loan).
    """
    options = tuple(options) if options is not None else _schema_choices(field)
    label, bound = _prepare(field)
    if st.session_state[bound["key"]] not in options:
        st.session_state[bound["key"]] = options[0]
    widget = container.radio if radio else container.selectbox
    translate = translator()  # bound now: the label function must not look up the session
    widget(
        label,
        options=list(options),
        format_func=lambda code: translate(OPTION_LABELS.get(code, code)),
        **bound,
    )


def flag(field: str, container: Any = st) -> None:
    """A yes/no fact, as a checkbox."""
    label, bound = _prepare(field)
    container.checkbox(label, **bound)


def optional_choice(field: str, container: Any = st) -> None:
    """A choice whose first option ("") means "not known / the usual case" (``None``).

    Streamlit shows a ``None`` selection as an empty placeholder, so the empty string
    stands in for it; the core reads "" as not set. The codes are the schema's.
    """
    options = _schema_choices(field)
    label, bound = _prepare(field)
    if st.session_state[bound["key"]] not in options:
        st.session_state[bound["key"]] = options[0]
    translate = translator()
    container.selectbox(
        label,
        options=list(options),
        format_func=lambda code: translate(OPTION_LABELS.get(_option_key(code), str(code))),
        **bound,
    )


def _option_key(code: Any) -> str:
    """Label key of an option; "" (empty) stands for "not known / the usual case"."""
    return {"": "__none__", "yes": "__yes__", "no": "__no__"}.get(code, str(code))


def date(field: str, container: Any = st) -> None:
    """A date typed as text (``2025-09-15``), empty when not known.

    Why not ``st.date_input``: its segmented field commits only when focus leaves the whole
    widget, and Tab from the day goes to its own calendar button, so a date typed and
    tabbed past stayed on screen without reaching the scenario, the link or the PDF
    (issue 13). A text field commits on Enter and on Tab like every other input; the core
    reads the reader's own forms too (:func:`deficiency.text.i18n.parse_typed_date`).
    """
    label, bound = _prepare(field)
    if not isinstance(st.session_state[bound["key"]], str):
        st.session_state[bound["key"]] = state.widget_value(state.scenario(), field)
    container.text_input(
        label,
        max_chars=32,
        placeholder=_("YYYY-MM-DD"),
        **bound,
    )


def whole_number(field: str, container: Any = st) -> None:
    """A count (its range is the schema's; out of range values are explained by the core)."""
    label, bound = _prepare(field)
    container.number_input(
        label,
        step=1,
        **bound,
    )


def decimal_number(field: str, container: Any = st) -> None:
    """A measure with two decimals (acres); the range is the schema's."""
    label, bound = _prepare(field)
    container.number_input(
        label,
        step=0.25,
        format="%.2f",
        **bound,
    )


def settlement_share(key: str) -> int:
    """The settlement offer as a share of the deficiency, in percent (What if, Compare): its
    range and start are the core's (``whatif.SETTLEMENT_PERCENT_RANGE``/``_START``)."""
    from deficiency.core import whatif

    low, high = whatif.SETTLEMENT_PERCENT_RANGE
    return int(
        st.slider(
            _("Settlement offer, as a share of the deficiency (%)"),
            low,
            high,
            whatif.SETTLEMENT_PERCENT_START,
            key=key,
            persist_state="session",
        )
    )


def state_choice(container: Any = st) -> None:
    """The borrower's state: codes in the URL, "TX – Texas" on screen (names are proper nouns)."""
    from deficiency.core.scenario import STATE_CODES
    from deficiency.rules.state_law import load_rules

    names = {code: rule.name for code, rule in load_rules().items()}
    label, bound = _prepare("state")
    options: list[str] = ["", *STATE_CODES]
    # Translated now, with ``_`` so the catalogs have it: it was left in English.
    choose = _("Choose a state")
    container.selectbox(
        label,
        options=options,
        format_func=lambda code: choose if not code else f"{code} – {names[code]}",
        **bound,
    )


def text(field: str, container: Any = st) -> None:
    """Free text (kept as typed; always shown escaped, never as HTML or markdown).

    Only the 1099-C's description is free text; its length limit is the schema's.
    """
    from deficiency.core.scenario import max_length
    from deficiency.counselor.form1099c import Form1099CInputs

    max_chars = max_length(Form1099CInputs, re.sub(r"^fc\d?_", "fc_", field))
    label, bound = _prepare(field)
    if st.session_state[bound["key"]] is None:
        st.session_state[bound["key"]] = ""
    container.text_input(
        label,
        max_chars=max_chars,
        **bound,
    )


def percent(field: str, container: Any = st) -> None:
    """A yearly rate in percent, three decimals (6.875)."""
    label, bound = _prepare(field)
    container.number_input(
        label,
        step=0.125,
        format="%.3f",
        **bound,
    )
