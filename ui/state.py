"""The scenario in the session and in the address bar.

Why hand-synced instead of ``bind="query-params"``: bound select widgets write their
*translated label* into the URL (a Japanese link would reopen as the default in English),
and silently drop bad values; this product must explain each bad key. So the link is
decoded once by the core (:func:`deficiency.interface.links.decode`), kept as a validated
``Scenario`` in session state (which survives page switches), and written back as stable
codes after every run. Nothing lives only in server memory: the URL rebuilds everything.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import streamlit as st

from deficiency.core.engine import evaluate, fit_settlement, settlement_issue
from deficiency.core.scenario import (
    DATE_KEYS,
    DEFAULTS,
    Scenario,
    replace,
)
from deficiency.core.validators import FieldIssue, ScenarioError
from deficiency.counselor.form1099c import Form1099CInputs, decode_forms, is_form_key
from deficiency.counselor.letter import LetterInputs, decode_letter, is_letter_key
from deficiency.interface import links
from deficiency.interface.querycodes import query_code
from deficiency.text import i18n
from deficiency.text.i18n import parse_typed_date
from ui.text import LANG_KEY

SCENARIO = "_scenario"
EXTRA = "_extra"  # the letter's (lt_*) and the 1099-C forms' (fc*_*) query values
LINK_ISSUES = "_link_issues"
INPUT_ISSUES = "_input_issues"
LAST_URL = "_last_url"
LANG_NOTICE = "_lang_notice"
WIDGET_PREFIX = "in_"


def widget_key(field: str) -> str:
    return WIDGET_PREFIX + field


def scenario() -> Scenario:
    return st.session_state.get(SCENARIO, DEFAULTS)


def _query_pairs() -> list[tuple[str, str]]:
    """Every ``(key, value)`` of the address, repeats included (``get_all``)."""
    return [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]


def _query() -> dict[str, str]:
    """The address as one value per key (a key repeated with different values is left out)."""
    return links.collapse_repeats(_query_pairs())[0]


def load_from_link() -> None:
    """At the start of every run: (re)open the scenario when the link is new to the session.

    A link is new when the session has none yet, or when the address holds parameters this
    session did not write (a preset link, a pasted link). An empty query (page switch) keeps
    the scenario.
    """
    _take_resent_values()  # after a reconnect: what the reader's page held (see below)
    query = _query()
    first = SCENARIO not in st.session_state
    external = bool(query) and query != st.session_state.get(LAST_URL)
    if not first and not external:
        return
    if first or any(key not in links.SHELL_KEYS for key in query) or "v" in query:
        query, repeated = links.collapse_repeats(_query_pairs())
        opened, letter, forms, issues = links.decode_all(query)
        issues = repeated + issues
        set_scenario(opened)
        st.session_state[EXTRA] = links.encode_all(DEFAULTS, letter, forms)
        st.session_state[EXTRA].pop("v", None)
        st.session_state[LINK_ISSUES] = issues
    raw_lang = query.get("lang")
    chosen = i18n.normalize_language(raw_lang)
    if raw_lang is not None and chosen is None:
        st.session_state[LANG_NOTICE] = raw_lang[:32]
    if chosen or first:
        st.session_state[LANG_KEY] = chosen or i18n.DEFAULT_LANGUAGE
        st.session_state["lang_select"] = st.session_state[LANG_KEY]
    st.session_state[LAST_URL] = query  # consumed: a second call in the same run is a no-op


def link_params() -> dict[str, str]:
    """The query parameters of the current scenario and language."""
    params = links.encode(scenario())
    params.update(st.session_state.get(EXTRA, {}))
    lang = st.session_state.get(LANG_KEY, i18n.DEFAULT_LANGUAGE)
    if lang != i18n.DEFAULT_LANGUAGE:
        params["lang"] = lang
    return params


#: Widget values a reconnecting browser re-sent (protobufs, by widget key), for this run.
RESENT = "_resent"
#: Those that differ from the page as drawn: ``{field: (value, shown)}``, for the next run.
RESENT_CHANGES = "_resent_changes"


def _take_resent_values() -> None:
    """At the start of every run: apply the edits replayed by the last run, note new ones.

    Why: when the server behind a page dies or restarts, the browser reconnects to a new
    session (another replica, or the restarted process) and sends every widget's value
    with that session's first run, including an edit the dead server never answered.
    Streamlit cannot read those values or call their ``on_change`` until each widget is
    drawn in the new session, and by then the inputs have been filled from the link
    (older: the address bar lags the edit in flight). So this run notes them
    (:func:`ui.streamlit_internals.unregistered_widget_values`: empty in ordinary runs),
    :func:`replay_resent_values` compares them with what was drawn at the end of the run,
    and the next run applies each difference exactly as if the reader had just typed it:
    through :func:`on_widget_change`, so numbers, choices, text, dates, the letter and the
    1099-C boxes are validated by the core like any edit, and a refused value is explained.
    A field that changed in between (the reader's newer edit) keeps its newer value.
    """
    from ui import streamlit_internals

    for field, (value, shown) in st.session_state.pop(RESENT_CHANGES, {}).items():
        key = widget_key(field)
        if st.session_state.get(key) != shown:
            continue
        st.session_state[key] = value
        on_widget_change(field)
    resent = streamlit_internals.unregistered_widget_values(WIDGET_PREFIX)
    if resent:
        st.session_state[RESENT] = resent
    else:
        st.session_state.pop(RESENT, None)


def replay_resent_values() -> None:
    """At the end of a run (last thing a page does): rerun with the re-sent edits, if any.

    Only now can a re-sent value be read: each widget has been drawn, so Streamlit has its
    deserializer (a select box sends its translated label, not the code). Values equal to
    what the widget shows are no edit and are dropped; widgets this run did not draw have
    nothing to read them with and are dropped too.
    """
    from ui import streamlit_internals

    changes: dict[str, tuple[Any, Any]] = {}
    for key, sent in (st.session_state.pop(RESENT, None) or {}).items():
        try:
            value = streamlit_internals.widget_value(sent)
        except KeyError:
            continue
        shown = st.session_state.get(key)
        if value != shown:
            changes[key[len(WIDGET_PREFIX) :]] = (value, shown)
    if changes:
        st.session_state[RESENT_CHANGES] = changes
        st.rerun()


def write_link() -> None:
    """Mirror the scenario (and language) into the address bar: a shareable link."""
    params = link_params()
    if _query() != params:
        st.query_params.from_dict(params)
    st.session_state[LAST_URL] = params


def set_scenario(new: Scenario) -> None:
    """Replace the scenario and push its values into every input widget."""
    st.session_state[SCENARIO] = new
    for key in list(st.session_state.keys()):
        if isinstance(key, str) and key.startswith(WIDGET_PREFIX):
            field = key[len(WIDGET_PREFIX) :]
            if hasattr(new, field):
                st.session_state[key] = widget_value(new, field)


#: Optional choices whose "not set" (``None``) is shown as the empty-string option.
EMPTY_CHOICE_FIELDS = frozenset(
    {
        "state",
        "foreclosure",
        "score",
        "recourse",
        "current_before_sale",
        "strict_foreclosure",
        "redemption_period",
        "sale_confirmed",
    }
)


def is_empty_choice(field: str) -> bool:
    """Choices whose "not known" (``None``) is shown as the empty-string option."""
    return (
        field in EMPTY_CHOICE_FIELDS
        or field in ("lt_precomputed", "lt_addons")
        or re.fullmatch(r"fc\d?_(liable|code)", field) is not None
    )


def letter() -> LetterInputs:
    """The lender's letter as entered (validated; defaults where blank)."""
    return decode_letter(st.session_state.get(EXTRA, {}))[0]


def forms() -> list[Form1099CInputs]:
    """The 1099-C forms as entered (blank forms left out)."""
    return decode_forms(st.session_state.get(EXTRA, {}))[0]


def _extra_value(field: str) -> Any:
    """The validated value of one letter or form key (its default when not entered)."""
    raw = st.session_state.get(EXTRA, {}).get(field)
    if is_letter_key(field):
        model: Any = LetterInputs
        name = field
    else:
        model = Form1099CInputs
        name = "fc_" + field.split("_", 1)[1]
    if raw is None:
        return model.model_fields[name].default
    return getattr(model.model_validate({name: raw}), name)


def widget_value(sc: Scenario, field: str) -> Any:
    """What a widget shows for a field (floats for number inputs are display only)."""
    value = _extra_value(field) if is_extra_key(field) else getattr(sc, field)
    if is_empty_choice(field):
        if value is None:
            return ""
        if isinstance(value, bool):
            return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()  # dates are typed as text (ui.inputs.date)
    if value is None and is_date_field(field):
        return ""
    if field in ("acres",) or (value is not None and type(value).__name__ == "Decimal"):
        return float(value)
    return value


def is_date_field(field: str) -> bool:
    """Fields typed as dates: the scenario's and the 1099-C forms' (``fc_date``, ``fc2_date``)."""
    return field in DATE_KEYS or re.fullmatch(r"fc\d?_date", field) is not None


def is_extra_key(field: str) -> bool:
    return is_letter_key(field) or is_form_key(field)


def _on_extra_change(field: str, value: Any) -> None:
    """A letter or 1099-C box changed: validate it alone, keep it as a query value."""
    issues: dict[str, list[FieldIssue]] = st.session_state.setdefault(INPUT_ISSUES, {})
    extra = dict(st.session_state.get(EXTRA, {}))
    if value is None or value == "":
        extra.pop(field, None)
    else:
        if isinstance(value, float):
            value = Decimal(repr(value))
        if isinstance(value, str) and value in ("yes", "no"):
            value = value == "yes"
        extra[field] = query_code(value)
    decoder = decode_letter if is_letter_key(field) else decode_forms
    part = {k: v for k, v in extra.items() if (is_letter_key(k) == is_letter_key(field))}
    _, problems = decoder(part)
    mine = [p for p in problems if p.key == field]
    if mine:
        issues[field] = mine
        st.session_state[widget_key(field)] = widget_value(scenario(), field)  # last good one
        return
    issues.pop(field, None)
    st.session_state[EXTRA] = links.encode_all(DEFAULTS, *_parts(extra))
    st.session_state[EXTRA].pop("v", None)


def _parts(extra: dict[str, str]) -> tuple[LetterInputs, list[Form1099CInputs]]:
    return decode_letter(extra)[0], decode_forms(extra)[0]


def on_widget_change(field: str) -> None:
    """Callback of every input: validate through the core, keep the scenario valid."""
    value = st.session_state[widget_key(field)]
    if is_date_field(field) and isinstance(value, str):
        value = parse_typed_date(value, st.session_state.get(LANG_KEY, i18n.DEFAULT_LANGUAGE))
        if isinstance(value, dt.date):
            value = value.isoformat()
    if is_extra_key(field):
        _on_extra_change(field, value)
        return
    issues: dict[str, list[FieldIssue]] = st.session_state.setdefault(INPUT_ISSUES, {})
    try:
        new = replace(scenario(), **{field: value})
        deficiency = evaluate(new.model_copy(update={"action": "collect"})).deficiency
        too_high = settlement_issue(new, deficiency) if field == "settlement" else None
        if too_high is not None:
            raise ScenarioError([too_high])
    except ScenarioError as exc:
        # Refused: the scenario, the figures and the link keep the last valid value, and
        # so does the field, so nothing on the page contradicts the message.
        issues[field] = exc.issues
        st.session_state[widget_key(field)] = widget_value(scenario(), field)
        return
    issues.pop(field, None)
    new, lowered = fit_settlement(new)
    if lowered is not None:
        issues["settlement"] = [lowered]
    elif field != "settlement":
        issues.pop("settlement", None)
    st.session_state.pop(LINK_ISSUES, None)
    set_scenario(new)


def apply_changes(**changes: Any) -> None:
    """Change several scenario keys at once (a callback), validated by the core."""
    try:
        new = replace(scenario(), **changes)
    except ScenarioError as exc:
        st.session_state.setdefault(INPUT_ISSUES, {})["_apply"] = exc.issues
        return
    st.session_state.setdefault(INPUT_ISSUES, {}).pop("_apply", None)
    set_scenario(new)


def input_issues(field: str | None = None) -> list[FieldIssue]:
    """The refused inputs' issues: every field's, or only ``field``'s."""
    groups = st.session_state.get(INPUT_ISSUES, {})
    if field is not None:
        return list(groups.get(field, []))
    return [issue for group in groups.values() for issue in group]


def reset() -> None:
    """Back to the defaults (callback of the Reset button)."""
    st.session_state[INPUT_ISSUES] = {}
    st.session_state[EXTRA] = {}
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(WIDGET_PREFIX)]:
        if is_extra_key(key[len(WIDGET_PREFIX) :]):
            del st.session_state[key]
    st.session_state.pop(LINK_ISSUES, None)
    set_scenario(DEFAULTS)


def open_scenario(new: Scenario) -> None:
    """Open a prepared scenario (an example) in place of the current one."""
    st.session_state[INPUT_ISSUES] = {}
    st.session_state.pop(LINK_ISSUES, None)
    set_scenario(new)


def share_url() -> str:
    """The absolute shareable link of the current scenario (as the address bar shows it)."""
    from urllib.parse import urlencode, urlsplit, urlunsplit

    params = link_params()
    base = st.context.url or "http://localhost:8501/"
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params), ""))
