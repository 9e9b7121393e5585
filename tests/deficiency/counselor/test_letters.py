"""The letters (issue 19): which fit, their figures, their words, their PDF.

Three promises are tested here. A letter is offered exactly when its condition holds: the
conditions are restated below from the analysis's own fields and compared, over generated
scenarios, with what the core offers. Every figure a letter prints is the analysis's
(``analyze``, the offer's own ``analyze``, the Letter check, the app's deadlines): compared
field by field and found in the English text as the app formats it. And the PDF reads back
with those figures and the names typed for it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from deficiency.core import whatif
from deficiency.core.analysis import Analysis, analyze
from deficiency.core.scenario import PATHS_BY_LOAN, validate
from deficiency.counselor import letters
from deficiency.counselor.letter import FLAGS, LetterInputs, check_letter
from deficiency.counselor.letters import (
    KINDS,
    Parties,
    Voice,
    as_text,
    drafts,
    facts_for,
    kept_lines,
    letter_lines,
    load_common,
    render_text,
    translation_lines,
)
from deficiency.counselor.letters.extract import extract_templates, message_ids
from deficiency.counselor.letters.fields import questions
from deficiency.counselor.letters.templates import (
    LetterTemplateError,
    load_templates,
    parse_template,
    template_text,
)
from deficiency.outputs.letters import render_letter_docx, render_letter_pdf, render_notes_pdf
from deficiency.rules import ucc
from deficiency.text import i18n
from deficiency.text.labels import DISCLAIMER

TODAY = dt.date(2026, 12, 1)
PARTIES = Parties(
    sender_name="Ana María Ruiz",
    sender_address="12 Elm Street\nTucson, AZ 85701",
    recipient="Desert Bank\nPO Box 9",
    account="ACCT-4471-09",
    creditor="Desert Bank",
)
#: Worked cases: each named after the letter it is built to call for.
CASES: dict[str, dict[str, Any]] = {
    "repossession": {
        "loan": "auto",
        "path": "repossession",
        "balance": "20000",
        "sale_price": "12000",
        "state": "OH",
        "sale_date": "2026-06-01",
    },
    "barred": {
        "path": "foreclosure",
        "balance": "250000",
        "sale_price": "200000",
        "state": "AZ",
        "foreclosure": "nonjudicial",
        "sale_date": "2025-09-15",
    },
    "fair_value": {
        "path": "foreclosure",
        "balance": "250000",
        "sale_price": "200000",
        "state": "NY",
        "fmv": "230000",
        "sale_date": "2026-09-15",
    },
    "time_passed": {
        "path": "foreclosure",
        "balance": "250000",
        "sale_price": "200000",
        "state": "TX",
        "sale_date": "2024-05-01",
    },
    "settled": {
        "path": "foreclosure",
        "balance": "250000",
        "sale_price": "200000",
        "action": "settle",
        "settlement": "10000",
        "settlement_date": "2026-10-01",
        "state": "PA",
    },
    "old_account": {"loan": "auto", "path": "repossession", "dofd": "2018-01-10"},
}


def found(name: str, **changes: Any) -> Analysis:
    return analyze(validate({**CASES[name], **changes}), TODAY)


def offered(analysis: Analysis, **options: Any) -> dict[str, letters.Draft]:
    return {item.kind: item for item in drafts(facts_for(analysis, today=TODAY, **options))}


def money(cents: int) -> str:
    return i18n.money(cents, "en")


def english(item: letters.Draft, parties: Parties = PARTIES) -> str:
    return as_text(letter_lines(item, parties, TODAY))


# -- the templates ---------------------------------------------------------------------------
def test_every_template_loads_and_passes_its_checks() -> None:
    letters.check_templates()
    assert tuple(load_templates()) == KINDS
    for template in load_templates().values():
        assert template.sources and template.body


def test_a_template_with_an_unknown_fact_or_key_fails_with_its_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = template_text("validation").replace('when = "barred"', 'when = "bared"', 1)
    broken = {**load_templates(), "validation": parse_template(text, "validation")}
    monkeypatch.setattr("deficiency.counselor.letters.draft.load_templates", lambda: broken)
    letters.check_templates.cache_clear()
    try:
        with pytest.raises(LetterTemplateError, match="unknown fact 'bared'"):
            letters.check_templates()
    finally:
        letters.check_templates.cache_clear()
    with pytest.raises(LetterTemplateError, match=r"validation\.toml: sideways"):
        parse_template('sideways = "x"\n' + text, "validation")


def test_babel_extracts_every_string_of_the_templates() -> None:
    for kind in (*KINDS, "common"):
        text = template_text(kind)
        handle = io.BytesIO(text.encode("utf-8"))
        handle.name = f"deficiency/counselor/letters/data/{kind}.toml"  # type: ignore[attr-defined]
        extracted = [message for _line, _f, message, _c in extract_templates(handle, [], [], {})]
        assert extracted == list(dict.fromkeys(message_ids(text, kind)))
        assert extracted


# -- which letters fit -------------------------------------------------------------------------
def test_a_repossession_with_a_deficiency_calls_for_the_explanation() -> None:
    item = offered(found("repossession"))["explanation"]
    reason = item.reasons[0].text()
    assert money(800_000) in reason and ucc.cite_rule("explanation_request", "OH") in reason
    text = english(item)
    assert "Ohio Rev. Code § 1309.616" in text  # the state's enacted section
    assert "within 14 days" in text and "one response without charge" in text
    assert f"the deficiency is {money(800_000)}" in text


def test_a_home_never_gets_the_article_9_explanation() -> None:
    assert "explanation" not in offered(found("barred"))
    assert "explanation" not in offered(found("time_passed"))


def test_the_explanation_asks_each_point_of_the_letter_check_with_its_figures() -> None:
    letter = LetterInputs(
        lt_obligation="12000",
        lt_proceeds="7000",
        lt_repo_fee="400",
        lt_storage_days=30,
        lt_storage_rate="20",
        lt_late_fees_after_acceleration="75",
        lt_stated_deficiency="6500",
        lt_precomputed=True,
        lt_addons=True,
    )
    item = offered(found("repossession"), letter=letter)["explanation"]
    check = check_letter(letter, state="OH")
    text = english(item)
    # 12,000 − 7,000 + 400 + 30 × 20 = 6,000.00, and the letter claims 6,500.00
    assert f"states a deficiency of {money(650_000)}" in text
    assert f"add up to {money(check.recomputed_cents)}" in text
    assert f"the difference of {money(50_000)}" in text
    assert f"includes {money(7_500)} of late fees" in text
    assert "GAP" in text and "rebate of unearned interest" in text
    assert len(item.fields.lists["questions"]) == int(item.fields.params["count"])
    assert "By my figures" not in text  # the lender's own figures are the ones discussed


def test_every_letter_check_point_has_a_question() -> None:
    template = load_templates()["explanation"]
    codes = set(FLAGS) - letters.fields.NOT_QUESTIONS
    assert codes <= set(template.phrases) | {"attorney_fees"}
    assert set(template.items) == {
        "repo_fee",
        "storage_rate",
        "reconditioning",
        "auction_fee",
        "other_expenses",
    }
    heavy = LetterInputs(
        lt_obligation="9000",
        lt_proceeds="1000",
        lt_repo_fee="5000",
        lt_storage_days=100,
        lt_storage_rate="400",
        lt_attorney_fees="9000",
        lt_buyer_related=True,
        lt_notice_given=False,
    )
    check = check_letter(heavy)
    asked = questions(check, template, None)
    raised = [flag.code for flag in check.flags if flag.code not in letters.fields.NOT_QUESTIONS]
    assert len(asked) == len(raised) >= 5
    storage = next(m for m in asked if m.params.get("item") == letters_item("storage_rate"))
    assert storage.money["amount"] == check.storage_cents == 4_000_000


def letters_item(item: str) -> Any:
    from deficiency.text.markers import Message

    return Message(load_templates()["explanation"].items[item])


def test_the_validation_request_disputes_a_barred_deficiency_in_full() -> None:
    item = offered(found("barred"))["validation"]
    text = english(item)
    assert "15 U.S.C. § 1692g(b)" in text and "12 CFR § 1006.38" in text
    assert "A.R.S. § 33-814(G)" in text and "I do not owe this debt" in text
    assert any("disputes all of it" in reason.text() for reason in item.reasons)


def test_the_settlement_offer_uses_the_settlement_or_the_what_if_share() -> None:
    assert "settlement" not in offered(found("settled"))  # settled already (a date)
    settled = offered(found("settled", settlement_date=""))["settlement"]
    assert settled.figures["offer"] == 1_000_000
    assert settled.figures["forgiven"] == 5_000_000 - 1_000_000
    collect = found("settled", action="collect", settlement="0")
    share = offered(collect, offer_percent=40)["settlement"]
    again = analyze(whatif.settled_at(collect.scenario, collect.result.deficiency, 40), TODAY)
    assert share.figures["offer"] == again.result.borrower_owes == 2_000_000
    assert share.figures["tax"] == again.tax.estimated_federal_tax
    text = english(share)
    assert f"I offer to pay {money(2_000_000)}" in text
    assert "Form 1099-C" in text and "paid in full for less than the full balance" in text
    assert money(again.tax.estimated_federal_tax) not in text  # the tax stays in the notes


def test_no_settlement_offer_for_a_barred_or_forgiven_deficiency() -> None:
    assert "settlement" not in offered(found("barred"))
    assert "settlement" not in offered(found("time_passed", action="forgive"))


def test_the_defense_notice_for_a_bar_a_fair_value_limit_and_a_passed_deadline() -> None:
    barred = offered(found("barred"))["defense"]
    assert "A.R.S. § 33-814(G)" in english(barred) and "I do not owe it" in english(barred)
    assert barred.sources[0].url.startswith("https://www.azleg.gov")
    limited = offered(found("fair_value"))["defense"]
    law = found("fair_value").state
    assert f"the most that can be owed is {money(law.collectible_cents)}" in english(limited)
    late = offered(found("time_passed"))["defense"]
    assert "time_passed" in late.fields.facts
    assert late.fields.dates["deadline"] == found("time_passed").state.deadline
    assert i18n.date(dt.date(2026, 5, 1), "en") in english(late)
    assert "defense" not in offered(found("time_passed", sale_date="2026-11-01"))


def test_credit_disputes_for_a_bar_a_settlement_and_an_old_account() -> None:
    assert {"dispute_bureau", "dispute_furnisher"} <= set(offered(found("barred")))
    settled = offered(found("settled"))["dispute_bureau"]
    assert f"settled the account for {money(1_000_000)} on October 1, 2026" in english(settled)
    old = offered(found("old_account"))["dispute_furnisher"]
    text = english(old)
    assert "January 10, 2018" in text and "15 U.S.C. § 1681s-2(a)(8)" in text
    assert not {"dispute_bureau", "dispute_furnisher"} & set(offered(found("time_passed")))


def test_nothing_fits_an_empty_scenario() -> None:
    empty = analyze(validate({}), TODAY)
    assert drafts(facts_for(empty, today=TODAY)) == []
    assert {kind for kind, _ in letters.not_offered(facts_for(empty, today=TODAY))} == set(KINDS)


# -- generated scenarios: offered exactly when the condition holds, with analyze's figures --------
STATES = (None, "AZ", "CA", "NY", "TX", "OH", "WA", "MN", "GA")


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    loan = draw(st.sampled_from(("mortgage", "auto", "other")))
    balance = draw(st.integers(1_000, 400_000))
    price = draw(st.integers(0, 450_000))
    data: dict[str, Any] = {
        "loan": loan,
        "path": draw(st.sampled_from(PATHS_BY_LOAN[loan])),
        "balance": str(balance),
        "sale_price": str(price),
        "legal_fees": str(draw(st.integers(0, 5_000))),
        "action": draw(st.sampled_from(("collect", "collect", "settle", "forgive"))),
        "state": draw(st.sampled_from(STATES)),
    }
    if data["action"] == "settle":
        data["settlement"] = str(draw(st.integers(0, max(balance - price, 0))))
        if draw(st.booleans()):
            data["settlement_date"] = draw(st.dates(dt.date(2020, 1, 1), TODAY)).isoformat()
    if draw(st.booleans()):
        data["sale_date"] = draw(st.dates(dt.date(2019, 1, 1), TODAY)).isoformat()
    if draw(st.booleans()):
        data["dofd"] = draw(st.dates(dt.date(2016, 1, 1), TODAY)).isoformat()
    if loan == "mortgage" and draw(st.booleans()):
        data["foreclosure"] = draw(st.sampled_from(("judicial", "nonjudicial")))
    if draw(st.booleans()):
        data["fmv"] = str(draw(st.integers(0, 450_000)))
    return data


def expected_kinds(a: Analysis) -> set[str]:
    """The conditions of the letters, restated from the analysis's own fields."""
    sc, result, law = a.scenario, a.result, a.state
    deficiency = result.deficiency
    limited = not law.barred and law.fair_value_credit_cents > 0
    limited = limited and law.collectible_cents < deficiency
    passed = a.owes > 0 and law.deadline is not None and law.deadline < TODAY
    offer = (
        result.borrower_owes
        if sc.action == "settle"
        else whatif.settlement_for(deficiency, letters.DEFAULT_OFFER_PERCENT)
    )
    removal = a.credit.removal_date
    found_kinds = set()
    if sc.loan != "mortgage" and deficiency > 0:
        found_kinds.add("explanation")
    if sc.action == "collect" and deficiency > 0:
        found_kinds.add("validation")
        if law.barred or limited or passed:
            found_kinds.add("defense")
    settled_already = sc.action == "settle" and sc.settlement_date is not None
    settle = sc.action != "forgive" and not settled_already and law.collectible_cents > 0
    if settle and offer > 0 and deficiency > 0:
        found_kinds.add("settlement")
    old = sc.dofd is not None and removal is not None and removal <= TODAY
    if law.barred or (sc.action in ("settle", "forgive") and deficiency > 0) or old:
        found_kinds |= {"dispute_bureau", "dispute_furnisher"}
    return found_kinds


