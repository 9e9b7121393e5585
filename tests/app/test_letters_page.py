"""The Letters page (issue 19) through the real entry point: the letters that fit, in the
reader's language beside the English, and the typed names kept out of the link."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from deficiency.core.analysis import analyze
from deficiency.core.scenario import validate
from deficiency.counselor.letters import drafts, facts_for
from deficiency.text import i18n
from tests.app.conftest import open_app, shown, url_of

PAGE = "pages/letters.py"
#: A repossession with a deficiency and an account past its removal date.
QUERY = {
    "v": "1",
    "loan": "auto",
    "balance": "20000",
    "sale_price": "12000",
    "state": "OH",
    "sale_date": "2026-06-01",
    "dofd": "2018-01-10",
}
TYPED = {
    "letters_sender_name": "Ana María Ruiz",
    "letters_account": "ACCT-4471-09",
    "letters_creditor": "Buckeye Auto Credit",
}


#: The keys of a letter's downloads (``letter_<key>_<kind>``), in order, and their labels.
DOWNLOADS = {
    "pdf": "The letter as a PDF",
    "docx": "The letter as a Word file, to edit",
    "text": "The letter as plain text, for an e-mail",
    "notes": "Your notes and the translation (keep; do not send)",
}
SCENARIO = {k: v for k, v in QUERY.items() if k != "v"}


def expected_titles(lang: str) -> list[str]:
    found = analyze(validate(SCENARIO))
    gettext = i18n.gettext_for(lang)
    return [gettext(item.title) for item in drafts(facts_for(found))]


def texts(at: AppTest) -> str:
    return "\n".join(shown(m.value) for m in at.markdown)


@pytest.mark.parametrize("lang", ["en", "ja", "es"])
def test_the_letters_that_fit_in_each_language(lang: str) -> None:
    at = open_app({**QUERY, "lang": lang}, page=PAGE)
    assert not at.exception
    assert [h.value for h in at.header] == expected_titles(lang)
    body = texts(at)
    assert "Dear Sir or Madam:" in body  # the letter itself is English
    assert "$8,000.00" in body  # the deficiency of the scenario
    if lang != "en":
        assert i18n.date(dt.date.today(), lang) in body  # the translation beside it
        assert i18n.gettext_for(lang)("Dear Sir or Madam:") in body
        column = i18n.gettext_for(lang)("Translation, for your reading only")
        assert column != "Translation, for your reading only" and column in body
    assert len(at.get("download_button")) == len(DOWNLOADS) * len(expected_titles(lang))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_each_letter_has_three_letter_files_and_a_notes_file_to_keep(lang: str) -> None:
    """The letter's PDF, Word and text files, then the reader's notes (with the translation
    for a reader of another language), each labelled, keyed and built only on click."""
    at = open_app({**QUERY, "lang": lang}, page=PAGE)
    gettext = i18n.gettext_for(lang)
    kinds = [item.kind for item in drafts(facts_for(analyze(validate(SCENARIO))))]
    buttons = [button.proto for button in at.get("download_button")]
    want = [f"letter_{key}_{kind}" for kind in kinds for key in DOWNLOADS]
    assert [button.id.rsplit("-", 1)[-1] for button in buttons] == want
    notes = DOWNLOADS["notes"] if lang != "en" else "Your notes (keep; do not send)"
    labels = {gettext(label) for label in (*list(DOWNLOADS.values())[:3], notes)}
    assert {button.label for button in buttons} == labels
    assert all(button.HasField("deferred_file_id") and not button.url for button in buttons)
    caption = gettext(
        "The letter files (PDF, Word, plain text) hold only the letter to send. The notes "
        "file is for you alone, with the dates, free help and the notice that this is not "
        "legal advice: keep it, do not send it."
    )
    assert [c.value for c in at.caption].count(caption) == len(kinds)


def test_typed_names_fill_the_letters_and_never_reach_the_link() -> None:
    at = open_app(QUERY, page=PAGE)
    before = url_of(at)
    for key, value in TYPED.items():
        at.text_input(key=key).input(value).run()
    at.text_area(key="letters_sender_address").input("12 Elm Street\nColumbus, OH").run()
    assert not at.exception
    link = url_of(at)
    assert link == before
    flat = " ".join(f"{k}={v}" for k, v in link.items())
    assert not any(value in flat for value in (*TYPED.values(), "Elm"))
    assert not any(key.startswith("in_") for key in TYPED)
    body = texts(at)
    assert "Ana María Ruiz" in body and "ACCT-4471-09" in body and "12 Elm Street" in body
    assert "Buckeye Auto Credit" in body  # the bureau dispute names who reports the account


def test_the_settlement_offer_follows_the_what_if_share() -> None:
    at = open_app(QUERY, page=PAGE)
    at.session_state["whatif_settle_pct"] = 50
    at.run()
    assert "I offer to pay $4,000.00 in full settlement." in texts(at)


def test_an_empty_scenario_offers_nothing_and_says_when_each_letter_would_be() -> None:
    at = open_app({}, page=PAGE)
    assert not at.exception
    assert not at.header
    assert any("No letter fits" in shown(box.value) for box in at.info)
    assert "Debt validation request" in texts(at)


def test_a_hostile_link_does_not_break_the_page() -> None:
    at = open_app({"balance": "<b>x</b>", "lt_proceeds": "-3", "state": "ZZ"}, page=PAGE)
    assert not at.exception
