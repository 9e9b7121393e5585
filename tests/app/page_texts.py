"""All the text a page shows, from an AppTest run: for the language and text-equivalent tests.

Why a generic walk of the element tree rather than a list of element kinds: a label, an
option, a help tooltip, a metric, a table cell, an expander's title or a chart's legend that
a test forgot to list would escape the check. Every string field of every element's message
is collected (identifiers come along too; the checks look for phrases, which they are not),
tables are read as data, and Plotly figures as their JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

#: Chart keys whose text is shown to the reader (titles, names, labels, hover text).
_PLOTLY_TEXT_KEYS = {
    "text",
    "name",
    "customdata",
    "hovertemplate",
    "ticktext",
    "title",
}


def _proto_strings(message: Message) -> Iterator[str]:
    for field, value in message.ListFields():
        if field.name == "spec":  # a chart: read as JSON below
            continue
        if isinstance(value, (str, bytes, Message)):
            values = [value]
        else:
            try:  # a repeated field (protobuf's containers are sequences)
                values = list(value)
            except TypeError:  # a number or a flag
                continue
        for item in values:
            if isinstance(item, Message):
                yield from _proto_strings(item)
            elif isinstance(item, str):
                yield item


def _plotly_strings(node: Any, key: str = "") -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _plotly_strings(v, k if k in _PLOTLY_TEXT_KEYS else key)
    elif isinstance(node, list):
        for item in node:
            yield from _plotly_strings(item, key)
    elif isinstance(node, str) and key:
        # Plotly's template fields (%{y}) are not text; what is around them is.
        yield from (part for part in re.split(r"%\{[^}]*\}|<[^>]*>", node) if part.strip())


def block_key(node: Any) -> str:
    """The key a container was given (its id ends with it), or ""."""
    block_id = getattr(getattr(node, "proto", None), "id", "") or ""
    return block_id.rsplit("-", 1)[-1] if block_id.startswith("$$ID-") else ""


def nodes(at: AppTest, *, skip_parts_in: str | None = None) -> Iterator[Any]:
    """Every element of the page (blocks' children, depth first, in page order).

    ``skip_parts_in``: leave out the containers declared in that language
    (``ui.a11y.language_part``: a key ``lang_<code>_…``), such as the English letter to send.
    """
    skipped = f"lang_{skip_parts_in}_" if skip_parts_in else None
    stack = [at._tree]
    while stack:
        node = stack.pop()
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            if skipped and block_key(node).startswith(skipped):
                continue
            stack.extend(children[i] for i in sorted(children, reverse=True))
        else:
            yield node


def element_texts(node: Any) -> list[str]:
    """The text one element shows (a table's columns and cells, a chart's words)."""
    texts: list[str] = []
    proto = getattr(node, "proto", None)
    kind = getattr(node, "type", "")
    if kind in ("arrow_data_frame", "arrow_table", "table", "dataframe"):
        frame = node.value
        texts += [str(c) for c in frame.columns]
        texts += [str(v) for v in frame.astype(str).to_numpy().ravel()]
    if proto is not None and hasattr(proto, "ListFields"):
        texts += list(_proto_strings(proto))
        spec = getattr(proto, "spec", "")
        if spec:
            texts += list(_plotly_strings(json.loads(spec)))
    return [t for t in texts if t.strip()]


#: Elements that show no text of their own: the page's style sheet and script component.
NOT_TEXT = {"html", "bidi_component"}


def page_texts(at: AppTest, *, skip_parts_in: str | None = None) -> list[str]:
    """Every string the page shows, the sidebar included (see :func:`nodes`)."""
    return [
        text
        for node in nodes(at, skip_parts_in=skip_parts_in)
        if getattr(node, "type", "") not in NOT_TEXT
        for text in element_texts(node)
    ]


def unescape(markdown: str) -> str:
    """Markdown source as the reader sees it (backslash escapes removed)."""
    return re.sub(r"\\(.)", r"\1", markdown)