def check_figures(a: Analysis, item: letters.Draft) -> None:
    """Every figure of the letter is the analysis's, and the English text shows it."""
    figures, text = item.figures, english(item)
    result, law = a.result, a.state
    if "deficiency" in figures:
        assert figures["deficiency"] == result.deficiency
    if "collectible" in figures:
        assert figures["collectible"] == law.collectible_cents
    if "state_citation" in figures:
        assert figures["state_citation"] == law.citation
    if "lender_deadline" in figures:
        assert figures["lender_deadline"] == law.deadline
    if item.kind == "explanation" and "figures" in item.fields.facts:
        assert (figures["total_owed"], figures["applied"]) == (result.total_owed, result.applied)
        assert money(result.deficiency) in text
    if item.kind == "settlement":
        offer = (
            a
            if a.scenario.action == "settle"
            else analyze(
                whatif.settled_at(a.scenario, result.deficiency, letters.DEFAULT_OFFER_PERCENT),
                TODAY,
            )
        )
        assert figures["offer"] == offer.result.borrower_owes
        assert figures["forgiven"] == offer.result.cancelled_debt
        assert figures["cancelled"] == offer.tax.cancelled_debt
        assert figures["taxable"] == offer.tax.taxable_cancelled_debt
        assert figures["tax"] == offer.tax.estimated_federal_tax
        assert money(figures["offer"]) in text and money(figures["forgiven"]) in text
    if item.kind == "defense":
        if "limited" in item.fields.facts:
            assert money(law.collectible_cents) in text
        if "time_passed" in item.fields.facts:
            assert figures["deadline"] == law.deadline
            assert i18n.date(law.deadline, "en") in text
        if {"barred", "limited"} & item.fields.facts:
            assert law.citation in text
    if item.kind.startswith("dispute"):
        assert figures.get("removal") == a.credit.removal_date
        if "settled" in item.fields.facts:
            assert money(result.borrower_owes) in text
        if "removal" in item.fields.facts:
            assert i18n.date(a.scenario.dofd, "en") in text
    assert not re.search(r"\{\w+\}", text), text  # every placeholder filled


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
@given(scenarios())
def test_generated_scenarios_get_exactly_the_letters_that_fit(data: dict[str, Any]) -> None:
    a = analyze(validate(data), TODAY)
    got = offered(a)
    assert set(got) == expected_kinds(a), (data, sorted(got))
    for item in got.values():
        assert item.reasons
        check_figures(a, item)


