"""Links: encode/decode round trip, and hostile links keep every valid key."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency.core.scenario import DEFAULTS, validate
from deficiency.interface.links import decode, encode


def test_only_non_defaults_are_written() -> None:
    sc = validate({"balance": "250000", "sale_price": "200000.5"})
    assert encode(sc) == {"v": "1", "balance": "250000", "sale_price": "200000.50"}
    assert encode(DEFAULTS) == {"v": "1"}


def test_round_trip_of_a_rich_scenario() -> None:
    sc = validate(
        {
            "loan": "auto",
            "path": "voluntary_surrender",
            "balance": "10000",
            "sale_price": "8500",
            "legal_fees": "500",
            "action": "settle",
            "settlement": "1200.10",
            "state": "tx",
            "owner_occupied": False,
            "sale_date": "2024-02-29",
            "score": "720",
        }
    )
    opened, issues = decode(encode(sc))
    assert issues == []
    assert opened == sc


def test_hostile_link_keeps_valid_keys_and_reports_bad_ones() -> None:
    params = {
        "balance": "250000",
        "sale_price": "<script>alert(1)</script>",
        "interest": "-5",
        "late_fees": "NaN",
        "legal_fees": "9" * 5000,
        "loan": "<img src=x onerror=alert(1)>",
        "evil": "1",
        "v": "1",
    }
    sc, issues = decode(params)
    assert sc.balance == 250000
    assert sc.sale_price == 0 and sc.loan == "mortgage"
    assert sorted(i.key for i in issues) == [
        "evil",
        "interest",
        "late_fees",
        "legal_fees",
        "loan",
        "sale_price",
    ]
    assert all(len(i.value) <= 64 for i in issues)


def test_path_of_another_loan_type_is_dropped_not_fatal() -> None:
    sc, issues = decode({"loan": "auto", "path": "short_sale", "balance": "5"})
    assert sc.loan == "auto" and sc.path == "repossession" and sc.balance == 5
    assert [i.key for i in issues] == ["path"]


def test_settlement_above_deficiency_in_a_link_is_dropped() -> None:
    sc, issues = decode({"balance": "100", "action": "settle", "settlement": "500"})
    assert sc.action == "settle" and sc.settlement == 0
    assert [i.key for i in issues] == ["settlement"]


def test_unknown_version_is_reported() -> None:
    _, issues = decode({"v": "99", "balance": "1"})
    assert [i.key for i in issues] == ["v"]


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=20), st.text(max_size=80), max_size=12))
def test_decode_never_raises(params) -> None:
    sc, issues = decode(params)
    assert sc is not None
    assert all(len(issue.value) <= 64 for issue in issues)


def test_a_key_repeated_with_different_values_is_left_out_and_reported() -> None:
    from deficiency.interface.links import collapse_repeats

    pairs = [("v", "1"), ("balance", "250000"), ("sale_price", "200000"), ("balance", "300000")]
    kept, issues = collapse_repeats(pairs)
    assert kept == {"v": "1", "sale_price": "200000"}
    assert [(i.key, i.value) for i in issues] == [("balance", "250000, 300000")]
    assert "more than once" in issues[0].text()


def test_a_key_repeated_with_the_same_value_is_kept_once() -> None:
    from deficiency.interface.links import collapse_repeats

    kept, issues = collapse_repeats([("balance", "1000"), ("balance", "1000")])
    assert kept == {"balance": "1000"} and issues == []
