"""The counselor handout: a real PDF with the figures, the sources, the link and its QR code.

Text is read back with pypdf. Whitespace is removed before comparing because a PDF has no
words, only placed glyphs: a long link or citation wraps onto two lines, and pypdf spaces
out (or NUL-separates) the glyphs of a CFF-based CJK font, whose codes it maps through the
font's own CMap (poppler's ``pdftotext`` reads the same file cleanly).

The Japanese test needs the Debian package ``fonts-noto-cjk`` and the English/Spanish ones
``fonts-dejavu-core``; there is no skip: a missing font is a broken handout (``make test``
installs both).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
import segno
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from deficiency.core.analysis import Analysis, analyze
from deficiency.core.money import cents_str
from deficiency.core.scenario import PATHS_BY_LOAN, STATE_CODES, replace, validate
from deficiency.interface import links
from deficiency.interface.examples import example
from deficiency.outputs import handout
from deficiency.text import i18n

TODAY = dt.date(2026, 3, 1)


def link_of(found: Analysis, lang: str = "en") -> str:
    params = links.encode(found.scenario)
    if lang != "en":
        params["lang"] = lang
    return "https://deficiency.example.org/?" + urlencode(params)


def squash(text: str) -> str:
    """Text without whitespace (and without the NULs pypdf leaves in CJK text)."""
    return re.sub(r"[\s\x00]+", "", text)


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(scope="module")
def short_sale() -> Analysis:
    return analyze(example("short_sale"), TODAY)


@pytest.fixture(scope="module")
def english(short_sale: Analysis) -> bytes:
    return handout.render_pdf(short_sale, link_of(short_sale), "en")


def test_english_handout_is_a_small_pdf(english: bytes) -> None:
    assert english.startswith(b"%PDF-")
    assert english.rstrip().endswith(b"%%EOF")
    assert len(english) < 1_000_000
    reader = PdfReader(io.BytesIO(english))
    assert len(reader.pages) >= 2
    assert reader.metadata.title == "Deficiency balance: counselor handout"


def test_english_handout_has_the_figures_link_disclaimer_and_sources(
    short_sale: Analysis, english: bytes
) -> None:
    text = text_of(english)
    flat = squash(text)
    assert "$50,000.00" in text  # the deficiency
    assert "$250,000.00" in text and "$200,000.00" in text  # the breakdown
    assert squash(link_of(short_sale)) in flat
    assert "general information, not legal or tax advice" in text
    assert squash(handout.DISCLAIMER) in flat
    assert "26 CFR § 1.1001-2" in text  # a citation behind the tax rules
    assert "https://www.irs.gov/publications/p4681" in flat
    assert "VITA" in text and "(TCE)" in text  # free tax help
    for title, url in handout.sources(short_sale):
        assert squash(title) in flat and squash(url) in flat
    assert "Form 1099-C expected" in text
    assert "Leaves your report (usual)" in text and "FHA" in text  # the credit dates


def test_state_rule_with_citation_and_confidence() -> None:
    found = analyze(
        replace(
            example("short_sale"),
            state="TX",
            path="foreclosure",
            foreclosure="nonjudicial",
            sale_date="2025-06-01",
            dofd="2024-12-01",
        ),
        TODAY,
    )
    assert found.state.citation and found.state.confidence == "confirmed"
    flat = squash(text_of(handout.render_pdf(found, link_of(found))))
    assert squash(found.state.citation) in flat
    assert squash(found.state.rule.text()) in flat
    assert squash(found.state.source_url) in flat
    assert "Checkedagainstthestatute" in flat
    assert squash(i18n.date(found.state.deadline, "en")) in flat
    assert squash(i18n.date(found.credit.removal_date, "en")) in flat
    assert squash(i18n.date(found.credit.removal_outer_limit, "en")) in flat
    for item in found.credit.eligibility:
        assert squash(i18n.date(item.date, "en")) in flat


def test_forgiven_debt_shows_the_tax_warning_and_figures() -> None:
    found = analyze(replace(example("short_sale"), state="TX", action="forgive"), TODAY)
    assert found.tax.form_1099c_expected
    text = text_of(handout.render_pdf(found, link_of(found)))
    assert "A Form 1099-C (Cancellation of Debt) is likely" in text
    assert "Taxable cancelled debt" in text and "Estimated extra federal tax" in text
    assert i18n.money(found.tax.cancelled_debt) in text
    assert i18n.money(found.tax.estimated_federal_tax) in text


def test_car_example_and_a_surplus() -> None:
    car = analyze(example("car"), TODAY)
    text = text_of(handout.render_pdf(car, link_of(car)))
    assert "$2,000.00" in text and "Legal and court fees" in text
    surplus = analyze(replace(example("car"), sale_price="12000"), TODAY)
    assert surplus.result.surplus == 150_000
    text = text_of(handout.render_pdf(surplus, link_of(surplus)))
    assert "Surplus" in text and "$1,500.00" in text


def test_japanese_handout_is_in_japanese(short_sale: Analysis) -> None:
    gettext = i18n.gettext_for("ja")
    term = gettext("Deficiency balance")
    assert term != "Deficiency balance" and "不足額" in term  # the catalog is compiled
    pdf = handout.render_pdf(short_sale, link_of(short_sale, "ja"), "ja")
    assert pdf.startswith(b"%PDF-") and len(pdf) < 1_000_000
    flat = squash(text_of(pdf))
    assert squash(term) in flat
    assert squash(gettext("Loan balance")) in flat
    assert "2026年3月1日" in flat  # the date, in the Japanese format
    assert "$50,000.00" in flat
    assert squash(link_of(short_sale, "ja")) in flat
    assert squash(gettext(handout.DISCLAIMER)) in flat
    assert PdfReader(io.BytesIO(pdf)).metadata.title == gettext(handout.TITLE)


def test_japanese_font_is_the_japanese_face() -> None:
    regular, bold = handout.find_fonts("ja")
    assert regular.path.is_file() and bold.path.is_file()
    if regular.path.suffix == ".ttc":
        from fontTools.ttLib import TTCollection

        faces = TTCollection(str(regular.path), lazy=True).fonts
        assert "JP" in faces[regular.index]["name"].getDebugName(1)


def test_spanish_handout_keeps_accents_and_dollars(short_sale: Analysis) -> None:
    gettext = i18n.gettext_for("es")
    pdf = handout.render_pdf(short_sale, link_of(short_sale, "es"), "es")
    text = text_of(pdf)
    assert "$50,000.00" in text
    assert "1 de marzo de 2026" in text
    assert squash(gettext("Deficiency balance")) in squash(text)
    assert squash(gettext("Sale price")) in squash(text)


def test_qr_code_is_embedded_and_encodes_the_link(short_sale: Analysis, english: bytes) -> None:
    images = PdfReader(io.BytesIO(english)).pages[0].images
    assert len(images) >= 1
    picture = images[0].image.convert("L")
    # Built the same way as the handout (error level M, never Micro QR).
    expected = segno.make(link_of(short_sale), error="m", micro=False)
    assert handout.qr_code(link_of(short_sale)) == expected
    size = len(expected.matrix)
    scale, border = handout.QR_SCALE, handout.QR_BORDER
    assert picture.size == ((size + 2 * border) * scale,) * 2
    modules = [
        [
            int(
                picture.getpixel(
                    ((border + c) * scale + scale // 2, (border + r) * scale + scale // 2)
                )
                < 128
            )
            for c in range(size)
        ]
        for r in range(size)
    ]
    assert modules == [list(row) for row in expected.matrix]


def test_same_inputs_give_the_same_bytes(short_sale: Analysis, english: bytes) -> None:
    assert handout.render_pdf(short_sale, link_of(short_sale), "en") == english
    assert handout.render_pdf(short_sale, link_of(short_sale), "en", today=TODAY) == english


def test_missing_font_raises_a_clear_error(
    short_sale: Analysis, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = handout.FontFile(tmp_path / "none.ttf")
    monkeypatch.setitem(handout.FONT_CANDIDATES, "cjk", ((missing, missing),))
    with pytest.raises(handout.HandoutFontError) as caught:
        handout.render_pdf(short_sale, link_of(short_sale), "ja")
    error = caught.value
    assert error.lang == "ja" and error.package == "fonts-noto-cjk"
    assert error.searched == (missing.path,)
    assert "fonts-noto-cjk" in str(error) and str(missing.path) in str(error)
    assert error.message == handout.MSG_NO_FONT


def test_a_missing_bold_face_falls_back_to_the_regular_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    regular, _bold = handout.find_fonts("en")
    monkeypatch.setitem(
        handout.FONT_CANDIDATES, "latin", ((regular, handout.FontFile(tmp_path / "no.ttf")),)
    )
    assert handout.find_fonts("en") == (regular, regular)


def test_bad_arguments(short_sale: Analysis) -> None:
    with pytest.raises(ValueError, match="language"):
        handout.render_pdf(short_sale, link_of(short_sale), "fr")
    with pytest.raises(ValueError, match="link"):
        handout.render_pdf(short_sale, "", "en")


def test_inputs_listed_are_the_basics_and_the_changes() -> None:
    sc = replace(example("car"), state="OH", dofd="2025-01-15", notice_given=False)
    keys = handout.shown_inputs(sc)
    assert keys[:3] == ["loan", "path", "balance"]  # schema order
    for key in ("state", "legal_fees", "sale_price", "action", "dofd", "notice_given"):
        assert key in keys
    assert "interest" not in keys and "units" not in keys
    text = text_of(handout.render_pdf(analyze(sc, TODAY), "https://x.example/?v=1"))
    assert "Ohio (OH)" in text and "January 15, 2025" in text
    assert "You got notice before the vehicle sale" in text and "Auto loan" in text


def test_waterfall_spans_run_from_zero_to_the_result() -> None:
    for sc in (example("short_sale"), example("car"), replace(example("car"), sale_price="12000")):
        result = analyze(sc, TODAY).result
        spans = handout.waterfall_spans(result.items)
        assert len(spans) == len(result.items)
        assert all(start <= end for start, end in spans)
        assert all(
            end - start == item.cents
            for item, (start, end) in zip(result.items, spans, strict=True)
        )
        last = spans[-1]
        assert last == ((0, result.deficiency) if not result.surplus else (-result.surplus, 0))


# -- the handout's labels are the pages' message ids (so they share one translation) -------
def test_labels_are_shared_with_the_pages() -> None:
    """One set of message ids for the pages, the handout and the case note."""
    from deficiency.outputs.handout import layout, sections
    from deficiency.text import labels
    from ui import labels as ui_labels

    assert sections.INPUT_LABELS is labels.INPUT_LABELS is ui_labels.INPUT_LABELS
    assert layout.OPTION_LABELS is labels.OPTION_LABELS
    assert sections.PROGRAM_LABELS is labels.PROGRAM_LABELS
    assert sections.CONFIDENCE_LABELS is labels.CONFIDENCE_LABELS


# -- any scenario renders ------------------------------------------------------------------
@st.composite
def scenarios(draw):
    loan = draw(st.sampled_from(["mortgage", "auto", "other"]))
    amount = st.integers(min_value=0, max_value=50_000_000)
    data = {
        "loan": loan,
        "path": draw(st.sampled_from(PATHS_BY_LOAN[loan])),
        "balance": cents_str(draw(amount)),
        "interest": cents_str(draw(st.integers(0, 2_000_000))),
        "sale_price": cents_str(draw(amount)),
        "action": draw(st.sampled_from(["collect", "forgive"])),
    }
    state = draw(st.none() | st.sampled_from(STATE_CODES))
    if state:
        data["state"] = state
    if draw(st.booleans()):
        data["dofd"] = "2024-11-01"
        data["sale_date"] = "2025-05-01"
    return validate(data)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.sampled_from(["en", "es"]))
def test_any_scenario_renders(sc, lang) -> None:
    found = analyze(sc, TODAY)
    pdf = handout.render_pdf(found, link_of(found, lang), lang)
    assert pdf.startswith(b"%PDF-") and len(pdf) < 1_000_000
    text = text_of(pdf)
    shown = found.result.surplus or found.result.deficiency
    assert i18n.money(shown, lang) in text
    assert i18n.money(found.owes, lang) in text


def test_handout_says_when_its_rules_were_checked() -> None:
    from deficiency.rules.state_law import load_rules

    found = analyze(validate({"state": "CA", "balance": "10", "sale_price": "5"}))
    text = text_of(handout.render_pdf(found, "http://x/?a=1"))
    checked = load_rules()["CA"].verified
    assert "Rules as of" in text and f"{checked:%B} {checked.day}, {checked.year}" in text


# -- issue 13: the letter check, each state's own code, only what applies -------------------
#: A repossession letter whose own figures support $6,200.00 but which claims $6,630.00:
#:   owed 12,000.00 − proceeds 7,000.00 = 5,000.00
#:   + repossession 400.00 + storage 20 × 25.00 = 500.00 + auction 300.00 = 6,200.00;
#:   claimed 6,630.00, so the letter asks for 430.00 more than its figures support.
PADDED_LETTER: dict[str, str] = {
    "lt_obligation": "12000",
    "lt_precomputed": "no",
    "lt_addons": "no",
    "lt_proceeds": "7000",
    "lt_repo_fee": "400",
    "lt_storage_days": "20",
    "lt_storage_rate": "25",
    "lt_auction_fee": "300",
    "lt_stated_deficiency": "6630",
}
OHIO_CAR = replace(example("car"), state="OH", dofd="2025-01-15", sale_date="2025-06-01")


def test_letter_check_is_in_the_handout_with_the_difference_and_what_to_ask() -> None:
    from deficiency.counselor.letter import check_letter, validate_letter
    from deficiency.counselor.letter.messages import ASK_ARITHMETIC, TITLE_ARITHMETIC

    letter = validate_letter(PADDED_LETTER)
    found = analyze(OHIO_CAR, TODAY)
    check = check_letter(letter, state="OH")  # the Letter check page's own call
    assert check.difference_cents == 43_000
    text = text_of(handout.render_pdf(found, link_of(found), "en", letter=letter))
    flat = squash(text)
    assert "Letter check" in text
    assert "$6,200.00" in text and "$6,630.00" in text and "$430.00" in text
    assert TITLE_ARITHMETIC in text
    for flag in check.flags:  # every flag, its explanation and its question, as on the page
        assert squash(flag.message.text()) in flat
        assert squash("Ask: " + flag.ask.text()) in flat
    assert squash(check.flags[0].message.text()).endswith("morethanitsfiguressupport.")
    assert "Ask the lender for the written explanation" in text
    assert ASK_ARITHMETIC.split("(")[0].strip().replace(" ", "") in flat
    for line in check.lines:  # the figures in the legal order
        assert squash(line.label) in flat


def test_no_letter_values_no_letter_section() -> None:
    from deficiency.counselor.letter import LETTER_DEFAULTS

    found = analyze(OHIO_CAR, TODAY)
    for letter in (None, LETTER_DEFAULTS):
        text = text_of(handout.render_pdf(found, link_of(found), "en", letter=letter))
        assert "Letter check" not in text
        assert "What to ask the lender" not in text and "Ask:" not in text


@pytest.mark.parametrize("lang", ["ja", "es"])
def test_letter_check_renders_in_japanese_and_spanish(lang: str) -> None:
    from deficiency.counselor.letter import validate_letter

    found = analyze(OHIO_CAR, TODAY)
    pdf = handout.render_pdf(
        found, link_of(found, lang), lang, letter=validate_letter(PADDED_LETTER)
    )
    flat = squash(text_of(pdf))
    gettext = i18n.gettext_for(lang)
    assert squash(gettext("Letter check")) in flat
    assert squash(i18n.money(43_000, lang)) in flat


def test_ohio_car_handout_cites_ohio_code_never_new_york() -> None:
    from deficiency.counselor.letter import validate_letter

    found = analyze(replace(OHIO_CAR, notice_given=False), TODAY)
    plain = analyze(OHIO_CAR, TODAY)
    for analysis in (found, plain):
        pdf = handout.render_pdf(
            analysis, link_of(analysis), "en", letter=validate_letter(PADDED_LETTER)
        )
        text = text_of(pdf)
        flat = squash(text)
        assert "Ohio Rev. Code § 1309.6" in text
        assert "codes.ohio.gov/ohio-revised-code/section-1309.6" in flat
        for new_york in ("N.Y.", "NewYork", "nysenate"):
            assert new_york not in flat, new_york
    assert "section-1309.615" in plain.state.source_url
    assert "section-1309.626" in found.state.source_url


def test_every_state_cites_its_own_article_9_or_the_uniform_text() -> None:
    """No state's citations point at another state's code: its own enacted section, or
    the uniform text (Cornell LII's copy of the official UCC text)."""
    from deficiency.counselor.letter import check_letter, validate_letter
    from deficiency.rules import ucc

    letter = validate_letter({**PADDED_LETTER, "lt_notice_given": "no"})
    for code in STATE_CODES:
        own = {row.url for (state, _n), row in ucc.load_sections().items() if state == code}
        for facts in ({}, {"notice_given": False}, {"lender_bought": True}):
            law = analyze(replace(example("car"), state=code, **facts), TODAY).state
            assert law.source_url in own or law.source_url.startswith(
                "https://www.law.cornell.edu/ucc/9/"
            ), (code, law.source_url)
        urls = {flag.source.url for flag in check_letter(letter, state=code).flags}
        ucc_urls = {u for u in urls if "ucc" in u.lower() or u in own}
        assert ucc_urls and all(
            u in own or u.startswith("https://www.law.cornell.edu/ucc/9/") for u in ucc_urls
        ), (code, urls)
        if code != "NY":
            assert not any("nysenate" in u for u in urls | {law.source_url}), code


def test_car_handout_leaves_out_mortgage_waiting_periods() -> None:
    found = analyze(OHIO_CAR, TODAY)
    assert found.credit.removal_date and found.credit.removal_outer_limit
    assert found.credit.waiting_periods == ()  # the core: no program's wait concerns a car
    text = text_of(handout.render_pdf(found, link_of(found)))
    for label in ("Fannie Mae (conventional)", "FHA", "USDA"):
        assert label not in text, label
    assert "Not known" not in text
    assert "Leaves your report (usual)" in text  # the credit section is still there
    # A bankruptcy does set mortgage waiting periods, even with a car loan: shown.
    bankrupt = analyze(replace(OHIO_CAR, bankruptcy="chapter7"), TODAY)
    assert "FHA" in text_of(handout.render_pdf(bankrupt, link_of(bankrupt)))


def test_mortgage_handout_keeps_the_waiting_periods(short_sale: Analysis, english: bytes) -> None:
    assert short_sale.credit.waiting_periods == short_sale.credit.eligibility  # all apply
    text = text_of(english)
    for label in ("Fannie Mae (conventional)", "FHA", "VA", "USDA"):
        assert label in text, label
    no_date = analyze(replace(example("short_sale"), sale_date=None), TODAY)
    text = text_of(handout.render_pdf(no_date, link_of(no_date)))
    assert "FHA" in text and "Not known" in text  # unknown dates still listed for a mortgage


def test_a_three_decimal_note_rate_is_shown_as_a_percent() -> None:
    """The note rate (6.875 %) was formatted as dollars: the handout raised ValueError
    (more than 2 decimals) and the case note said "$6.88"."""
    from deficiency.outputs.casenote import case_note

    found = analyze(validate({"balance": "250000", "sale_price": "200000", "rate": "6.875"}))
    text = text_of(handout.render_pdf(found, "https://example.invalid/", "en"))
    assert "6.875%" in text
    note = case_note(found, "https://example.invalid/", "en")
    assert "6.875%" in note and "$6.88" not in note
