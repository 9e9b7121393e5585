"""The load floors (bench/replay.py, bench/replay_page.py) are the proof that one process
cannot hold issue 16's 100 readers: they must keep sending what the Calculator sends.

A recording of a real Calculator run, replayed both ways, must give a page without an
error, with the bare page's live figure, and with as many elements of each kind as the
Calculator sends (the widgets' kinds aside: the bare page draws its own).
"""

from __future__ import annotations

import asyncio
import collections
from pathlib import Path

import pytest

from bench.common import APP, BARE_APP, LINK, Session, running
from bench.load import FLOOR_MODES, REPLAY_APP
from bench.replay import SKIPPED, read_elements, record


def _kinds(ws_url: str) -> tuple[collections.Counter, str | None, list[str]]:
    """Element kinds of one full run of the link (the second: the first paints first)."""

    async def go() -> tuple[collections.Counter, str | None, list[str]]:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        session = Session(ws_url, LINK)
        await session.open()
        await session.run()
        kinds: collections.Counter = collections.Counter()
        original = session.ws.recv

        async def spy() -> bytes:
            data = await original()
            fm = ForwardMsg()
            fm.ParseFromString(data)
            if fm.WhichOneof("type") == "delta":
                delta = fm.delta
                kind = delta.WhichOneof("type")
                kinds[delta.new_element.WhichOneof("type") if kind == "new_element" else kind] += 1
            return data

        session.ws.recv = spy
        run = await session.run()
        await session.close()
        return kinds, run.metrics.get("Deficiency balance"), run.exceptions

    return asyncio.run(go())


def test_the_replayed_calculator_sends_what_the_calculator_sends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recording = tmp_path / "calculator.replay"
    with running(APP) as app, running(BARE_APP) as bare:
        counts = record(app.ws_url, bare.ws_url, recording)
        calculator, figure, errors = _kinds(app.ws_url)
    assert not errors and figure == "$50,000.00"
    assert counts["plotly_chart"] == 1 and counts["table"] >= 2, counts
    assert len(list(read_elements(recording))) == sum(counts.values())
    for mode in FLOOR_MODES:
        monkeypatch.setenv("DEFICIENCY_REPLAY", str(recording))
        monkeypatch.setenv("DEFICIENCY_REPLAY_MODE", mode)
        with running(REPLAY_APP) as replay:
            replayed, figure, errors = _kinds(replay.ws_url)
        assert not errors, (mode, errors)
        assert figure == "$50,000.00", mode  # the bare page's live subtraction
        for kind, n in calculator.items():
            if kind not in SKIPPED:
                assert replayed[kind] == n, (mode, kind, replayed[kind], n)
