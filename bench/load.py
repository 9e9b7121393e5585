"""Load benchmark: N simultaneous websocket sessions on one server, on loopback.

For each N (10, 50, 100) a fresh server is started and warmed by one session. Then N
sessions connect at once, each opens the shared link (one script run), and all stay idle
a few seconds (idle memory per session = RSS growth / N). Then, for ``--seconds`` (20),
each session changes "Sale price" after a random think time (``--think`` 1–3 s, uniform)
and waits for the run to finish; the deficiency metric of every run is checked. Errors:
an exception element, a wrong figure, a timeout or a dropped connection.

The sessions are :class:`bench.common.Session` clients (the browser's protocol, no
browser), all in this one asyncio process, which shares the machine's cores with the
server: on 2 cores the client's own CPU is part of what is measured (reported).

Targets (issue 9): 100 sessions, no error, p95 update < 1 s, idle memory < 10 MB/session.

``--floors`` also loads, at the top level only, two pages that send what the Calculator sends
with none of its Python (:mod:`bench.replay_page`, recorded from the app in the same run):
the same public Streamlit calls with fixed arguments (``api``), and the same protobufs
handed over as they are (``raw``). Whether a target fails because of the page's own code
or because of what Streamlit costs to build and send that page is read off these rows.

    python -m bench.load [--sessions 10 50 100] [--seconds 20] [--think 1 3]
    python -m bench.load --replicas 2 --balancer haproxy --script serve.py   # as deploy/
    python -m bench.load --sessions 100 --floors
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import (
    APP,
    BARE_APP,
    LINK,
    LINK_DEFICIENCY,
    Session,
    dollars,
    median,
    ms,
    number_state,
    percentile,
    running,
    start_server,
    table,
)

P95_TARGET_S = 1.0
REPLAY_APP = APP.parent / "bench" / "replay_app.py"
#: The replay floors (bench/replay_page.py), in the order they are reported.
FLOOR_MODES = {
    "api": "the same Streamlit calls, fixed arguments",
    "raw": "the same protobufs, sent as they are",
}
MB_PER_SESSION_TARGET = 10.0


class Stats:
    def __init__(self) -> None:
        self.open: list[float] = []
        self.updates: list[float] = []
        self.errors: list[str] = []


async def _open(server: Any, stats: Stats, timeout: float) -> Session | None:
    session = Session(server.ws_url, LINK)
    start = time.perf_counter()
    try:
        await session.open(timeout)
        run = await session.run(timeout=timeout)
    except Exception as exc:  # every failure is counted, not raised
        stats.errors.append(f"open: {type(exc).__name__}: {exc}"[:200])
        return None
    stats.open.append(time.perf_counter() - start)
    if run.exceptions:
        stats.errors.append(f"open: exception {run.exceptions[0]}")
    elif run.metrics.get("Deficiency balance") != LINK_DEFICIENCY:
        stats.errors.append(f"open: wrong figure {run.metrics.get('Deficiency balance')}")
    session.price_id = run.widgets.get("Sale price")  # type: ignore[attr-defined]
    return session


async def _interact(
    session: Session, stats: Stats, until: float, think: tuple[float, float], seed: int
) -> None:
    rng = random.Random(seed)
    widget = session.price_id  # type: ignore[attr-defined]
    while True:
        await asyncio.sleep(rng.uniform(*think))
        if time.perf_counter() >= until:
            return
        price = rng.randrange(150_000, 249_000, 100)
        try:
            run = await session.run([number_state(widget, price)], timeout=30)
        except Exception as exc:
            stats.errors.append(f"update: {type(exc).__name__}: {exc}"[:200])
            return
        stats.updates.append(run.seconds)
        want = dollars((250_000 - price) * 100)
        if run.exceptions:
            stats.errors.append(f"update: exception {run.exceptions[0]}")
        elif run.metrics.get("Deficiency balance") != want:
            stats.errors.append(f"update: {run.metrics.get('Deficiency balance')} != {want}")


class Cluster:
    """One server, or K replicas behind a load balancer: nginx (bench/nginx.py, the
    deploy/nginx.conf design) or HAProxy (bench/haproxy.py, deploy/haproxy.cfg itself)."""

    def __init__(
        self,
        replicas: int = 1,
        extra: tuple[str, ...] = (),
        balancer: str = "nginx",
        script: Path = APP,
    ) -> None:
        self.servers = [start_server(script, extra=extra) for _ in range(replicas)]
        self.nginx: Any = None  # the balancer, whichever it is (same interface)
        if replicas > 1:
            from bench.common import free_port

            workdir = Path(tempfile.mkdtemp(prefix=f"bench-{balancer}-"))
            ports = [s.port for s in self.servers]
            if balancer == "haproxy":
                from bench.haproxy import start_haproxy

                self.nginx = start_haproxy(free_port(), ports, workdir)
            else:
                from bench.nginx import start_nginx

                self.nginx = start_nginx(free_port(), ports, workdir)

    @property
    def ws_url(self) -> str:
        return self.nginx.ws_url if self.nginx else self.servers[0].ws_url

    def rss_mb(self) -> float:
        return sum(s.rss_mb() for s in self.servers)

    def cpu_seconds(self) -> float:
        return sum(s.cpu_seconds() for s in self.servers)

    def stop(self) -> None:
        if self.nginx:
            self.nginx.stop()
        for s in self.servers:
            s.stop()


def _system_busy() -> tuple[int, int]:
    """(total, idle) jiffies of all CPUs, from /proc/stat."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    return sum(values), values[3] + values[4]


