"""Debian's HAProxy on loopback running ``deploy/haproxy.cfg`` in front of Streamlit replicas.

Used by ``tests/ops`` (replica return, headers, foreign origins) and ``python -m bench.load
--replicas N --balancer haproxy``. The configuration is the production file itself, with
exactly two lines changed, each checked to be there once so an edit of the file cannot
silently leave the tests running something else:

* ``bind :8080`` → ``bind 127.0.0.1:<free port>``;
* the ``server-template`` line (replicas found in Docker's DNS) → one ``server`` line per
  loopback replica, with the same options (health checks, dynamic persistence cookie).

Everything else (cookie persistence naming the replica, redispatch, health checks, websocket
timeouts, the foreign-origin refusal, the anti-framing headers) runs as shipped.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.common import OnLoopback, stop_process

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "deploy" / "haproxy.cfg"
PACKAGE = "haproxy"  # Debian 12: 2.6 LTS


def haproxy_binary() -> str | None:
    return shutil.which("haproxy") or next(
        (p for p in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if Path(p).exists()), None
    )


def require_haproxy() -> str:
    binary = haproxy_binary()
    if binary is None:
        raise RuntimeError(
            f"haproxy is not installed: `apt-get install -y {PACKAGE}` (Debian); "
            "`make test` installs it"
        )
    return binary


def _swap_once(text: str, pattern: str, replacement: str) -> str:
    new, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    if count != 1:
        raise AssertionError(f"deploy/haproxy.cfg: expected one line matching {pattern!r}")
    return new


def loopback_config(listen: int, upstreams: Sequence[int], source: Path = CONFIG) -> str:
    """``deploy/haproxy.cfg`` listening on 127.0.0.1:``listen``, replicas on loopback ports."""
    text = source.read_text()
    text = _swap_once(text, r"^(\s*)bind :8080$", rf"\g<1>bind 127.0.0.1:{listen}")
    servers = "\n".join(
        f"    server app{i} 127.0.0.1:{port}" for i, port in enumerate(upstreams, start=1)
    )
    return _swap_once(text, r"^\s*server-template app .*$", servers)


@dataclass
class HAProxy(OnLoopback):
    proc: subprocess.Popen[bytes]
    port: int
    workdir: Path
    #: replica port -> HAProxy's server name (app1, app2, … in the order given)
    servers: dict[int, str]

    def log(self) -> str:
        """HAProxy's log (``log stdout``): one line per request, with the server name."""
        try:
            return (self.workdir / "haproxy.log").read_text(errors="replace")
        except OSError:
            return ""

    def state_changes(self, port: int, state: str) -> int:
        """How many times HAProxy has logged the replica on ``port`` going ``state``."""
        return self.log().count(f"Server replicas/{self.servers[port]} is {state}")

    def wait_server_state(
        self, port: int, state: str, timeout: float = 20, *, seen: int | None = None
    ) -> float:
        """Wait until HAProxy's health checks have marked the replica on ``port`` ``state``
        ("DOWN" or "UP") more than ``seen`` times (take that count before the event, so a
        change logged before this call still counts); the seconds it took."""
        start = time.monotonic()
        if seen is None:
            seen = self.state_changes(port, state)
        while time.monotonic() - start < timeout:
            if self.state_changes(port, state) > seen:
                return time.monotonic() - start
            time.sleep(0.1)
        raise AssertionError(f"HAProxy did not mark {self.servers[port]} {state} in {timeout} s")

    def stop(self) -> None:
        """Stop HAProxy; remove its directory unless BENCH_KEEP_LOGS is set."""
        stop_process(self.proc)  # SIGTERM: a fast shutdown
        if not os.environ.get("BENCH_KEEP_LOGS"):
            shutil.rmtree(self.workdir, ignore_errors=True)


def start_haproxy(listen: int, upstreams: Sequence[int], workdir: Path) -> HAProxy:
    """Check (``haproxy -c``) and run the loopback config in the foreground; wait for it."""
    binary = require_haproxy()
    workdir.mkdir(parents=True, exist_ok=True)
    conf = workdir / "haproxy.cfg"
    conf.write_text(loopback_config(listen, upstreams))
    check = subprocess.run([binary, "-c", "-q", "-f", str(conf)], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"haproxy -c failed:\n{check.stdout}{check.stderr}")
    with open(workdir / "haproxy.log", "wb") as out:
        proc = subprocess.Popen(
            [binary, "-db", "-f", str(conf)], stdout=out, stderr=subprocess.STDOUT
        )
    names = {port: f"app{i}" for i, port in enumerate(upstreams, start=1)}
    haproxy = HAProxy(proc, listen, workdir, names)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"haproxy exited: {haproxy.log()}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", listen)) == 0:
                return haproxy
        time.sleep(0.05)
    haproxy.stop()
    raise RuntimeError("haproxy did not listen in 10 s")
