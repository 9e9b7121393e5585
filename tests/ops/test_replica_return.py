"""Downloads still work after a failed replica comes back (issue 18), behind each balancer.

A session lives in one replica's memory, and so do its ``/media`` files (the CSV, the PDF
handout). Two replicas of ``serve.py`` (what the image runs) behind the production
configuration of each load balancer in ``deploy/``, run on loopback:

* HAProxy with ``deploy/haproxy.cfg`` (the Compose load balancer; bench/haproxy.py);
* nginx with ``deploy/nginx.conf`` (bench/nginx.py ``start_site``).

Chromium opens a shared link; the replica holding its session is killed (SIGKILL, a crash);
the page reconnects to the survivor; the killed replica is started again on its port and the
test waits past the health-check window until the balancer really sends new visitors to it
again. Then both downloads are clicked: each must come back whole (200, the right figures),
because the cookie now names the survivor, where the session is. With the earlier hash-based
stickiness the browser went back to the returned replica and both answered 404.
"""

from __future__ import annotations

import csv
import io
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Response

from bench.common import LINK, ROOT, Server, active_sessions, free_port, start_server
from tests.ops.conftest import deficiency, wait_for_app

pytestmark = pytest.mark.browser

SERVE = ROOT / "serve.py"
REPLICA_FLAGS = ("--server.allowedHosts", "127.0.0.1")
REPLICA_ENV = {"STREAMLIT_SERVER_COOKIE_SECRET": "one-secret-shared-by-every-replica"}
SCENARIO = f"{LINK}&interest=2500&state=TX"  # $250,000 + $2,500 − $200,000


def _start_balancer(kind: str, ports: list[int], workdir: Path) -> Any:
    if kind == "haproxy":
        from bench.haproxy import start_haproxy

        return start_haproxy(free_port(), ports, workdir)
    from bench.nginx import start_site

    return start_site(free_port(), ports, workdir)


@pytest.fixture(params=["haproxy", "nginx"])
def cluster(request: pytest.FixtureRequest) -> Iterator[tuple[Any, list[Server]]]:
    replicas = [start_server(SERVE, extra=REPLICA_FLAGS, env=REPLICA_ENV) for _ in range(2)]
    workdir = Path(tempfile.mkdtemp(prefix=f"ops-{request.param}-"))
    try:
        balancer = _start_balancer(request.param, [r.port for r in replicas], workdir)
    except Exception:
        for r in replicas:
            r.stop()
        raise
    try:
        yield balancer, replicas
    finally:
        balancer.stop()
        for r in replicas:
            r.stop()


def _wait(condition: Callable[[], bool], timeout: float, what: str) -> float:
    """Poll until ``condition``; the seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def _new_visitor_lands_on(balancer: Any, replica: Server) -> bool:
    """Open one cookie-less websocket through the balancer: did it reach ``replica``?

    Both balancers send a new visitor to the replica with the fewest open websockets, and
    the returned replica has none, so it gets the next one as soon as it is back in
    rotation."""
    from websockets.sync.client import connect

    before = active_sessions(replica.port)
    try:
        with connect(balancer.ws_url, subprotocols=["streamlit"], open_timeout=5):
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                if active_sessions(replica.port) > before:
                    return True
                time.sleep(0.1)
    except OSError:
        pass
    return False


def test_downloads_work_after_the_failed_replica_returns(
    cluster: tuple[Any, list[Server]], browser: Browser
) -> None:
    balancer, replicas = cluster
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    media: list[Response] = []
    page.on("response", lambda r: media.append(r) if "/media/" in r.url else None)
    try:
        page.goto(f"{balancer.url}/?{SCENARIO}")
        wait_for_app(page)
        assert deficiency(page) == "$52,500.00"
        counts = [active_sessions(r.port) for r in replicas]
        assert sorted(counts) == [0, 1], f"the page's session is on one replica: {counts}"
        first = replicas[counts.index(1)]
        survivor = replicas[counts.index(0)]

        watch = hasattr(balancer, "wait_server_state")  # HAProxy logs its health checks
        downs, ups = (
            (balancer.state_changes(first.port, "DOWN"), balancer.state_changes(first.port, "UP"))
            if watch
            else (0, 0)
        )
        first.proc.kill()  # a crash: its sessions and files are gone with it
        first.proc.wait(timeout=10)
        _wait(lambda: active_sessions(survivor.port) >= 1, 30, "the page on the survivor")
        wait_for_app(page)
        assert deficiency(page) == "$52,500.00"
        # The page reran there by itself (the app's reconnect fragment, ui/streamlit_internals),
        # so the survivor now holds the session and its files.

        # HAProxy's active checks take the dead replica out (nginx's are passive: the failed
        # connection of the reconnection already did).
        if watch:
            balancer.wait_server_state(first.port, "DOWN", 15, seen=downs)
        # The crashed replica comes back on its port (systemd/Docker/Kubernetes restart it).
        returned = start_server(SERVE, first.port, extra=REPLICA_FLAGS, env=REPLICA_ENV)
        replicas[replicas.index(first)] = returned  # so the fixture stops it
        # Past the health-check window: the balancer has it back and sends new visitors there.
        if watch:
            balancer.wait_server_state(first.port, "UP", 20, seen=ups)
        _wait(lambda: _new_visitor_lands_on(balancer, returned), 30, "the replica's return")
        assert active_sessions(returned.port) == 0  # the page did not move back
        assert active_sessions(survivor.port) >= 1

        media.clear()
        buttons = page.get_by_test_id("stDownloadButton")
        with page.expect_download(timeout=20_000) as csv_download:
            buttons.filter(has_text="CSV").first.click()
        assert csv_download.value.failure() is None, csv_download.value.failure()
        text = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")
        flat = " ".join(" ".join(row) for row in csv.reader(io.StringIO(text)))
        assert "52500.00" in flat and "250000.00" in flat

        with page.expect_download(timeout=30_000) as pdf_download:
            buttons.filter(has_text="PDF").first.click()
        assert pdf_download.value.failure() is None, pdf_download.value.failure()
        pdf = Path(pdf_download.value.path()).read_bytes()
        assert pdf.startswith(b"%PDF-")
        from pypdf import PdfReader

        handout = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert "$52,500.00" in handout

        # The page's own checks of its download URLs (fetches, when it redraws) found them
        # too: no 404 anywhere. (The downloads themselves are navigations, not responses.)
        statuses = [(r.url.rsplit("/", 1)[-1][:16], r.status) for r in media]
        assert all(status == 200 for _, status in statuses), statuses
        assert active_sessions(returned.port) == 0
    except BaseException:
        # What the reader saw, for the failure report (artifacts/ is not committed).
        (ROOT / "artifacts").mkdir(exist_ok=True)
        shot = ROOT / "artifacts" / f"replica-return-{type(balancer).__name__.lower()}.png"
        page.screenshot(path=str(shot), full_page=True)
        raise
    finally:
        context.close()