def _client_cpu() -> float:
    t = os.times()
    return t.user + t.system


async def _level(server: Any, n: int, seconds: float, think: tuple[float, float]) -> dict:
    for _ in range(len(getattr(server, "servers", [server])) * 2):  # warm every replica
        warm = Session(server.ws_url, LINK)
        await warm.open()
        await warm.run()
        await warm.close()
    await asyncio.sleep(2)
    rss_base = server.rss_mb()

    stats = Stats()
    cpu0, t0 = server.cpu_seconds(), time.perf_counter()
    opened = await asyncio.gather(*(_open(server, stats, 60) for _ in range(n)))
    open_wall = time.perf_counter() - t0
    sessions = [s for s in opened if s is not None]
    await asyncio.sleep(3)
    rss_idle = server.rss_mb()

    cpu1, client1, t1 = server.cpu_seconds(), _client_cpu(), time.perf_counter()
    sys1 = _system_busy()
    until = t1 + seconds
    await asyncio.gather(
        *(_interact(s, stats, until, think, seed) for seed, s in enumerate(sessions))
    )
    busy = time.perf_counter() - t1
    cpu2, client2 = server.cpu_seconds(), _client_cpu()
    sys2 = _system_busy()
    machine_busy = 1 - (sys2[1] - sys1[1]) / max(sys2[0] - sys1[0], 1)
    rss_active = server.rss_mb()
    for s in sessions:
        with contextlib.suppress(Exception):
            await s.close()
    return {
        "sessions": n,
        "connected": len(sessions),
        "open_p50_ms": ms(median(stats.open)),
        "open_p95_ms": ms(percentile(stats.open, 95)),
        "open_all_s": round(open_wall, 2),
        "updates": len(stats.updates),
        "rate": round(len(stats.updates) / busy, 1),
        "p50_ms": ms(median(stats.updates)),
        "p95_ms": ms(percentile(stats.updates, 95)),
        "p99_ms": ms(percentile(stats.updates, 99)),
        "max_ms": ms(max(stats.updates, default=float("nan"))),
        "errors": len(stats.errors),
        "error_examples": stats.errors[:3],
        "server_cpu_open_s": round(cpu1 - cpu0, 2),
        "server_cores": round((cpu2 - cpu1) / busy, 2),
        "client_cores": round((client2 - client1) / busy, 2),
        "machine_busy": round(machine_busy * (os.cpu_count() or 1), 2),
        "server_cpu_per_update_ms": ms((cpu2 - cpu1) / max(len(stats.updates), 1)),
        "rss_base_mb": round(rss_base, 1),
        "rss_idle_mb": round(rss_idle, 1),
        "rss_active_mb": round(rss_active, 1),
        "idle_mb_per_session": round((rss_idle - rss_base) / max(len(sessions), 1), 2),
        "active_mb_per_session": round((rss_active - rss_base) / max(len(sessions), 1), 2),
    }


def run(
    levels: tuple[int, ...] = (10, 50, 100),
    seconds: float = 20,
    think: tuple[float, float] = (1.0, 3.0),
    extra: tuple[str, ...] = (),
    replicas: int = 1,
    balancer: str = "nginx",
    script: Path = APP,
) -> dict[str, Any]:
    results = []
    for n in levels:
        cluster = Cluster(replicas, extra, balancer, script)
        try:
            results.append(asyncio.run(_level(cluster, n, seconds, think)))
        finally:
            cluster.stop()
    top = results[-1]
    return {
        "levels": results,
        "seconds": seconds,
        "think": think,
        "extra": list(extra),
        "replicas": replicas,
        "balancer": balancer,
        "script": script.name,
        "targets": {
            "sessions": top["sessions"],
            "no_error": all(r["errors"] == 0 for r in results),
            "p95_ok": all(r["p95_ms"] < P95_TARGET_S * 1000 for r in results),
            "memory_ok": all(r["idle_mb_per_session"] < MB_PER_SESSION_TARGET for r in results),
        },
    }


