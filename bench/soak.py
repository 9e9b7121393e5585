"""Soak benchmark: simulated sessions for a long time, server RSS sampled; does memory plateau?

One server. ``--sessions`` (20) simulated readers at all times: each connects, opens the
shared link, changes "Sale price" 3–10 times with a 1–3 s think time, disconnects, and a new
reader takes its place (so thousands of sessions are created and dropped in 30 minutes).
The server's RSS, its ``active_sessions`` gauge and connect/disconnect counters
(``/_stcore/metrics``) are sampled every ``--interval`` seconds (60).

Verdict: memory plateaus when the RSS growth over the second half of the run is below
``max(5 MB, 5 %)`` and its slope there below 0.5 MB/min. ``runner.postScriptGC = false`` in
``.streamlit/config.toml`` is why this is watched: Python's generational GC still runs.

    python -m bench.soak [--minutes 30] [--interval 60] [--sessions 20]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import time
from typing import Any

from bench.common import (
    APP,
    LINK,
    Session,
    dollars,
    median,
    metrics_text,
    number_state,
    percentile,
    running,
    table,
)


class Counters:
    def __init__(self) -> None:
        self.sessions = 0
        self.updates: list[float] = []
        self.errors: list[str] = []


async def _reader(server: Any, until: float, seed: int, counters: Counters) -> None:
    rng = random.Random(seed)
    while time.perf_counter() < until:
        session = Session(server.ws_url, LINK)
        try:
            await session.open()
            run = await session.run()
            widget = run.widgets["Sale price"]
            counters.sessions += 1
            for _ in range(rng.randint(3, 10)):
                await asyncio.sleep(rng.uniform(1, 3))
                if time.perf_counter() >= until:
                    break
                price = rng.randrange(150_000, 249_000, 100)
                run = await session.run([number_state(widget, price)], timeout=60)
                counters.updates.append(run.seconds)
                if run.metrics.get("Deficiency balance") != dollars((250_000 - price) * 100):
                    counters.errors.append(f"wrong figure {run.metrics.get('Deficiency balance')}")
        except Exception as exc:  # counted
            counters.errors.append(f"{type(exc).__name__}: {exc}"[:200])
            await asyncio.sleep(1)
        finally:
            with contextlib.suppress(Exception):
                await session.close()


def _gauges(port: int) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in metrics_text(port).splitlines():
        if line.startswith("active_sessions "):
            out["active"] = float(line.split()[1])
        elif line.startswith('session_events_total{type="connect"}'):
            out["connects"] = float(line.split()[1])
        elif line.startswith('session_events_total{type="disconnect"}'):
            out["disconnects"] = float(line.split()[1])
    return out


async def _soak(server: Any, minutes: float, interval: float, sessions: int) -> dict[str, Any]:
    counters = Counters()
    start = time.perf_counter()
    until = start + minutes * 60
    readers = [
        asyncio.create_task(_reader(server, until, seed, counters)) for seed in range(sessions)
    ]
    samples = []
    next_sample = start
    while True:
        now = time.perf_counter()
        if now >= next_sample:
            samples.append(
                {
                    "minute": round((now - start) / 60, 2),
                    "rss_mb": round(server.rss_mb(), 1),
                    "sessions_so_far": counters.sessions,
                    **_gauges(server.port),
                }
            )
            next_sample += interval
        if now >= until:
            break
        await asyncio.sleep(min(1.0, max(0.0, min(next_sample, until) - now)))
    await asyncio.gather(*readers)
    await asyncio.sleep(3)
    samples.append(
        {
            "minute": round((time.perf_counter() - start) / 60, 2),
            "rss_mb": round(server.rss_mb(), 1),
            "sessions_so_far": counters.sessions,
            **_gauges(server.port),
            "note": "after all readers left",
        }
    )
    return {"samples": samples, "counters": counters}


def _slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope (MB per minute)."""
    if len(points) < 2:
        return 0.0
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    den = sum((x - mx) ** 2 for x, _ in points) or 1.0
    return sum((x - mx) * (y - my) for x, y in points) / den


def run(minutes: float = 30, interval: float = 60, sessions: int = 20) -> dict[str, Any]:
    with running(APP) as server:
        warm = asyncio.run(_soak(server, 0.1, 60, 2))  # imports and caches before the baseline
        del warm
        result = asyncio.run(_soak(server, minutes, interval, sessions))
    samples = result["samples"]
    counters = result["counters"]
    during = [s for s in samples if "note" not in s]
    half = [s for s in during if s["minute"] >= minutes / 2] or during[-2:]
    growth_second_half = half[-1]["rss_mb"] - half[0]["rss_mb"]
    slope = _slope([(s["minute"], s["rss_mb"]) for s in half])
    limit = max(5.0, 0.05 * half[0]["rss_mb"])
    return {
        "minutes": minutes,
        "interval": interval,
        "sessions": sessions,
        "samples": samples,
        "sessions_created": counters.sessions,
        "updates": len(counters.updates),
        "p50_ms": round(median(counters.updates) * 1000, 1),
        "p95_ms": round(percentile(counters.updates, 95) * 1000, 1),
        "errors": len(counters.errors),
        "error_examples": counters.errors[:3],
        "rss_start_mb": during[0]["rss_mb"],
        "rss_peak_mb": max(s["rss_mb"] for s in samples),
        "rss_end_mb": samples[-1]["rss_mb"],
        "growth_second_half_mb": round(growth_second_half, 1),
        "slope_mb_per_min": round(slope, 2),
        "plateau": growth_second_half < limit and slope < 0.5,
    }


def report(r: dict[str, Any]) -> str:
    rows = [
        [s["minute"], s["rss_mb"], s["sessions_so_far"], int(s.get("active", -1)),
         int(s.get("connects", -1)), int(s.get("disconnects", -1)), s.get("note", "")]
        for s in r["samples"]
    ]  # fmt: skip
    return "\n".join(
        [
            f"Soak ({r['minutes']:g} min, {r['sessions']} simultaneous readers, sampled every "
            f"{r['interval']:g} s)",
            table(["minute", "RSS MB", "sessions", "active", "connects", "disconnects", ""], rows),
            f"  sessions created {r['sessions_created']:,}; updates {r['updates']:,} "
            f"(p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms); errors {r['errors']}",
            f"  RSS start {r['rss_start_mb']} MB, peak {r['rss_peak_mb']} MB, end "
            f"{r['rss_end_mb']} MB; second half: {r['growth_second_half_mb']:+} MB, slope "
            f"{r['slope_mb_per_min']:+} MB/min → "
            + ("plateaus" if r["plateau"] else "DOES NOT plateau (growing)"),
        ]
        + [f"  {e}" for e in r["error_examples"]]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--interval", type=float, default=60)
    parser.add_argument("--sessions", type=int, default=20)
    args = parser.parse_args()
    print(report(run(args.minutes, args.interval, args.sessions)))


if __name__ == "__main__":
    main()