# -- the letter's files hold the letter alone; the notes file, what is the reader's --------
def settlement() -> letters.Draft:
    """A settlement offer whose notes carry the tax consequence (for the reader only)."""
    return offered(found("settled", action="collect", settlement="0"))["settlement"]


def private(item: letters.Draft, lang: str) -> list[str]:
    """What only the notes file may hold, in English and in ``lang``: its headings, every
    note (the tax consequence among them), the tax figure, free help, the not-legal-advice
    notice and, for a reader of another language, the translation's own words."""
    headings = load_common().notes
    out = ["lawhelp.org"]
    for voice in (Voice("en"), Voice(lang)):
        out += [voice._(headings[key]) for key in ("heading", "translation", "file_about")]
        out += [voice._(headings["file"]).format(title=voice._(item.title)), voice._(DISCLAIMER)]
        out += [voice.text(message) for message in item.notes]
        if "tax" in item.figures:
            out.append(voice.money(item.figures["tax"]))
    if lang != "en":
        out += [i18n.date(TODAY, lang), i18n.gettext_for(lang)("Dear Sir or Madam:")]
    return out


def assert_letter_alone(text: str, item: letters.Draft) -> None:
    for lang in ("en", "ja", "es"):
        for secret in private(item, lang):
            assert squash(secret) not in squash(text), (item.kind, lang, secret)


