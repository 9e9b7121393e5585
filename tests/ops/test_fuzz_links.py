"""Hypothesis fuzzing of the link parser and the engine with hostile query strings.

The raw query string is parsed as Streamlit parses the address bar (bench/fuzz.py:
``parse_qs`` with blank values, its size limits, the last of repeated keys), then
``deficiency.interface.links.decode`` → ``deficiency.core.analysis.analyze`` → ``links.encode``
must never raise; every unknown key is reported (``issue.key`` is the key or its truncation), every
known key whose value does not validate is reported, no valid key is, and the decoded
scenario's own link reopens it. The 100,000-case run is ``python -m bench.fuzz``.
"""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz import DATES, NUMBERS, PAYLOADS, WORDS, check_case, parse_like_streamlit
from deficiency.core.scenario import SCENARIO_KEYS
from deficiency.core.validators import short
from deficiency.interface import links

KEYS = st.one_of(
    st.sampled_from(SCENARIO_KEYS),
    st.sampled_from(["v", "lang", "embed", "embed_options", ""]),
    st.sampled_from(SCENARIO_KEYS).map(lambda k: k.upper()),
    st.sampled_from(PAYLOADS),
    st.text(max_size=20),
    st.just("k" * 10_240),
)
UNICODE_DIGITS = st.text(
    alphabet=st.characters(whitelist_categories=("Nd", "No", "Nl")), min_size=1, max_size=12
)
VALUES = st.one_of(
    st.sampled_from(NUMBERS + DATES + WORDS + PAYLOADS),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats().map(lambda f: f"{f:e}"),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    UNICODE_DIGITS,
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=10),  # control characters
    st.text(max_size=40),
    st.sampled_from(["9", "<", "é", "1."]).map(lambda c: c * 10_240),  # 10 kB values
    st.dates().map(str),
)


def _encode(text: str) -> str:
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


@st.composite
def query_strings(draw) -> str:
    pairs = draw(st.lists(st.tuples(KEYS, VALUES), max_size=12))
    repeats = draw(st.lists(st.tuples(st.sampled_from(SCENARIO_KEYS), VALUES), max_size=3))
    junk = draw(st.lists(st.sampled_from(["%", "%zz", "%E2%82", "&&", "=", "+", ";"]), max_size=2))
    parts = [f"{_encode(k)}={_encode(v)}" for k, v in pairs + repeats + repeats[::-1]]
    return "&".join(parts + junk)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(query_strings())
def test_any_query_string_opens_and_every_bad_key_is_reported(query: str) -> None:
    _, problems = check_case(query)  # raises on any exception in decode/analyze/encode
    assert problems == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS.filter(lambda k: k not in SCENARIO_KEYS), VALUES, max_size=6))
def test_unknown_keys_are_each_reported_by_name(params: dict[str, str]) -> None:
    shown = parse_like_streamlit("&".join(f"{_encode(k)}={_encode(v)}" for k, v in params.items()))
    # The whole link as the app opens it: scenario, letter (lt_*) and 1099-C (fc*_*) keys
    # (links.decode alone leaves the last two to their own decoders).
    issues = links.decode_all(shown)[3]
    reported = {issue.key for issue in issues}
    for key in shown:
        if key not in links.SHELL_KEYS:
            assert key in reported or short(key) in reported, key
