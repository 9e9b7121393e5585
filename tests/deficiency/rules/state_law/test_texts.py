"""The state-law sentences follow the facts entered (issue 13): no caution about a rule
that was never applied, no Form 1099-C sentence without cancelled debt."""

from __future__ import annotations

from typing import Any

from deficiency.core.analysis import analyze
from deficiency.core.engine import evaluate
from deficiency.core.scenario import validate
from deficiency.rules import state_law as sl

CALIFORNIA_SHORT_SALE: dict[str, Any] = {
    "path": "short_sale",
    "state": "CA",
    "balance": "250000",
    "sale_price": "200000",
}


def law(**facts: Any) -> sl.StateLawResult:
    scenario = validate(facts)
    return sl.assess(scenario, evaluate(scenario))


def test_no_state_chosen_has_no_caution_about_a_states_rule() -> None:
    for loan in ({"loan": "mortgage"}, {"loan": "auto"}):
        result = law(balance="10000", sale_price="8000", **loan)
        assert result.rule.msgid == sl.MSG_CHOOSE_STATE
        assert result.caution is None
    # A state's rule that could not be confirmed still carries the caution.
    delaware = law(state="DE", path="foreclosure", balance="10000", sale_price="8000")
    assert delaware.confidence == "unconfirmed"
    assert delaware.caution is not None
    assert delaware.caution.text().startswith("We could not fully confirm this state's rule")
    assert law(state="CA", balance="10000", sale_price="8000").caution is None  # confirmed


def test_form_1099c_sentence_only_with_cancelled_debt_and_with_its_amount() -> None:
    def follow_ups(**changes: Any) -> tuple[list[str], int, int]:
        found = analyze(validate({**CALIFORNIA_SHORT_SALE, **changes}))
        texts = [m.text() for m in found.state.follow_ups]
        return texts, found.tax.cancelled_debt, found.owes

    # Barred and collected: the tax section's cancelled debt, named with its amount, and,
    # the loan being nonrecourse under the bar, the tax section's word on it (not income).
    barred, cancelled, owes = follow_ups()
    assert (cancelled, owes) == (5_000_000, 0)
    assert barred[-1] == (
        "A Form 1099-C may still come for the $50,000.00 the lender cannot collect; on a loan "
        "treated as nonrecourse it is not income. See the tax section."
    )
    # A settlement of a barred deficiency: the law leaves nothing to pay, so nothing is
    # owed and the whole deficiency is relieved. It was $0 owed and $35,000 cancelled for a
    # $15,000 settlement, so $15,000 was neither paid nor cancelled.
    settled, cancelled, owes = follow_ups(action="settle", settlement="15000")
    assert (cancelled, owes) == (5_000_000, 0)
    assert settled[-1] == barred[-1]
    # The reader says the loan was recourse: the bar still leaves nothing owed, so the whole
    # deficiency is cancelled debt, and the sentence is the recourse one (it may be income).
    recourse, cancelled, owes = follow_ups(recourse="yes")
    assert (cancelled, owes) == (5_000_000, 0)
    assert recourse[-1] == (
        "You may still receive a Form 1099-C for the $50,000.00 of cancelled debt; see the "
        "tax section."
    )
    # Nothing cancelled, no sentence: the lender is paid in full by a sale at the balance.
    paid, cancelled, owes = follow_ups(sale_price="250000")
    assert (cancelled, owes) == (0, 0)
    assert not any("1099-C" in text for text in paid)


def test_a_notes_figures_are_written_by_babel_in_the_readers_language() -> None:
    # Oregon's small purchase-money bar (Or. Rev. Stat. § 88.103(1)(b)): its $50,000 and its
    # date were written into the English sentence, so every language read "$50,000" and
    # "September 13, 1975" whatever its own format.
    from deficiency.text import i18n

    found = law(
        state="OR",
        path="foreclosure",
        foreclosure="judicial",
        owner_occupied="no",
        balance="300000",
        sale_price="200000",
    )
    (note,) = [w for w in found.warnings if w.msgid == sl.MSG_NOTE["small_purchase_money"]]

    def shown(language: str) -> str:
        return note.text(
            i18n.gettext_for(language),
            lambda cents: i18n.money(int(cents), language),
            lambda day: i18n.date(day, language),
        )

    assert "September 13, 1975" in shown("en") and "$50,000.00" in shown("en")
    assert "1975年9月13日" in shown("ja")
    assert "13 de septiembre de 1975" in shown("es")
