"""The load floors (bench/replay.py, bench/replay_page.py) are the proof that one process
cannot hold issue 16's 100 readers: they must keep sending what the Calculator sends.

A recording of a real Calculator run, replayed both ways, must give a page without an
error, with the bare page's live figure, and with as many elements of each kind as the
Calculator sends (the widgets' kinds aside: the bare page draws its own).
"""

from __future__ import annotations

import asyncio
import collections
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from bench.common import APP, BARE_APP, running
from bench.load import FLOOR_MODES, REPLAY_APP
from bench.replay import SKIPPED, capture, read_elements, record

T = TypeVar("T")


def _off_loop(function: Callable[..., T], *args: Any) -> T:
    """Run ``function`` in its own thread: the bench helpers call ``asyncio.run``, which
    refuses to run where Playwright's event loop already runs (this worker's thread)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(function, *args).result()


def _kinds(ws_url: str) -> tuple[collections.Counter, str | None, list[str]]:
    """Element kinds of one full run of the link, its figure and its errors."""
    elements, run = asyncio.run(capture(ws_url))
    kinds = collections.Counter(kind for kind, _ in elements)
    return kinds, run.metrics.get("Deficiency balance"), run.exceptions


def test_the_replayed_calculator_sends_what_the_calculator_sends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recording = tmp_path / "calculator.replay"
    with running(APP) as app, running(BARE_APP) as bare:
        counts = _off_loop(record, app.ws_url, bare.ws_url, recording)
        calculator, figure, errors = _off_loop(_kinds, app.ws_url)
    assert not errors and figure == "$50,000.00"
    assert counts["plotly_chart"] == 1 and counts["table"] >= 2, counts
    assert len(list(read_elements(recording))) == sum(counts.values())
    for mode in FLOOR_MODES:
        monkeypatch.setenv("DEFICIENCY_REPLAY", str(recording))
        monkeypatch.setenv("DEFICIENCY_REPLAY_MODE", mode)
        with running(REPLAY_APP) as replay:
            replayed, figure, errors = _off_loop(_kinds, replay.ws_url)
        assert not errors, (mode, errors)
        assert figure == "$50,000.00", mode  # the bare page's live subtraction
        for kind, n in calculator.items():
            if kind not in SKIPPED:
                assert replayed[kind] == n, (mode, kind, replayed[kind], n)
