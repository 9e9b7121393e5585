"""Scenario ⇄ query string: how a scenario lives in its shareable link.

Only keys that differ from the defaults are written (short, readable links), plus the
schema version ``v``. Values are stable codes and plain numbers, never translated labels,
so a link made in Japanese reopens identically in English. Decoding never uses pickle or
eval: each value goes through the same validation as the JSON interface, bad keys are
dropped and reported, and every good key is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from deficiency.core.engine import evaluate, settlement_issue
from deficiency.core.money import to_cents
from deficiency.core.scenario import (
    DEFAULTS,
    MSG_REPEATED,
    MSG_VERSION,
    PATHS_BY_LOAN,
    SCENARIO_KEYS,
    SCHEMA_VERSION,
    Scenario,
    validate_lenient,
)
from deficiency.core.validators import FieldIssue, short
from deficiency.counselor.form1099c import Form1099CInputs, decode_forms, encode_forms, is_form_key
from deficiency.counselor.letter import LetterInputs, decode_letter, encode_letter, is_letter_key
from deficiency.interface.querycodes import query_code as _code

#: Query keys the scenario does not own (the shell reads them), never reported as unknown.
SHELL_KEYS: frozenset[str] = frozenset({"v", "lang"})


def encode(scenario: Scenario) -> dict[str, str]:
    """The query parameters of a scenario: ``v`` plus every key that is not a default."""
    params = {"v": SCHEMA_VERSION}
    for key in SCENARIO_KEYS:
        value = getattr(scenario, key)
        default = getattr(DEFAULTS, key)
        if key == "path":
            default = PATHS_BY_LOAN[scenario.loan][0]
        if value != default and value is not None:
            params[key] = _code(value)
    return params


def decode(
    params: Mapping[str, str], extra_keys: frozenset[str] = frozenset()
) -> tuple[Scenario, list[FieldIssue]]:
    """Open a link: the scenario with every valid key kept, and one issue per bad key."""
    issues: list[FieldIssue] = []
    version = params.get("v")
    if version is not None and version != SCHEMA_VERSION:
        issues.append(FieldIssue("v", short(version), MSG_VERSION))
    data = {
        k: v
        for k, v in params.items()
        if k not in SHELL_KEYS
        and k not in extra_keys
        and not is_letter_key(k)
        and not is_form_key(k)
    }
    scenario, more = validate_lenient(data)
    issues.extend(more)
    probe = scenario.model_copy(update={"action": "collect"})
    deficiency = evaluate(probe).deficiency
    bad_settlement = settlement_issue(scenario, deficiency)
    if bad_settlement is not None:
        issues.append(bad_settlement)
        scenario = scenario.model_copy(update={"settlement": Decimal("0.00")})
    assert to_cents(scenario.settlement) <= deficiency or scenario.action != "settle"
    return scenario, issues


def collapse_repeats(
    pairs: Iterable[tuple[str, str]],
) -> tuple[dict[str, str], list[FieldIssue]]:
    """One value per key from a query string's ``(key, value)`` pairs, in first-seen order.

    A key given twice with the same value is harmless and kept once. A key given with
    different values (``balance=250000&balance=300000``) is ambiguous: using either would
    silently compute a scenario the sender may not have meant, so it is left out and
    reported like any other bad key, with every value it had.
    """
    seen: dict[str, list[str]] = {}
    for key, value in pairs:
        seen.setdefault(key, []).append(value)
    kept: dict[str, str] = {}
    issues: list[FieldIssue] = []
    for key, values in seen.items():
        distinct = list(dict.fromkeys(values))
        if len(distinct) == 1:
            kept[key] = distinct[0]
        else:
            shown = short(", ".join(distinct))
            issues.append(FieldIssue(short(key), shown, MSG_REPEATED))
    return kept, issues


def decode_all(
    params: Mapping[str, str],
) -> tuple[Scenario, LetterInputs, list[Form1099CInputs], list[FieldIssue]]:
    """Open a whole link: the scenario, the lender's letter (``lt_*``), the 1099-C forms."""
    scenario, issues = decode(params)
    letter, letter_issues = decode_letter({k: v for k, v in params.items() if is_letter_key(k)})
    forms, form_issues = decode_forms({k: v for k, v in params.items() if is_form_key(k)})
    return scenario, letter, forms, issues + letter_issues + form_issues


def encode_all(
    scenario: Scenario,
    letter: LetterInputs | None = None,
    forms: list[Form1099CInputs] | None = None,
) -> dict[str, str]:
    """The query parameters of everything a link carries (non-defaults only, plus ``v``)."""
    params = encode(scenario)
    if letter is not None:
        params.update(encode_letter(letter))
    if forms:
        params.update(encode_forms(forms))
    return params
