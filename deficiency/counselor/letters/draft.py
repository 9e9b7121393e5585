"""A letter drafted from the facts: its template's sentences with the fields filled in.

A :class:`Draft` holds :class:`~deficiency.text.markers.Message` objects, never finished
text, so one draft gives the English letter a reader signs and, with another catalog, the
translation shown beside it (:mod:`.render`); both carry the same figures.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from deficiency.counselor.help import HelpItem, help_for, situations_for
from deficiency.counselor.letters.conditions import reasons_for
from deficiency.counselor.letters.facts import Facts
from deficiency.counselor.letters.fields import FACTS, LISTS, Fields, fields_for
from deficiency.counselor.letters.messages import OFFERED_WHEN
from deficiency.counselor.letters.templates import (
    KINDS,
    Block,
    LetterTemplateError,
    Template,
    load_common,
    load_templates,
)
from deficiency.rules import ucc
from deficiency.rules.tables import Source, load_bibliography
from deficiency.text.markers import Message

Style = Literal["paragraph", "item"]


@dataclass(frozen=True)
class Line:
    """One sentence of a letter, as a paragraph or as an item of a list."""

    message: Message
    style: Style = "paragraph"


@dataclass(frozen=True)
class Draft:
    """One letter that fits the facts: why, what it says, and what the reader keeps.

    ``body`` needs the names typed for the download (``extra``: the reporting creditor of a
    dispute), which never enter the draft itself.
    """

    kind: str
    template: Template
    reasons: tuple[Message, ...]
    fields: Fields
    sources: tuple[Source, ...]
    #: Where to get free help, for these facts (the app's referral list).
    help: tuple[HelpItem, ...] = ()

    @property
    def title(self) -> str:
        return self.template.title

    @property
    def figures(self) -> dict[str, Any]:
        return self.fields.figures

    def _shown(self, blocks: Iterable[Block]) -> list[Block]:
        facts = self.fields.facts
        return [
            block
            for block in blocks
            if (block.when is None or block.when in facts)
            and (block.unless is None or block.unless not in facts)
        ]

    def body(self, extra: Mapping[str, Any] | None = None) -> tuple[Line, ...]:
        lines: list[Line] = []
        for block in self._shown(self.template.body):
            if block.list is not None:
                lines += [Line(item, "item") for item in self.fields.lists.get(block.list, ())]
            else:
                lines.append(Line(self.fields.message(str(block.text), extra), block.style))
        return tuple(lines)

    def _messages(self, blocks: Iterable[Block]) -> tuple[Message, ...]:
        return tuple(self.fields.message(str(b.text)) for b in self._shown(blocks))

    @property
    def subject(self) -> Message:
        return self.fields.message(self.template.subject)

    @property
    def attachments(self) -> tuple[Message, ...]:
        return self._messages(self.template.attach)

    @property
    def sending(self) -> tuple[Message, ...]:
        """The letter's own sending steps, then the ones every letter shares."""
        return self._messages((*self.template.send, *load_common().send))

    @property
    def dates(self) -> tuple[Message, ...]:
        return self._messages(self.template.dates)

    @property
    def notes(self) -> tuple[Message, ...]:
        return self._messages(self.template.notes)


@functools.cache
def check_templates() -> None:
    """Every template tests only facts and lists its letter's fields provide, and every
    sentence a field picks by code exists: a typo fails here, not as a missing sentence."""
    for kind, template in load_templates().items():
        for block in template.blocks():
            for name in (block.when, block.unless):
                if name is not None and name not in FACTS[kind]:
                    raise LetterTemplateError(f"{kind}.toml: unknown fact {name!r}")
            if block.list is not None and block.list not in LISTS.get(kind, frozenset()):
                raise LetterTemplateError(f"{kind}.toml: unknown list {block.list!r}")
        known = load_bibliography().sources.keys() | set(ucc.sources(None))
        for source_id in template.sources:
            if source_id not in known:
                raise LetterTemplateError(f"{kind}.toml: unknown source {source_id!r}")
    missing = set(load_common().events) ^ {
        "short_sale",
        "foreclosure",
        "deed_in_lieu",
        "repossession",
        "voluntary_surrender",
    }
    if missing:
        raise LetterTemplateError(f"common.toml: events must name every path: {sorted(missing)}")


def _sources(kind: str, template: Template, facts: Facts, fields: Fields) -> tuple[Source, ...]:
    """The bibliography the letter cites, the Article 9 sections as the reader's state
    enacted them, and the state's own rule when the letter relies on it."""
    known = {**load_bibliography().sources, **ucc.sources(facts.scenario.state)}
    found = [known[source_id] for source_id in template.sources]
    law = facts.analysis.state
    relies = kind == "defense" or bool({"barred", "limited"} & fields.facts)
    if relies and law.citation and law.source_url:
        found.insert(0, Source(law.citation, law.source_url, "state_rule"))
    return tuple(found)


def draft_for(kind: str, facts: Facts) -> Draft | None:
    """The letter ``kind`` drafted from the facts, or ``None`` when it does not fit them."""
    check_templates()
    reasons = reasons_for(kind, facts)
    if not reasons:
        return None
    template = load_templates()[kind]
    fields = fields_for(kind, facts)
    sources = _sources(kind, template, facts, fields)
    # Legal aid always: whoever writes about a debt may be answered with a lawsuit.
    situations = {*situations_for(facts.analysis, facts.today), "sued"}
    helpers = tuple(help_for(facts.analysis, facts.today, situations))
    return Draft(kind, template, reasons, fields, sources, helpers)


def drafts(facts: Facts) -> list[Draft]:
    """Every letter that fits the facts, in the order the page offers them."""
    found = (draft_for(kind, facts) for kind in KINDS)
    return [item for item in found if item is not None]


def not_offered(facts: Facts) -> list[tuple[str, Message]]:
    """The letters that do not fit, each with when it would be offered."""
    offered = {item.kind for item in drafts(facts)}
    return [(kind, Message(OFFERED_WHEN[kind])) for kind in KINDS if kind not in offered]


__all__ = ["Draft", "Line", "check_templates", "draft_for", "drafts", "not_offered"]
