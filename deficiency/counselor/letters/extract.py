"""Babel extraction of the letters' templates, so ``make extract`` puts them in the catalogs.

``babel.cfg`` maps ``deficiency/counselor/letters/data/*.toml`` to :func:`extract_templates`
(a dotted path, so ``pybabel`` needs the project on ``PYTHONPATH``, as the Makefile gives
it). Each translatable string of a template (:meth:`Template.message_ids`) is one message;
its line number is the first line of the file that starts it, for the translator's context.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import IO, Any

from deficiency.counselor.letters.templates import COMMON, parse_common, parse_template


def _line_of(message: str, lines: list[str]) -> int:
    head = message[:40]
    return next((number for number, line in enumerate(lines, 1) if head in line), 1)


def message_ids(text: str, name: str) -> list[str]:
    """The translatable strings of one template file (``name``: its stem)."""
    if name == COMMON:
        return list(parse_common(text).message_ids())
    return list(parse_template(text, name).message_ids())


def extract_templates(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel's extraction-method interface: ``(lineno, funcname, message, comments)``."""
    text = fileobj.read().decode("utf-8")
    name = PurePath(getattr(fileobj, "name", "letter.toml")).stem
    lines = text.splitlines()
    for message in dict.fromkeys(message_ids(text, name)):
        yield _line_of(message, lines), "N_", message, []


__all__ = ["extract_templates", "message_ids"]
