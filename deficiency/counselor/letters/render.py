"""A draft as lines of text: the English letter, the notes the reader keeps, the translation.

Why lines and not one string: the page, the plain-text download and the PDFs lay the same
letter out differently (a code block, an e-mail, a printed page), so :func:`letter_lines`
and :func:`notes_lines` return :class:`TextLine` items (a style and a text) that each
output draws in its own way, and :func:`render_text` joins the letter's for an e-mail.

The letter goes to a US lender, collector or bureau, so it is always English (``Voice("en")``);
the notes and the translation use the reader's language. They are kept apart: a letter's
downloads hold the letter alone, and the notes (with the tax consequence, which is for the
borrower's own reading) and the translation go to a file of their own (:func:`kept_lines`),
so a reader who prints or pastes a whole letter file sends nothing private. The names,
addresses and account number typed on the page (:class:`Parties`) are put in only here, when
a letter is drawn or downloaded: they are never part of a draft, a link or anything kept.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any, Literal

from deficiency.counselor.letters.draft import Draft
from deficiency.counselor.letters.templates import load_common
from deficiency.text import i18n
from deficiency.text.labels import DISCLAIMER
from deficiency.text.markers import Message

LETTER_LANGUAGE = "en"
#: Longest text kept from each field typed on the page (a name, an address, a number).
MAX_CHARS: dict[str, int] = {
    "sender_name": 120,
    "sender_address": 300,
    "recipient": 300,
    "account": 60,
    "creditor": 120,
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

Style = Literal["heading", "line", "paragraph", "item", "blank", "warning"]


@dataclass(frozen=True)
class Parties:
    """What the reader types on the Letters page for the download only: their name and
    address, the recipient's name and address, the account number, and (for a credit report
    dispute) who reports the account. Blank fields stay as bracketed blanks to fill in by hand.
    """

    sender_name: str = ""
    sender_address: str = ""
    recipient: str = ""
    account: str = ""
    creditor: str = ""

    def cleaned(self) -> Parties:
        """Trimmed, without control characters, each field cut to :data:`MAX_CHARS`."""
        out: dict[str, str] = {}
        for item in fields(self):
            value = unicodedata.normalize("NFC", str(getattr(self, item.name) or ""))
            value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
            lines = [line.strip() for line in value.split("\n")]
            out[item.name] = "\n".join(line for line in lines if line)[: MAX_CHARS[item.name]]
        return replace(self, **out)


@dataclass(frozen=True)
class Voice:
    """One language's translation and formatting of messages."""

    lang: str

    @property
    def gettext(self) -> Callable[[str], str]:
        return i18n.gettext_for(self.lang)

    def _(self, msgid: str) -> str:
        return self.gettext(msgid)

    def money(self, cents: int) -> str:
        return i18n.money(int(cents), self.lang)

    def date(self, day: dt.date) -> str:
        return i18n.date(day, self.lang)

    def text(self, message: Message) -> str:
        return message.text(self.gettext, self.money, self.date)


@dataclass(frozen=True)
class TextLine:
    """One line of output: a heading, a line of the letter's frame, a paragraph, a list
    item, a blank line between parts, or a warning (a paragraph not to be missed)."""

    style: Style
    text: str = ""


def _typed(value: str, blank: str, voice: Voice) -> list[str]:
    """A typed field's lines, or its bracketed blank in the voice's language."""
    return value.split("\n") if value else [voice._(blank)]


def letter_lines(
    draft: Draft, parties: Parties, today: dt.date, voice: Voice | None = None
) -> list[TextLine]:
    """The letter, from the sender's address to the enclosures (English unless ``voice``)."""
    voice = voice or Voice(LETTER_LANGUAGE)
    people = parties.cleaned()
    common = load_common()
    frame, blanks = common.letter, common.blanks
    out: list[TextLine] = []

    def line(text: str) -> None:
        out.append(TextLine("line", text))

    def blank() -> None:
        out.append(TextLine("blank"))

    for text in _typed(people.sender_name, blanks["name"], voice):
        line(text)
    for text in _typed(people.sender_address, blanks["address"], voice):
        line(text)
    blank()
    line(voice.date(today))
    blank()
    for text in _typed(people.recipient, draft.template.recipient_blank, voice):
        line(text)
    blank()
    line(voice.text(Message(frame["subject"], {"subject": draft.subject})))
    account = people.account or Message(blanks["account"])
    line(voice.text(Message(frame["account"], {"account": account})))
    creditor: Any = people.creditor or Message(blanks["creditor"])
    blank()
    line(voice._(frame["salutation"]))
    blank()
    for item in draft.body({"creditor": creditor}):
        out.append(TextLine(item.style, voice.text(item.message)))
    blank()
    line(voice._(frame["closing"]))
    blank()
    line(voice._(blanks["signature"]))
    for text in _typed(people.sender_name, blanks["name"], voice):
        line(text)
    if draft.attachments:
        blank()
        line(voice._(frame["enclosures"]))
        out += [TextLine("item", voice.text(message)) for message in draft.attachments]
    blank()
    line(voice._(frame["sent_by"]))
    return out