def test_the_text_download_is_the_letter_alone_with_the_typed_names() -> None:
    items = [*offered(found("barred")).values(), settlement()]
    assert "tax" in items[-1].figures and items[-1].notes
    for item in items:
        text = render_text(item, PARTIES, TODAY)
        assert text == english(item)  # the English letter, as the page shows it, to paste
        assert "Ana María Ruiz" in text and "ACCT-4471-09" in text, item.kind
        assert_letter_alone(text, item)


@pytest.mark.parametrize("lang", ["en", "ja", "es"])
def test_the_notes_file_holds_the_notice_help_tax_and_translation(lang: str) -> None:
    item = settlement()
    voice = Voice(lang)
    kept = as_text(kept_lines(item, voice))
    for message in item.notes:
        assert voice.text(message) in kept
    assert voice._(DISCLAIMER) in kept and "https://www.lawhelp.org" in kept
    assert voice._(load_common().notes["file_about"]) in kept  # "do not send" at its top
    translated = as_text(translation_lines(item, PARTIES, TODAY, voice))
    assert bool(translated.strip()) == (lang != "en")
    if lang != "en":
        assert i18n.date(TODAY, lang) in translated and "ACCT-4471-09" in translated


def test_blank_fields_stay_bracketed_blanks_in_each_language() -> None:
    item = offered(found("barred"))["defense"]
    text = as_text(letter_lines(item, Parties(), TODAY))
    assert "[Your name]" in text and "[Account number]" in text
    assert "[Name and address of the lender or collector]" in text
    translated = as_text(letter_lines(item, Parties(), TODAY, Voice("ja")))
    assert "［あなたの氏名］" in translated


