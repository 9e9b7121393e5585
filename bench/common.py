"""Shared helpers: start/stop Streamlit servers, read /proc, a websocket client, machine info.

The websocket client speaks Streamlit's own browser protocol (``/_stcore/stream``,
subprotocol ``streamlit``, protobuf ``BackMsg``/``ForwardMsg`` from the installed wheel): it
asks for a script run with a query string and widget states and reads until
``script_finished``. It is an internal protocol, so it is pinned to the Streamlit version in
requirements.txt (1.67); :func:`streamlit_version` is printed with every result.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
BARE_APP = ROOT / "bench" / "bare_app.py"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: The shared link every benchmark opens: $250,000 owed, sold for $200,000 → $50,000.
LINK = "v=1&balance=250000&sale_price=200000"
LINK_DEFICIENCY = "$50,000.00"
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


# -- numbers -------------------------------------------------------------------------------
def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    data = sorted(values)
    if len(data) == 1:
        return data[0]
    pos = (len(data) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


# -- processes -----------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident set size of one process in MiB (from /proc/<pid>/statm)."""
    with open(f"/proc/{pid}/statm") as f:
        resident = int(f.read().split()[1])
    return resident * PAGE_SIZE / 2**20


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process, all its threads (live and exited), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def stop_process(proc: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """Terminate a child process, and kill it if it has not ended within ``timeout``."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=timeout)


class OnLoopback:
    """Something listening on 127.0.0.1:``port``: its page and websocket addresses."""

    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"


@dataclass
class Server(OnLoopback):
    """A ``streamlit run`` child process on 127.0.0.1."""

    proc: subprocess.Popen[bytes]
    port: int
    log: Path
    started: float
    healthy_after: float = float("nan")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def rss_mb(self) -> float:
        return rss_mb(self.pid)

    def cpu_seconds(self) -> float:
        return cpu_seconds(self.pid)

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, timeout: float = 20) -> None:
        """Terminate the server and remove its log (set BENCH_KEEP_LOGS=1 to keep it)."""
        stop_process(self.proc, timeout)
        if not os.environ.get("BENCH_KEEP_LOGS"):
            self.log.unlink(missing_ok=True)


def start_server(
    script: Path = APP,
    port: int | None = None,
    *,
    extra: Sequence[str] = (),
    env: dict[str, str] | None = None,
    wait: bool = True,
    timeout: float = 60,
) -> Server:
    """Start ``python -m streamlit run <script>`` (cwd = project root, so the project's
    ``.streamlit/config.toml`` applies) and wait for ``/_stcore/health`` unless told not to."""
    port = port or free_port()
    log = Path(tempfile.mkstemp(prefix=f"streamlit-{port}-", suffix=".log")[1])
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        *extra,
    ]
    started = time.perf_counter()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
    server = Server(proc, port, log, started)
    if wait:
        try:
            server.healthy_after = wait_healthy(server, timeout)
        except Exception:
            server.stop()
            raise
    return server


def health_ok(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
            return r.status == 200 and r.read() == b"ok"
    except OSError:
        return False


def wait_healthy(server: Server, timeout: float = 60) -> float:
    """Poll ``/_stcore/health`` every 20 ms; seconds from process start to the first "ok"."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"streamlit exited ({server.proc.returncode}):\n{server.log_tail()}")
        if health_ok(server.port):
            return time.perf_counter() - server.started
        time.sleep(0.02)
    raise RuntimeError(f"streamlit not healthy on port {server.port}:\n{server.log_tail()}")


@contextlib.contextmanager
def running(script: Path = APP, **kwargs: Any) -> Iterator[Server]:
    server = start_server(script, **kwargs)
    try:
        yield server
    finally:
        server.stop()


def metrics_text(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/metrics", timeout=5) as r:
        return r.read().decode()


def active_sessions(port: int) -> int:
    """``active_sessions`` from the server's OpenMetrics endpoint."""
    for line in metrics_text(port).splitlines():
        if line.startswith("active_sessions "):
            return int(float(line.split()[1]))
    raise RuntimeError("no active_sessions in /_stcore/metrics")


# -- machine -------------------------------------------------------------------------------
def machine_info() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 2**20:.1f} GiB"
    return {
        "cores": str(os.cpu_count()),
        "cpu": cpu,
        "memory": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "streamlit": streamlit_version(),
    }


def streamlit_version() -> str:
    from importlib.metadata import version

    return version("streamlit")


# -- the websocket client ------------------------------------------------------------------
@dataclass
class Run:
    """What one script run sent back."""

    seconds: float
    messages: int = 0
    nbytes: int = 0
    status: int = 0
    metrics: dict[str, str] = field(default_factory=dict)
    widgets: dict[str, str] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    query_string: str | None = None
    gather_usage_stats: bool | None = None


class Session:
    """One browser tab, without the browser: a websocket session on a Streamlit server."""

    def __init__(self, ws_url: str, query: str = "", page: str = "") -> None:
        self.ws_url = ws_url
        self.query = query
        self.page_name = page
        self.page_hash = ""
        self.ws: Any = None
        self.pages: dict[str, str] = {}  # url path -> page script hash

    async def open(self, timeout: float = 30) -> None:
        import websockets

        self.ws = await websockets.connect(
            self.ws_url,
            subprotocols=["streamlit"],
            max_size=None,
            compression=None,
            open_timeout=timeout,
            ping_interval=None,
        )

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    async def run(
        self, widgets: Sequence[Any] = (), *, page: str | None = None, timeout: float = 60
    ) -> Run:
        """Ask for a script run (the link's query string, changed widgets) and read it back."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        if page is not None:
            self.page_name, self.page_hash = page, self.pages.get(page, "")
        if self.page_hash:
            msg.rerun_script.page_script_hash = self.page_hash
        else:
            msg.rerun_script.page_name = self.page_name
        if widgets:
            msg.rerun_script.widget_states.widgets.extend(widgets)
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        run = Run(seconds=float("nan"))
        while True:
            data = await asyncio.wait_for(self.ws.recv(), timeout)
            run.messages += 1
            run.nbytes += len(data)
            fm = ForwardMsg()
            fm.ParseFromString(data)
            kind = fm.WhichOneof("type")
            if kind == "delta":
                if fm.delta.WhichOneof("type") == "new_element":
                    _read_element(fm.delta.new_element, run)
            elif kind == "page_info_changed":
                run.query_string = fm.page_info_changed.query_string
            elif kind == "navigation":
                nav = fm.navigation
                self.pages = {p.url_pathname: p.page_script_hash for p in nav.app_pages}
                self.page_hash = nav.page_script_hash
            elif kind == "new_session":
                run.gather_usage_stats = fm.new_session.config.gather_usage_stats
            elif kind == "script_finished":
                if fm.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                run.status = int(fm.script_finished)
                break
        run.seconds = time.perf_counter() - started
        if run.query_string is not None:
            self.query = run.query_string  # the browser's address bar follows the app
        return run


def _read_element(el: Any, run: Run) -> None:
    kind = el.WhichOneof("type")
    if kind == "metric":
        run.metrics.setdefault(el.metric.label, el.metric.body)
    elif kind == "exception":
        run.exceptions.append(f"{el.exception.type}: {el.exception.message}"[:500])
    elif kind == "alert":
        run.alerts.append(el.alert.body)
    elif kind == "heading":
        run.headings.append(el.heading.body)
    elif kind in (
        "number_input",
        "selectbox",
        "radio",
        "checkbox",
        "date_input",
        "text_input",
        "button",
    ):
        widget = getattr(el, kind)
        run.widgets.setdefault(widget.label, widget.id)


def number_state(widget_id: str, value: float) -> Any:
    """A ``WidgetState`` for a number input (what the browser sends on Enter)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    return WidgetState(id=widget_id, double_value=value)


def dollars(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}${abs(cents) / 100:,.2f}"


def launch_chromium(playwright: Any) -> Any:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def fmt_row(cells: Sequence[Any], widths: Sequence[int], left: int = 1) -> str:
    return "  ".join(
        str(c).ljust(w) if i < left else str(c).rjust(w)
        for i, (c, w) in enumerate(zip(cells, widths, strict=True))
    )


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], left: int = 1) -> str:
    """A plain-text table: the first ``left`` columns left-aligned, the others right-aligned."""
    cells = [list(map(str, header))] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [fmt_row(cells[0], widths, left), fmt_row(["-" * w for w in widths], widths, left)]
    lines += [fmt_row(row, widths, left) for row in cells[1:]]
    return "\n".join(lines)