def _kept_sections(draft: Draft, voice: Voice) -> list[TextLine]:
    """The notes' sections: why the letter fits, what to enclose, how to send it, the dates,
    notes (the tax consequence among them), free help, sources, then the notice."""
    headings = load_common().notes
    out: list[TextLine] = []

    def section(key: str, items: list[str]) -> None:
        if items:
            out.append(TextLine("heading", voice._(headings[key])))
            out.extend(TextLine("item", text) for text in items)

    section("why", [voice.text(reason) for reason in draft.reasons])
    section("attach", [voice.text(message) for message in draft.attachments])
    section("send", [voice.text(message) for message in draft.sending])
    section("dates", [voice.text(message) for message in draft.dates])
    section("notes", [voice.text(message) for message in draft.notes])
    helpers = []
    for item in draft.help:
        contact = " · ".join(part for part in (item.url, item.phone) if part)
        name = voice.text(item.name) + (f" ({contact})" if contact else "")
        helpers.append(f"{name}: {voice.text(item.note)}")
    section("help", helpers)
    section("sources", [f"{source.title}: {source.url}" for source in draft.sources])
    out.append(TextLine("paragraph", voice._(DISCLAIMER)))
    return out


def notes_lines(draft: Draft, voice: Voice) -> list[TextLine]:
    """What the reader keeps (never sent), in the reader's language, as the page shows it:
    why the letter fits, what to enclose, how to send it, the dates, notes, free help,
    sources, the notice."""
    heading = TextLine("heading", voice._(load_common().notes["heading"]))
    return [heading, *_kept_sections(draft, voice)]


def translation_lines(
    draft: Draft, parties: Parties, today: dt.date, voice: Voice
) -> list[TextLine]:
    """The letter in the reader's language (nothing when the reader reads English)."""
    if voice.lang == LETTER_LANGUAGE:
        return []
    heading = TextLine("heading", voice._(load_common().notes["translation"]))
    return [heading, *letter_lines(draft, parties, today, voice)]


def as_text(lines: list[TextLine]) -> str:
    """Lines as plain text: items start with "- ", headings stand on their own line."""
    out: list[str] = []
    for item in lines:
        if item.style == "blank":
            out.append("")
        elif item.style == "item":
            out.append(f"- {item.text}")
        elif item.style == "heading":
            if out and out[-1] != "":
                out.append("")
            out.append(item.text)
        elif item.style == "paragraph" and out and out[-1] != "":
            out += ["", item.text]
        else:
            out.append(item.text)
    return "\n".join(out).strip() + "\n"


def kept_lines(draft: Draft, voice: Voice) -> list[TextLine]:
    """The notes file's notes, in the reader's language: its title and a warning that it is
    not to be sent, then the notes (with the notice and free help). The file adds the
    translation (:func:`translation_lines`) on a page of its own."""
    notes = load_common().notes
    # No string literal inside ``_()``: Babel's extractor would take the key for a message.
    heading, about = notes["file"], notes["file_about"]
    title = voice._(heading).format(title=voice._(draft.title))
    top = [TextLine("heading", title), TextLine("warning", voice._(about))]
    return top + _kept_sections(draft, voice)


def render_text(draft: Draft, parties: Parties, today: dt.date) -> str:
    """The plain-text download: the English letter to paste into an e-mail, and nothing
    else (the notes and the translation are in the notes file, :func:`kept_lines`)."""
    return as_text(letter_lines(draft, parties, today))


__all__ = [
    "LETTER_LANGUAGE",
    "MAX_CHARS",
    "Parties",
    "TextLine",
    "Voice",
    "as_text",
    "kept_lines",
    "letter_lines",
    "notes_lines",
    "render_text",
    "translation_lines",
]