def test_typed_fields_are_cleaned_and_cut() -> None:
    typed = Parties(
        sender_name="  Ana\x00 Ruiz\x1b ", account="9" * 500, recipient="A\r\nB\r\n\r\n"
    )
    clean = typed.cleaned()
    assert clean.sender_name == "Ana Ruiz" and len(clean.account) == 60
    assert clean.recipient == "A\nB"


def squash(text: str) -> str:
    return re.sub(r"[\s\x00]+", "", text)


def pdf_text(data: bytes) -> tuple[str, list[str]]:
    """A PDF's title and each page's text (squashed), without the page number at its foot."""
    reader = PdfReader(io.BytesIO(data))
    count = len(reader.pages)
    pages = [
        squash(page.extract_text()).replace(f"{number}/{count}", "")
        for number, page in enumerate(reader.pages, 1)
    ]
    return reader.metadata.title, pages


@pytest.mark.parametrize("lang", ["en", "es", "ja"])
def test_the_letter_pdf_is_the_letter_alone_with_the_figures_and_the_names(lang: str) -> None:
    item = settlement()
    pdf = render_letter_pdf(item, PARTIES, lang, TODAY)
    assert pdf.startswith(b"%PDF-") and len(pdf) < 1_500_000
    title, pages = pdf_text(pdf)
    assert title == "Settlement offer for the deficiency"
    text = "".join(pages)
    # Exactly the English letter: nothing before it, nothing after it (the bullets aside).
    letter = "".join(line.text for line in letter_lines(item, PARTIES, TODAY))
    assert text.replace("•", "") == squash(letter)
    for figure in (item.figures["offer"], item.figures["forgiven"], item.figures["deficiency"]):
        assert squash(money(figure)) in text
    assert squash("Ana María Ruiz") in text and "ACCT-4471-09" in text
    assert_letter_alone(text, item)


