"""A draft as lines of text: the English letter, the notes the reader keeps, the translation.

Why lines and not one string: the page, the plain-text download and the PDF lay the same
letter out differently (a code block, an e-mail, a printed page), so :func:`letter_lines`
and :func:`notes_lines` return :class:`TextLine` items (a style and a text) that each
output draws in its own way, and :func:`render_text` joins them for an e-mail.

The letter goes to a US lender, collector or bureau, so it is always English (``Voice("en")``);
the notes and the translation use the reader's language. The names, addresses and account
number typed on the page (:class:`Parties`) are put in only here, when a letter is drawn or
downloaded: they are never part of a draft, a link or anything kept.
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

Style = Literal["heading", "line", "paragraph", "item", "blank"]


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
    item, or a blank line between parts."""

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


def notes_lines(draft: Draft, voice: Voice) -> list[TextLine]:
    """What the reader keeps (never sent), in the reader's language: why the letter fits,
    what to enclose, how to send it, the dates, notes, free help, sources, the notice."""
    headings = load_common().notes
    out: list[TextLine] = [TextLine("heading", voice._(headings["heading"]))]

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


SEPARATOR = "=" * 64


def render_text(draft: Draft, parties: Parties, lang: str, today: dt.date) -> str:
    """The plain-text download: the English letter to paste into an e-mail, then, below a
    separator, the notes and the translation in the reader's language."""
    voice = Voice(lang if lang in i18n.LANGUAGES else LETTER_LANGUAGE)
    letter = as_text(letter_lines(draft, parties, today))
    kept = as_text(notes_lines(draft, voice) + translation_lines(draft, parties, today, voice))
    return f"{letter}\n{SEPARATOR}\n{kept}"


__all__ = [
    "LETTER_LANGUAGE",
    "MAX_CHARS",
    "SEPARATOR",
    "Parties",
    "TextLine",
    "Voice",
    "as_text",
    "letter_lines",
    "notes_lines",
    "render_text",
    "translation_lines",
]
