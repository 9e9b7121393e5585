"""Two replicas behind nginx: the replica serving a browser dies, the browser carries on.

Two ``streamlit run app.py`` replicas (same ``server.cookieSecret``, ``server.allowedHosts``)
and Debian's nginx on loopback with the sticky configuration of ``deploy/nginx.conf``
(bench/nginx.py: a cookie nginx sets, ``hash … consistent``, websocket upgrade). Chromium
opens a shared link through nginx and reads the deficiency; the test finds the replica
serving it (every response of that browser carries the same ``X-Upstream``; that replica has
the session), stops it, and checks that the browser reconnects to the other replica and
shows the same scenario and figures, that a reload rebuilds it there from the link alone, and
that inputs work again.

nginx missing is a failure, not a skip: ``apt-get install -y nginx-light``.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from bench.common import LINK, Server, active_sessions, free_port, start_server
from bench.nginx import PACKAGE, Nginx, nginx_binary, start_nginx
from tests.ops.conftest import deficiency, wait_for_app

pytestmark = pytest.mark.browser

REPLICA_FLAGS = ("--server.allowedHosts", "127.0.0.1")
REPLICA_ENV = {"STREAMLIT_SERVER_COOKIE_SECRET": "one-secret-shared-by-every-replica"}


@pytest.fixture
def cluster() -> Iterator[tuple[Nginx, list[Server]]]:
    if nginx_binary() is None:
        pytest.fail(
            f"nginx is not installed: `apt-get install -y {PACKAGE}` (Debian); "
            "`make test` installs it"
        )
    replicas = [start_server(extra=REPLICA_FLAGS, env=REPLICA_ENV) for _ in range(2)]
    workdir = Path(tempfile.mkdtemp(prefix="ops-nginx-"))
    try:
        proxy = start_nginx(free_port(), [r.port for r in replicas], workdir)
    except Exception:
        for r in replicas:
            r.stop()
        raise
    try:
        yield proxy, replicas
    finally:
        proxy.stop()
        for r in replicas:
            r.stop()


def _wait(condition, timeout: float = 20, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _upstream(response) -> str:
    """The replica that answered (nginx's X-Upstream), for requests that reach the server:
    the page and its fetches (cached scripts and fonts replay the headers of their first
    fetch, from whichever replica served it then)."""
    if response.request.resource_type not in ("document", "fetch", "xhr"):
        return ""
    return response.headers.get("x-upstream") or ""


def _query(page: Page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


def test_new_visitors_are_spread_over_the_replicas_and_stay(
    cluster: tuple[Nginx, list[Server]],
) -> None:
    """Without the cookie, nginx hashes a fresh id: first visits spread over the replicas;
    with it, every later request of the same browser goes to the same replica."""
    import http.cookiejar
    import urllib.request

    proxy, replicas = cluster
    alive = {f"127.0.0.1:{r.port}" for r in replicas}
    seen: set[str] = set()
    for _ in range(20):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        first = opener.open(proxy.url + "/", timeout=10).headers["X-Upstream"]
        assert "stlb" in {c.name for c in jar}
        for path in ("/_stcore/health", "/_stcore/host-config", "/?v=1", "/_stcore/health"):
            assert opener.open(proxy.url + path, timeout=10).headers["X-Upstream"] == first
        seen.add(first)
    assert seen == alive  # all 20 on one replica by chance: probability 2 × 2^-20


def test_browser_moves_to_the_other_replica_with_the_same_scenario(
    cluster: tuple[Nginx, list[Server]], browser: Browser
) -> None:
    proxy, replicas = cluster
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    upstreams: list[str] = []
    page.on("response", lambda r: upstreams.append(_upstream(r)))

    page.goto(f"{proxy.url}/?{LINK}&interest=2500&state=TX")
    wait_for_app(page)
    assert deficiency(page) == "$52,500.00"
    before = {k: v for k, v in _query(page).items()}
    assert before["sale_price"] == "200000" and before["state"] == "TX"

    # Sticky: every response this browser got came from one replica, which has the session.
    served = {u for u in upstreams if u}
    assert len(served) == 1, f"responses came from several replicas: {served}"
    port = int(served.pop().rsplit(":", 1)[1])
    serving = next(r for r in replicas if r.port == port)
    other = next(r for r in replicas if r.port != port)
    assert active_sessions(serving.port) == 1
    assert active_sessions(other.port) == 0

    serving.stop()  # the replica dies; its sessions are gone with it

    # The page reconnects by itself; nginx sends the websocket to the surviving replica.
    _wait(lambda: active_sessions(other.port) >= 1, what="a session on the other replica")
    wait_for_app(page)
    assert deficiency(page) == "$52,500.00"

    # A reload through nginx lands on the survivor and rebuilds everything from the link.
    upstreams.clear()
    page.reload()
    wait_for_app(page)
    # $upstream_addr lists every replica tried: the dead one first (refused), then the survivor
    assert {u.split(",")[-1].strip() for u in upstreams if u} == {f"127.0.0.1:{other.port}"}
    assert deficiency(page) == "$52,500.00"
    assert _query(page) == before
    expect(page.get_by_role("spinbutton", name="Sale price")).to_have_value("200000.00")

    # And the survivor keeps the conversation going: an input change updates figure and link.
    field = page.get_by_role("spinbutton", name="Sale price")
    field.fill("212345.67")
    field.press("Enter")
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("$40,154.33")
    page.wait_for_url(lambda url: "sale_price=212345.67" in url)
    assert _query(page)["state"] == "TX"
    context.close()


def _fail_over(proxy: Nginx, replicas: list[Server], page: Page) -> Server:
    """Open the link, stop the replica serving the page, wait for the page to reconnect."""
    served: list[str] = []
    page.on("response", lambda r: served.append(_upstream(r)))
    page.goto(f"{proxy.url}/?{LINK}&interest=2500&state=TX")
    wait_for_app(page)
    port = int(next(u for u in served if u).rsplit(":", 1)[1])
    other = next(r for r in replicas if r.port != port)
    next(r for r in replicas if r.port == port).stop()
    _wait(lambda: active_sessions(other.port) >= 1, what="a session on the other replica")
    wait_for_app(page)
    return other


def test_first_input_after_a_failover_is_kept(
    cluster: tuple[Nginx, list[Server]], browser: Browser
) -> None:
    proxy, replicas = cluster
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        _fail_over(proxy, replicas, page)
        field = page.get_by_role("spinbutton", name="Sale price")
        field.fill("212345.67")
        field.press("Enter")
        expect(page.get_by_test_id("stMetricValue").first).to_have_text("$40,154.33", timeout=5_000)
    finally:
        context.close()


def test_deploy_nginx_conf_is_valid(tmp_path: Path) -> None:
    """deploy/nginx.conf passes `nginx -t` (inside an http block; TLS lines left out, as
    the example's certificate paths do not exist here)."""
    import subprocess

    binary = nginx_binary()
    if binary is None:
        pytest.fail(f"nginx is not installed: `apt-get install -y {PACKAGE}`")
    site = (Path(__file__).parents[2] / "deploy" / "nginx.conf").read_text()
    lines = [
        line.replace(" ssl;", ";").replace("443", "8443")
        for line in site.splitlines()
        if not line.strip().startswith("ssl_")
    ]
    (tmp_path / "site.conf").write_text("\n".join(lines))
    temp = " ".join(
        f"{kind}_temp_path {tmp_path}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nevents {{}}\n"
        f"http {{ access_log off; {temp} include {tmp_path}/site.conf; }}\n"
    )
    check = subprocess.run(
        [binary, "-t", "-p", str(tmp_path), "-e", "stderr", "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