@pytest.mark.parametrize("lang", ["en", "es", "ja"])
def test_the_notes_pdf_carries_the_notice_help_tax_and_translation(lang: str) -> None:
    item = settlement()
    voice = Voice(lang)
    headings = load_common().notes
    pdf = render_notes_pdf(item, PARTIES, lang, TODAY)
    assert pdf.startswith(b"%PDF-") and len(pdf) < 1_500_000
    title, pages = pdf_text(pdf)
    assert title == voice._(headings["file"]).format(title=voice._(item.title))
    text = "".join(pages)
    for message in item.notes:  # the tax consequence, for the reader's own reading
        assert squash(voice.text(message)) in text
    assert squash(voice.money(item.figures["tax"])) in text
    if lang != "ja":
        # pypdf maps only a subset font's first 256 glyphs back to text, and the Japanese
        # notes use more: the tax sentences above read back, the rest not all
        # (test_the_notes_file_holds_the_notice_help_tax_and_translation checks its lines).
        assert "lawhelp.org" in text  # where to get free help
        assert squash(voice._(DISCLAIMER)) in text
        assert squash(title) in pages[0] and squash(voice._(headings["file_about"])) in pages[0]
        assert all(squash(voice._(headings["footer"])) in page for page in pages)
    # The translation, ending the file (none for a reader of English); never the letter itself.
    last = i18n.gettext_for(lang)("Sent by certified mail, return receipt requested.")
    assert (squash(last) in pages[-1]) == (lang != "en")
    assert squash("Dear Sir or Madam:") not in text
    if lang != "ja":  # the typed account number is in the translation only
        assert ("ACCT-4471-09" in text) == (lang == "es")
    if lang == "es":
        assert squash("Estimado(a) señor(a):") in text


def test_the_word_file_is_the_letter_alone() -> None:
    import docx

    for item in (offered(found("barred"))["defense"], settlement()):
        document = docx.Document(io.BytesIO(render_letter_docx(item, PARTIES, TODAY)))
        assert document.core_properties.title == Voice("en")._(item.title)
        lines = [paragraph.text for paragraph in document.paragraphs if paragraph.text]
        assert lines == [line.text for line in letter_lines(item, PARTIES, TODAY) if line.text]
        assert lines[0] == "Ana María Ruiz" and "ACCT-4471-09" in "\n".join(lines)
        assert lines[-1] == "Sent by certified mail, return receipt requested."
        if item.kind == "defense":
            assert any("A.R.S. § 33-814(G)" in line for line in lines)
        assert_letter_alone("\n".join(lines), item)
