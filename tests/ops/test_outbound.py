"""Nothing leaves the machine: no lookup, no connection outside loopback, in the server (issue 18).

The server runs under ``tests/ops/outbound_audit.py``: a Python audit hook, installed before
Streamlit is imported, sees every name lookup and every connection of every thread in the
server process; any name but ``localhost`` or any address outside loopback is logged and
refused (so nothing leaves even when the code tries).

* The image: the app is run from the files the image would hold (``.dockerignore``, the
  Dockerfile's build steps: tests/ops/image_tree.py) with the Dockerfile's ``ENV`` (wildcard
  address, ``browser.serverAddress`` set), as ``serve.py``. Chromium opens a shared link,
  changes an input, visits pages, downloads the CSV and the PDF; cross-origin websocket
  handshakes are refused (403). The audit log must show no refusal, and no file written
  outside the temporary directory (the image runs with a read-only root filesystem).
* The control: plain ``streamlit run app.py`` with the same wildcard address and no
  ``browser.serverAddress``, and one cross-origin handshake. The hook must catch Streamlit
  looking up checkip.amazonaws.com and "connecting" a UDP socket to 8.8.8.8, at start-up
  and again for the handshake: it proves the audit sees what it is meant to see, and that
  the settings and ``serve.py`` are what keep the first server quiet. If Streamlit stops
  doing this (an upgrade), this test says so: update deploy/UPSTREAM.md and the README.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from bench.common import LINK, ROOT
from tests.ops.conftest import deficiency, wait_for_app
from tests.ops.image_tree import build_tree, dockerfile_env
from tests.ops.outbound_audit import Audited, start_audited

pytestmark = pytest.mark.browser

FOREIGN_ORIGINS = ("http://evil.example", "null", "https://127.0.0.1.evil.example")


def _handshake_status(url: str, origin: str) -> int:
    """HTTP status of a websocket handshake to ``/_stcore/stream`` from ``origin``."""
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        with connect(ws_url, origin=origin, subprotocols=["streamlit"], open_timeout=10):
            return 101
    except InvalidStatus as refused:
        return refused.response.status_code


@pytest.fixture(scope="module")
def image_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Audited]:
    tmp = tmp_path_factory.mktemp("image")
    app = build_tree(tmp)
    env = dockerfile_env()
    assert env["STREAMLIT_SERVER_ADDRESS"] == "0.0.0.0"  # the wildcard: the risky case
    server = start_audited(app, ["serve.py"], env, tmp)
    try:
        yield server
    finally:
        server.stop()


def test_the_image_sends_nothing_off_the_machine(image_server: Audited, browser: Browser) -> None:
    server = image_server
    assert server.refused() == [], "at start-up:\n" + "\n".join(server.refused())

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{server.url}/?{LINK}&state=CA")
        wait_for_app(page)
        assert deficiency(page) == "$50,000.00"
        field = page.get_by_role("spinbutton", name="Sale price")
        field.fill("212345.67")
        field.press("Enter")
        expect(page.get_by_test_id("stMetricValue").first).to_have_text("$37,654.33")
        for path in ("whatif", "compare", "tax", "scenario"):
            page.goto(f"{server.url}/{path}?{LINK}&state=CA&lang=ja")
            wait_for_app(page)
            assert page.get_by_test_id("stException").count() == 0
        page.goto(f"{server.url}/?{LINK}&state=CA&lang=ja")  # the Japanese catalog and font
        wait_for_app(page)
        buttons = page.get_by_test_id("stDownloadButton")
        with page.expect_download() as csv_download:
            buttons.nth(1).click()
        assert csv_download.value.failure() is None
        with page.expect_download(timeout=30_000) as pdf_download:
            buttons.nth(0).click()
        assert pdf_download.value.failure() is None
        assert Path(pdf_download.value.path()).read_bytes().startswith(b"%PDF-")
    finally:
        context.close()

    for origin in FOREIGN_ORIGINS:
        assert _handshake_status(server.url, origin) == 403, origin
    assert _handshake_status(server.url, server.url) == 101  # same origin: the app's own

    assert server.refused() == [], "\n".join(server.refused())
    assert server.written_outside() == [], "\n".join(server.written_outside())


def test_the_image_sends_anti_framing_headers(image_server: Audited) -> None:
    import urllib.error
    import urllib.request

    for path in ("/", "/_stcore/health", "/scenario", "/static/no-such-file.js"):
        request = urllib.request.Request(image_server.url + path)
        try:
            response = urllib.request.urlopen(request, timeout=10)
        except urllib.error.HTTPError as error:  # a 404 must carry them too
            response = error
        with response:
            assert response.headers["X-Frame-Options"] == "SAMEORIGIN", path
            assert response.headers["Content-Security-Policy"] == "frame-ancestors 'self'", path
            assert response.headers.get_all("X-Frame-Options") == ["SAMEORIGIN"], path


def test_the_audit_catches_streamlits_own_lookups(tmp_path: Path) -> None:
    """Control: without the settings and serve.py, Streamlit 1.67 looks itself up."""
    env = {"STREAMLIT_SERVER_ADDRESS": "0.0.0.0", "STREAMLIT_SERVER_HEADLESS": "true"}
    server = start_audited(ROOT, ["app.py"], env, tmp_path)
    try:
        at_start = server.refused()
        assert _handshake_status(server.url, "http://evil.example") == 403
        at_handshake = server.refused()[len(at_start) :]
    finally:
        server.stop()
    upstream_fixed = (
        "Streamlit no longer looks up the machine's address {when}: fixed upstream? Update "
        "deploy/UPSTREAM.md and the README's hosting section (the guard can stay)."
    )
    # At start-up: the UDP socket "connected" to 8.8.8.8 (its local address is the internal
    # one; cached, even when it fails) and the HTTP request, then HTTPS. For each foreign
    # handshake the HTTP and HTTPS requests again (a failure is not cached).
    start_text = "\n".join(at_start)
    assert "('8.8.8.8', 1)" in start_text, upstream_fixed.format(when="at start-up")
    for text, when in ((start_text, "at start-up"), ("\n".join(at_handshake), "per handshake")):
        assert "('checkip.amazonaws.com', 80" in text, upstream_fixed.format(when=when)
        assert "('checkip.amazonaws.com', 443" in text, upstream_fixed.format(when=when)
