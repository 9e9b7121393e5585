"""The plain-text case note: every figure it shows, the link, the wrap and the size."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from deficiency import validate
from deficiency.core.analysis import analyze
from deficiency.interface import links
from deficiency.outputs import casenote
from deficiency.text import i18n

TODAY = dt.date(2026, 11, 26)
# Texas foreclosure: $300,000 owed, sold for $250,000, fair value $280,000, settled for
# $10,000: collectible, a deadline, cancelled debt and tax all appear.
TEXAS: dict[str, Any] = {
    "loan": "mortgage",
    "path": "foreclosure",
    "state": "TX",
    "balance": "300000",
    "interest": "4500",
    "sale_price": "250000",
    "fmv": "280000",
    "action": "settle",
    "settlement": "10000",
    "sale_date": "2026-03-15",
    "dofd": "2025-06-01",
    "taxable_income": "60000",
}


def link_for(data: dict[str, Any]) -> str:
    params = links.encode(validate(data))
    return "https://deficiency.example.org/?" + "&".join(f"{k}={v}" for k, v in params.items())


def note_for(data: dict[str, Any], lang: str = "en") -> tuple[str, Any, str]:
    found = analyze(validate(data), TODAY)
    link = link_for(data)
    return casenote.case_note(found, link, lang, TODAY), found, link


@pytest.mark.parametrize("lang", list(i18n.LANGUAGES))
def test_note_contains_the_link_and_every_figure_shown(lang: str) -> None:
    note, found, link = note_for(TEXAS, lang)
    assert link in note.splitlines()  # on a line of its own, never broken
    money = [
        found.result.total_owed,
        found.result.applied,
        found.result.deficiency,
        found.state.collectible_cents,
        found.owes,
        found.tax.cancelled_debt,
        found.tax.taxable_cancelled_debt,
        found.tax.estimated_federal_tax,
    ]
    for cents in money:
        assert i18n.money(cents, lang) in note, cents
    dates = [
        TODAY,
        found.state.deadline,
        found.credit.removal_date,
        dt.date(2026, 3, 15),  # the sale date input
        *(item.date for item in found.credit.eligibility if item.date),
    ]
    for day in dates:
        assert i18n.date(day, lang) in note, day
    assert found.state.citation in note


def test_english_note_reads_as_expected() -> None:
    note, found, _link = note_for(TEXAS)
    # hand check of the figures: 300,000 + 4,500 owed; 250,000 applied; 54,500 deficiency.
    assert found.result.deficiency == 5_450_000
    assert "- Deficiency balance: $54,500.00" in note
    assert "- Collectible deficiency: $24,500.00" in note  # 304,500 − FMV 280,000
    assert "- You still owe: $10,000.00" in note  # the settlement
    assert "- Lender's deadline to seek it: March 15, 2028" in note
    assert "- Form 1099-C expected: Yes" in note
    assert "Rules as of December 1, 2026." in note  # the Texas row, re-checked (issue 15)
    assert note.startswith("Deficiency case note\n")
    assert "not legal or tax advice" in note


@pytest.mark.parametrize("lang", list(i18n.LANGUAGES))
def test_lines_fit_80_columns_except_the_link(lang: str) -> None:
    note, _found, link = note_for(TEXAS, lang)
    for line in note.splitlines():
        if line != link:
            assert casenote.display_width(line) <= casenote.WIDTH, line


def test_note_stays_under_4000_characters_with_every_input_set() -> None:
    busy = {
        **TEXAS,
        "late_fees": "350",
        "legal_fees": "2500",
        "sale_costs": "18000",
        "holding_costs": "1200",
        "other_fees": "75",
        "credits": "1000",
        "foreclosure": "nonjudicial",
        "purchase_money": "no",
        "owner_occupied": "no",
        "units": 3,
        "acres": "1.5",
        "lender_bought": "yes",
        "loan_date": "2015-04-01",
        "recourse": "yes",
        "basis": "210000",
        "main_home": "no",
        "bankruptcy": "chapter7",
        "total_liabilities": "400000",
        "total_assets": "150000",
        "discharge_date": "2026-06-01",
        "filing_status": "married_joint",
        "bankruptcy_date": "2026-04-01",
        "extenuating": "yes",
        "score": "720",
        "current_before_sale": "no",
        "charge_off_date": "2026-05-01",
        "settlement_date": "2026-07-01",
    }
    for lang in i18n.LANGUAGES:
        note, _found, link = note_for(busy, lang)
        assert len(note) < casenote.MAX_CHARS, (lang, len(note))
        assert link in note


def test_compact_inputs_name_the_rest() -> None:
    found = analyze(validate(TEXAS), TODAY)
    full = casenote.build_note(found, "https://x.example/", "en", TODAY, compact=False)
    compact = casenote.build_note(found, "https://x.example/", "en", TODAY, compact=True)
    assert "- Accrued interest: $4,500.00" in full
    assert "Inputs that differ: Accrued interest" in compact
    assert len(compact) < len(full)


def test_labels_are_the_pages_message_ids() -> None:
    from deficiency.outputs import inputs_shown
    from deficiency.text import labels

    assert casenote.INPUT_LABELS is labels.INPUT_LABELS
    assert inputs_shown.OPTION_LABELS is labels.OPTION_LABELS


def test_the_case_note_and_the_handout_list_an_input_the_same_way() -> None:
    """One wording for both records (they had drifted: "Florida" vs "Florida (FL)")."""
    from deficiency.outputs.handout import render_pdf
    from tests.deficiency.golden_cases import pdf_text

    found = analyze(validate(TEXAS), TODAY)
    note = casenote.case_note(found, "https://x.example/", "en", TODAY)
    handout = " ".join(pdf_text(render_pdf(found, "https://x.example/", "en", TODAY)))
    assert "Texas (TX)" in note
    assert "Texas (TX)" in handout


def test_unknown_language_falls_back_to_english() -> None:
    found = analyze(validate(TEXAS), TODAY)
    assert casenote.case_note(found, "https://x.example/", "fr", TODAY) == casenote.case_note(
        found, "https://x.example/", "en", TODAY
    )


# -- wrapping --------------------------------------------------------------------------------
def test_wrap_breaks_words_cjk_and_keeps_links_whole() -> None:
    assert casenote.wrap("aaa bbb ccc", width=7) == ["aaa bbb", "ccc"]
    assert casenote.wrap("aaa bbb", width=7, first="- ", rest="  ") == ["- aaa", "  bbb"]
    cjk = casenote.wrap("あいうえおかきくけこ", width=10)
    assert cjk == ["あいうえお", "かきくけこ"]
    url = "https://example.org/" + "x" * 100
    assert casenote.wrap(f"see {url}", width=20) == ["see", url]
    assert casenote.wrap("y" * 25, width=10) == ["y" * 10, "y" * 10, "y" * 5]
    assert casenote.display_width("日本a") == 5