def floors(
    n: int = 100, seconds: float = 20, think: tuple[float, float] = (1.0, 3.0)
) -> dict[str, Any]:
    """``n`` readers on each replay floor (one server each), the Calculator recorded first."""
    from bench.replay import record

    path = Path(tempfile.mkstemp(prefix="calculator-", suffix=".replay")[1])
    try:
        with running(APP) as app, running(BARE_APP) as bare:
            recorded = record(app.ws_url, bare.ws_url, path)
        out: dict[str, Any] = {"recorded": recorded}
        saved = {k: os.environ.get(k) for k in ("DEFICIENCY_REPLAY", "DEFICIENCY_REPLAY_MODE")}
        try:
            for mode in FLOOR_MODES:
                os.environ.update(DEFICIENCY_REPLAY=str(path), DEFICIENCY_REPLAY_MODE=mode)
                out[mode] = run((n,), seconds, think, script=REPLAY_APP)["levels"][0]
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        return out
    finally:
        path.unlink(missing_ok=True)


def report(r: dict[str, Any]) -> str:
    header = ["sessions", "open p50/p95 ms", "updates", "upd/s", "p50 ms", "p95 ms", "p99 ms"]
    header += ["max ms", "errors", "srv cores", "box cores", "CPU ms/upd"]
    header += ["RSS base/idle/active MB", "idle MB/sess"]
    rows = [
        [
            x["sessions"],
            f"{x['open_p50_ms']:.0f}/{x['open_p95_ms']:.0f}",
            x["updates"],
            x["rate"],
            x["p50_ms"],
            x["p95_ms"],
            x["p99_ms"],
            x["max_ms"],
            x["errors"],
            x["server_cores"],
            x["machine_busy"],
            x["server_cpu_per_update_ms"],
            f"{x['rss_base_mb']:.0f}/{x['rss_idle_mb']:.0f}/{x['rss_active_mb']:.0f}",
            x["idle_mb_per_session"],
        ]
        for x in r["levels"]
    ]
    t = r["targets"]

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    where = (
        "one server"
        if r["replicas"] == 1
        else f"{r['replicas']} replicas behind {r.get('balancer', 'nginx')}"
    ) + f", {r.get('script', 'app.py')}"
    lines = [
        f"Load ({where}, websocket sessions, {r['seconds']:.0f} s of changes per level, "
        f"think {r['think'][0]:g}–{r['think'][1]:g} s"
        + (f", server flags {' '.join(r['extra'])}" if r["extra"] else "")
        + ")",
        table(header, rows),
        f"  targets at {t['sessions']} sessions: no error {verdict(t['no_error'])}; "
        f"p95 < {P95_TARGET_S:.0f} s {verdict(t['p95_ok'])}; idle < "
        f"{MB_PER_SESSION_TARGET:.0f} MB/session {verdict(t['memory_ok'])}",
    ]
    for x in r["levels"]:
        lines += [f"  {x['sessions']}: {e}" for e in x["error_examples"]]
    if f := r.get("floors"):
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(f["recorded"].items()))
        lines.append(
            f"  floors, same conditions (bench/replay_page.py: the Calculator's widgets, then its "
            f"other elements as recorded: {kinds}):"
        )
        for mode, what in FLOOR_MODES.items():
            x = f[mode]
            lines.append(
                f"    {mode} ({what}): {x['sessions']} sessions, p50 {x['p50_ms']} ms, "
                f"p95 {x['p95_ms']} ms, {x['errors']} errors, "
                f"{x['server_cpu_per_update_ms']} ms CPU/update, {x['rate']} upd/s"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--think", type=float, nargs=2, default=[1.0, 3.0])
    parser.add_argument("--replicas", type=int, default=1, help="K replicas behind a balancer")
    parser.add_argument("--balancer", choices=("nginx", "haproxy"), default="nginx")
    parser.add_argument(
        "--script", default="app.py", help="app.py, or serve.py (what the image runs)"
    )
    parser.add_argument(
        "--server-flag", action="append", default=[], help="extra `streamlit run` flag"
    )
    parser.add_argument(
        "--floors", action="store_true", help="also the replay floors at the top level"
    )
    args = parser.parse_args()
    extra = tuple(x for flag in args.server_flag for x in flag.split(" ", 1))
    result = run(
        tuple(args.sessions),
        args.seconds,
        tuple(args.think),
        extra,
        args.replicas,
        args.balancer,
        APP.parent / args.script,
    )
    if args.floors:
        result["floors"] = floors(max(args.sessions), args.seconds, tuple(args.think))
    print(report(result))


if __name__ == "__main__":
    main()
