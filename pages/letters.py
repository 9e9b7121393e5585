"""Letters: the next step, written from this scenario's figures (issue 19).

Each letter the facts call for is drafted by the core (:mod:`deficiency.counselor.letters`):
why it fits, the English letter to send and, for a Japanese or Spanish reader, its
translation beside it, what to enclose, how to send it and the dates that matter. The letter
downloads (a PDF, a Word file to edit before signing, plain text for an e-mail) hold the
letter to send and nothing else; the reader's notes (the tax consequence among them) and the
translation are a fourth download, a PDF marked as not to be sent.

Privacy: the names, addresses and account number typed here fill in the letters only. Their
widgets' keys do not start with ``in_`` (:data:`ui.state.WIDGET_PREFIX`), so they are never
part of the scenario, never written to the link (:func:`ui.state.write_link` writes the
scenario, the letter check's and the 1099-C's keys only) and never replayed after a
reconnect; they live in this browser tab's session while it is open, and nothing is written
to disk or to the logs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

import streamlit as st

from deficiency.core.analysis import analyze
from deficiency.counselor.letters import (
    DEFAULT_OFFER_PERCENT,
    LETTER_LANGUAGE,
    Draft,
    Parties,
    TextLine,
    Voice,
    facts_for,
    letter_lines,
    load_templates,
    not_offered,
    notes_lines,
    render_text,
)
from deficiency.counselor.letters import drafts as offered_letters
from deficiency.outputs.handout import HandoutFontError, find_fonts
from deficiency.outputs.letters import render_letter_docx, render_letter_pdf, render_notes_pdf
from deficiency.text.markers import N_
from ui import a11y, frame, state
from ui.text import _, lang, plain, render
from ui.widgets import disclaimer, show_issues

#: Session keys of the fields typed for the download (not ``in_``: never in the link).
PARTY_KEYS: dict[str, str] = {
    "sender_name": "letters_sender_name",
    "sender_address": "letters_sender_address",
    "recipient": "letters_recipient",
    "account": "letters_account",
    "creditor": "letters_creditor",
}


def _markdown(lines: list[TextLine]) -> str:
    """Lines as escaped markdown: frame lines kept apart, items as a list."""
    out: list[str] = []
    for item in lines:
        text = plain(item.text)
        if item.style == "blank":
            out.append("")
        elif item.style == "item":
            out.append(f"- {text}")
        elif item.style == "heading":
            out += ["", f"**{text}**", ""]
        elif item.style == "line":
            out.append(text + "  ")  # a hard line break: the address block stays a block
        else:
            out += ["", text, ""]
    return "\n".join(out)


def _party_fields(any_dispute: bool) -> Parties:
    st.subheader(_("Your details, for the letters only"))
    st.info(
        _(
            "Names, addresses and account numbers typed here only fill in the letters you see "
            "and download. They are not put in the link, not saved and not written to the "
            "server's logs, and they are gone when you close this tab. The figures stay in "
            "the link, as on every page."
        )
    )
    cols = st.columns(2)
    cols[0].text_input(
        _("Your name"), key=PARTY_KEYS["sender_name"], max_chars=120, persist_state="session"
    )
    cols[0].text_area(
        _("Your mailing address"),
        key=PARTY_KEYS["sender_address"],
        max_chars=300,
        height=100,
        persist_state="session",
    )
    cols[1].text_area(
        _("The recipient's name and address"),
        key=PARTY_KEYS["recipient"],
        max_chars=300,
        height=100,
        help=_("The same recipient is printed on every letter: download them one at a time."),
        persist_state="session",
    )
    cols[1].text_input(
        _("Account number"), key=PARTY_KEYS["account"], max_chars=60, persist_state="session"
    )
    if any_dispute:
        cols[1].text_input(
            _("Lender or collector that reports the account (credit report disputes)"),
            key=PARTY_KEYS["creditor"],
            max_chars=120,
            persist_state="session",
        )
    typed = {name: str(st.session_state.get(key) or "") for name, key in PARTY_KEYS.items()}
    return Parties(**typed)


class Download(NamedTuple):
    """One download of a letter: its button's key (``letter_<key>_<kind>``), label, bytes
    (``build(item, parties, reader, today)``), file name (``<stem>-<kind>.<suffix>``), MIME
    type and icon."""

    key: str
    label: str
    build: Callable[[Draft, Parties, str, dt.date], bytes]
    stem: str
    suffix: str
    mime: str
    icon: str
    #: The reader's own file (notes, translation): kept, never sent.
    keep: bool = False


PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: The letter's three files (the letter to send, nothing else), then the reader's notes and
#: the translation (a PDF to keep, never to send). Each is built on click only (a ``data``
#: callable), so no rerun pays for a PDF or a Word file.
DOWNLOADS: tuple[Download, ...] = (
    Download("pdf", N_("The letter as a PDF"), render_letter_pdf, "letter", "pdf", PDF, "📄"),
    Download(
        "docx",
        N_("The letter as a Word file, to edit"),
        lambda item, parties, _reader, today: render_letter_docx(item, parties, today),
        "letter",
        "docx",
        DOCX,
        "📝",
    ),
    Download(
        "text",
        N_("The letter as plain text, for an e-mail"),
        lambda item, parties, _reader, today: render_text(item, parties, today).encode("utf-8"),
        "letter",
        "txt",
        "text/plain",
        "✉️",
    ),
    Download(
        "notes",
        N_("Your notes and the translation (keep; do not send)"),
        render_notes_pdf,
        "notes-do-not-send",
        "pdf",
        PDF,
        "🔒",
        keep=True,
    ),
)
#: The notes button's label for a reader of English, who gets no translation.
NOTES_LABEL_EN = N_("Your notes (keep; do not send)")


def _built_on_click(render: Callable[..., bytes], *args: object) -> Callable[[], bytes]:
    return lambda: render(*args)


def _downloads(item: Draft, parties: Parties, reader: str, today: dt.date) -> None:
    st.caption(
        _(
            "The letter files (PDF, Word, plain text) hold only the letter to send. The notes "
            "file is for you alone, with the dates, free help and the notice that this is not "
            "legal advice: keep it, do not send it."
        )
    )
    try:
        find_fonts(reader)
        no_pdf = False
    except HandoutFontError as error:
        st.error(_(error.message))  # once, not under each PDF button
        no_pdf = True
    # The files to send on the left, the file to keep on the right; labels wrap instead of
    # being cut off (four buttons side by side ended in "…" in every language).
    send, keep = st.columns(2)
    for download in DOWNLOADS:
        if download.suffix == "pdf" and no_pdf:
            continue
        col = keep if download.keep else send
        label = download.label
        if download.keep and reader == LETTER_LANGUAGE:
            label = NOTES_LABEL_EN
        col.download_button(
            _(label),
            data=_built_on_click(download.build, item, parties, reader, today),
            file_name=f"{download.stem}-{item.kind}.{download.suffix}",
            mime=download.mime,
            on_click="ignore",
            width="stretch",
            key=f"letter_{download.key}_{item.kind}",
            icon=download.icon,
            wrap=True,
        )


def _letter(item: Draft, parties: Parties, reader: str, today: dt.date) -> None:
    st.header(_(item.title), anchor=item.kind)
    st.caption(plain(_("To: {recipient}").format(recipient=_(item.template.to))))
    st.success(
        "\n".join(
            ["**" + plain(_("Why this letter fits")) + "**"]
            + [f"- {plain(render(reason))}" for reason in item.reasons]
        )
    )
    english = letter_lines(item, parties, today)
    if reader == LETTER_LANGUAGE:
        with st.container(border=True):
            st.markdown(_markdown(english))
    else:
        cols = st.columns(2)
        with cols[0]:
            st.markdown("**" + plain(_("The letter to send (English)")) + "**")
            # English on purpose, and marked so (WCAG 3.1.2): a screen reader reads it as such.
            part = a11y.language_part(LETTER_LANGUAGE, f"letter_{item.kind}")
            with part, st.container(border=True):
                st.markdown(_markdown(english))
        with cols[1]:
            st.markdown("**" + plain(_("Translation, for your reading only")) + "**")
            with st.container(border=True):
                st.markdown(_markdown(letter_lines(item, parties, today, Voice(reader))))
    with st.expander(_("What to enclose, how to send it, the dates, free help")):
        st.markdown(_markdown(notes_lines(item, Voice(reader))))
    _downloads(item, parties, reader, today)


frame.begin()
st.title(_("Letters"))
st.caption(
    _(
        "The letters a counselor would help you send, drafted from this scenario's figures: "
        "only those that fit the facts entered, each with why it fits, what to enclose, how "
        "to send it and the dates that matter. The letter is in English, for a US lender, "
        "collector or credit bureau."
    )
)
show_issues()
found = analyze(state.scenario())
today = found.credit.today
reader = lang()
percent = st.session_state.get("whatif_settle_pct", DEFAULT_OFFER_PERCENT)
facts = facts_for(found, letter=state.letter(), offer_percent=int(percent), today=today)
letters = offered_letters(facts)
parties = _party_fields(any(item.template.creditor for item in letters))

if not letters:
    st.info(_("No letter fits the facts entered yet. Enter the loan and the sale first."))
for item in letters:
    _letter(item, parties, reader, today)

others = not_offered(facts)
if others:
    with st.expander(_("Other letters, and when they are offered")):
        templates = load_templates()
        st.markdown(
            "\n".join(
                f"- **{plain(_(templates[kind].title))}**: {plain(render(when))}"
                for kind, when in others
            )
        )
disclaimer()
frame.end()
