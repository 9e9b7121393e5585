"""Record what the Calculator sends, for the replay floor (:mod:`bench.replay_page`).

:func:`record` opens the shared link on a running app, changes "Sale price" (a full run, as
in bench/load.py) and keeps every element the run sent except the input widgets, minus as
many of each kind as the bare page draws itself (its headings, metrics, captions, …), so
the replay page sends as many elements of each kind as the Calculator. Stored as
length-prefixed protobuf ``Element`` messages (no pickle).
"""

from __future__ import annotations

import asyncio
import collections
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.common import LINK, Run, Session, number_state

#: Kinds the bare page draws as real widgets (or that only matter to a browser).
SKIPPED = {
    "number_input", "selectbox", "text_input", "date_input", "checkbox", "radio", "button",
    "bidi_component",
}  # fmt: skip


async def capture(ws_url: str, price: int | None = None) -> tuple[list[tuple[str, bytes]], Run]:
    """The elements (kind, serialized ``Element``; blocks as ``add_block``) of one full run
    of the shared link, with "Sale price" changed to ``price`` when given, and the run."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    session = Session(ws_url, LINK)
    await session.open()
    first = await session.run()
    await session.run()  # the full run that follows the first paint
    captured: list[tuple[str, bytes]] = []
    original = session.ws.recv

    async def spy() -> Any:
        data = await original()
        fm = ForwardMsg()
        fm.ParseFromString(data)
        if fm.WhichOneof("type") == "delta":
            delta = fm.delta
            kind = delta.WhichOneof("type")
            if kind == "new_element":
                element = delta.new_element
                captured.append((element.WhichOneof("type"), element.SerializeToString()))
            elif kind == "add_block":
                captured.append(("add_block", b""))
        return data

    session.ws.recv = spy
    change = [] if price is None else [number_state(first.widgets["Sale price"], price)]
    run = await session.run(change)
    await session.close()
    return captured, run


def record(app_ws_url: str, bare_ws_url: str, path: Path, price: int = 201_000) -> dict[str, int]:
    """Write the Calculator's elements not drawn by the bare page to ``path``; their counts."""
    app, _ = asyncio.run(capture(app_ws_url, price))
    bare = collections.Counter(kind for kind, _ in asyncio.run(capture(bare_ws_url, price))[0])
    kept: list[tuple[str, bytes]] = []
    for kind, data in app:
        if kind in SKIPPED:
            continue
        if bare[kind] > 0:
            bare[kind] -= 1
            continue
        kept.append((kind, data))
    with path.open("wb") as out:
        for kind, data in kept:
            name = kind.encode()
            out.write(struct.pack(">HI", len(name), len(data)) + name + data)
    return dict(collections.Counter(kind for kind, _ in kept))


def read_elements(path: Path) -> Iterator[tuple[str, Any]]:
    """The recorded elements as (kind, the kind's protobuf message)."""
    from streamlit.proto.Element_pb2 import Element

    blob = path.read_bytes()
    at = 0
    while at < len(blob):
        name_len, data_len = struct.unpack_from(">HI", blob, at)
        at += 6
        kind = blob[at : at + name_len].decode()
        at += name_len
        data = blob[at : at + data_len]
        at += data_len
        if kind == "add_block":
            yield kind, None
            continue
        element = Element()
        element.ParseFromString(data)
        yield kind, getattr(element, kind)
