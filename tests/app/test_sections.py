"""The calculator's result sections say only what the facts entered support (issue 13)."""

from __future__ import annotations

from typing import Any

from tests.app.conftest import metric, open_app, shown


def _texts(at: Any) -> str:
    parts = [*at.markdown, *at.info, *at.warning, *at.success, *at.error, *at.caption]
    return "\n".join(shown(p.value) for p in parts)


def test_no_state_chosen_does_not_also_claim_a_states_rule_is_unconfirmed() -> None:
    at = open_app({"loan": "auto", "balance": "10000", "sale_price": "8000"})
    assert not at.exception
    text = _texts(at)
    assert "Choose a state to see whether its law bars or limits this deficiency." in text
    assert "could not fully confirm this state's rule" not in text
    # A state whose rule is unconfirmed still gets the caution.
    delaware = open_app(
        {"state": "DE", "path": "foreclosure", "balance": "250000", "sale_price": "200000"}
    )
    assert "could not fully confirm this state's rule" in _texts(delaware)


def test_lawsuit_help_is_conditional_and_no_deadline_countdown_when_forgiven() -> None:
    collect = open_app(
        {"state": "TX", "path": "foreclosure", "balance": "250000", "sale_price": "200000"}
    )
    text = _texts(collect)
    assert "If you are served with a lawsuit" in text
    assert "The deadline to answer the lawsuit" not in text
    assert "Read the summons now" not in text
    forgiven = open_app(
        {
            "state": "TX",
            "path": "foreclosure",
            "balance": "250000",
            "sale_price": "200000",
            "sale_date": "2026-10-01",
            "action": "forgive",
        }
    )
    assert "If you are served with a lawsuit" not in _texts(forgiven)
    countdowns = [
        d.value for d in [*forgiven.dataframe, *forgiven.table] if "Countdown" in d.value.columns
    ]
    labels = [label for table in countdowns for label in table["Countdown"]]
    assert not any(label.startswith("Lender's deadline") for label in labels)


def test_form_1099c_sentence_only_with_cancelled_debt() -> None:
    """California bars the short-sale deficiency: no Form 1099-C sentence once nothing is
    cancelled (a sale at the balance), and a settlement changes nothing, since the law leaves
    nothing to pay: the same sentence, $0 owed, no advice to pay the agreed amount."""
    base = {"state": "CA", "path": "short_sale", "balance": "250000", "sale_price": "200000"}
    paid = open_app({**base, "sale_price": "250000"})
    assert "Form 1099-C may still come" not in _texts(paid)
    collected = _texts(open_app(base))
    settled_at = open_app({**base, "action": "settle", "settlement": "15000"})
    settled = _texts(settled_at)
    assert metric(settled_at, "You still owe") == "$0.00"
    assert metric(settled_at, "Cancelled (forgiven) debt") == "$50,000.00"
    assert "leaves nothing of this deficiency for the lender to collect" in settled
    assert "You pay the agreed amount" not in settled
    assert (
        "A Form 1099-C may still come for the $50,000.00 the lender cannot collect; on a loan "
        "treated as nonrecourse it is not income." in settled
    )
    # Barred by statute: nonrecourse, so the sentence agrees with the tax section (no
    # Form 1099-C expected; if one comes, its amount is not income).
    assert (
        "A Form 1099-C may still come for the $50,000.00 the lender cannot collect; on a loan "
        "treated as nonrecourse it is not income." in collected
    )
    assert "No Form 1099-C is expected" in collected
