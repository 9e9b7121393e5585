"""The letters' templates: data files (``data/*.toml``) read and checked once, on first use.

Why data: a letter's wording is checked and re-worded like a rule (its sources are cited by
id, as every rule of :mod:`deficiency.rules` is), and a translator or a counselor reads it
without reading code. Each string of a template is a message id: the English text is the
letter a reader sends; the catalogs hold its translation (:mod:`.extract` lists the ids for
``make extract``). Placeholders (``{deficiency}``) are filled from the analysis by
:mod:`.fields`, never typed into the text.

A template (one file per letter) holds: the title, who it goes to, the blank for the
recipient, the subject, the bibliography ids it relies on, the constants of the statute it
applies (days and pinpoint citations in ``constants``, amounts in ``money``), and five
lists of blocks: ``body`` (the letter), ``attach``, ``send``, ``dates`` and ``notes`` (what
the reader keeps). A block is a sentence
(``text``), shown only ``when`` a fact holds or ``unless`` it does, as a ``paragraph`` or a
list ``item``; or a ``list`` of sentences the fields compute (the Letter check's questions).
``phrases`` and ``items`` are sentences and names the fields pick by code.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from deficiency.rules.tables import DataFileError, Dollars

#: The letters, in the order a page offers them (one ``data/<kind>.toml`` each).
KINDS: tuple[str, ...] = (
    "explanation",
    "validation",
    "settlement",
    "defense",
    "dispute_bureau",
    "dispute_furnisher",
)
COMMON = "common"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


class LetterTemplateError(DataFileError):
    """A letter template breaks its schema: the message names the file and what is wrong."""


class Block(BaseModel):
    """One sentence of a letter or of its notes, or a list the fields compute."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str | None = None
    when: str | None = None
    unless: str | None = None
    style: Literal["paragraph", "item"] = "paragraph"
    list: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Block:
        if (self.text is None) == (self.list is None):
            raise ValueError("a block has either a text or a list")
        return self


class Template(BaseModel):
    """One letter: what it says, to whom, and what the reader keeps beside it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str
    title: str
    to: str
    recipient_blank: str
    subject: str
    sources: tuple[str, ...]
    #: The letter names the lender or collector that reports the account (a dispute to a
    #: bureau): the page asks for that name too.
    creditor: bool = False
    constants: Mapping[str, int | str] = {}
    #: The statute's amounts (dollars and cents in the file, integer cents here).
    money: Mapping[str, Dollars] = {}
    body: tuple[Block, ...]
    attach: tuple[Block, ...] = ()
    send: tuple[Block, ...] = ()
    dates: tuple[Block, ...] = ()
    notes: tuple[Block, ...] = ()
    phrases: Mapping[str, str] = {}
    items: Mapping[str, str] = {}

    @field_validator("sources")
    @classmethod
    def _some_sources(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("a letter cites at least one source")
        return value

    def blocks(self) -> Iterator[Block]:
        """Every block, in the order the packet shows them."""
        yield from (*self.body, *self.attach, *self.send, *self.dates, *self.notes)

    def message_ids(self) -> Iterator[str]:
        """Every translatable string of the template."""
        yield from (self.title, self.to, self.recipient_blank, self.subject)
        yield from (block.text for block in self.blocks() if block.text is not None)
        yield from self.phrases.values()
        yield from self.items.values()


class Common(BaseModel):
    """What every letter shares (``data/common.toml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    letter: Mapping[str, str]
    blanks: Mapping[str, str]
    notes: Mapping[str, str]
    send: tuple[Block, ...]
    events: Mapping[str, str]

    def message_ids(self) -> Iterator[str]:
        for table in (self.letter, self.blanks, self.notes, self.events):
            yield from table.values()
        yield from (block.text for block in self.send if block.text is not None)


def template_text(name: str) -> str:
    """The text of ``data/<name>.toml`` beside this package."""
    return (
        resources.files(__package__ or __name__)
        .joinpath("data", f"{name}.toml")
        .read_text(encoding="utf-8")
    )


def _parse(text: str, name: str) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LetterTemplateError(f"{name}.toml: {exc}") from None


def _reason(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(part) for part in err["loc"]) or "file"
    return f"{where}: {str(err['msg']).removeprefix('Value error, ')}"


def parse_template(text: str, name: str) -> Template:
    """Validate one letter's template; ``name`` must be its ``kind``."""
    try:
        template = Template.model_validate(_parse(text, name))
    except ValidationError as exc:
        raise LetterTemplateError(f"{name}.toml: {_reason(exc)}") from None
    if template.kind != name:
        raise LetterTemplateError(f"{name}.toml: kind is {template.kind!r}")
    return template


def parse_common(text: str, name: str = COMMON) -> Common:
    try:
        return Common.model_validate(_parse(text, name))
    except ValidationError as exc:
        raise LetterTemplateError(f"{name}.toml: {_reason(exc)}") from None


@functools.cache
def load_templates() -> dict[str, Template]:
    """Every letter's template by kind, read and validated on first use (never at import)."""
    return {kind: parse_template(template_text(kind), kind) for kind in KINDS}


@functools.cache
def load_common() -> Common:
    return parse_common(template_text(COMMON))


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a sentence expects."""
    return set(PLACEHOLDER.findall(text))


__all__ = [
    "COMMON",
    "KINDS",
    "Block",
    "Common",
    "LetterTemplateError",
    "Template",
    "load_common",
    "load_templates",
    "parse_common",
    "parse_template",
    "placeholders",
    "template_text",
]
