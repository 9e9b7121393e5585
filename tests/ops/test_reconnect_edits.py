"""Edits survive the death of the server behind a page (issue 13).

Three ways a reader loses the server mid-conversation, in Chromium:

* through nginx with two replicas, the serving replica is killed at the worst moment: the
  reader has just committed an edit (fill + Tab, then a choice) and the replica dies before
  answering. The replica is frozen (``SIGSTOP``) before the Tab and killed (``SIGKILL``)
  once the browser has sent both edits, so it can never answer: deterministic, not a race;
* through nginx, the serving replica stops, then the reader's first edit (a choice);
* one server killed and started again on the same port, then the reader's first edit (a date
  typed as text);
* the same restart with an edit in flight on the letter check page (``lt_*`` keys), which a
  fresh process first runs in Streamlit's legacy multipage mode.

Each time, after the browser has reconnected, the figures and the address bar must show
every edit. Before the fix the first two lost the edit 3 of 3 tries each (the field showed it,
the figures and the link did not) and the third lost the date.

nginx missing is a failure, not a skip: ``apt-get install -y nginx-light``.
"""

from __future__ import annotations

import os
import signal

import pytest
from playwright.sync_api import Browser, Page, expect

from bench.common import LINK, Server, active_sessions, free_port, start_server
from bench.nginx import Nginx
from tests.ops import test_two_replicas as two
from tests.ops.conftest import wait_for_app

cluster = two.cluster  # the fixture: two replicas behind nginx (shared, not copied)

pytestmark = pytest.mark.browser

OPENED = f"?{LINK}&interest=2500&state=TX"  # deficiency $52,500.00


def _metric(page: Page, label: str):
    """The value element of one headline figure."""
    return (
        page.get_by_test_id("stMetric")
        .filter(has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True))
        .get_by_test_id("stMetricValue")
        .first
    )


def _until_sent(page: Page, frames_sent: list[int], before: int, what: str) -> None:
    """Wait until the page has sent a websocket frame (Playwright delivers the event while
    the page is being waited on, hence ``wait_for_timeout`` rather than ``sleep``)."""
    for _ in range(50):
        if len(frames_sent) > before:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{what} was never sent")


def _open_through(proxy: Nginx, replicas: list[Server], page: Page) -> tuple[Server, Server]:
    """Open the link through nginx; (the replica serving this page, the other one)."""
    served: list[str] = []
    page.on("response", lambda r: served.append(two._upstream(r)))
    page.goto(proxy.url + "/" + OPENED)
    wait_for_app(page)
    expect(_metric(page, "Deficiency balance")).to_have_text("$52,500.00")
    port = int(next(u for u in served if u).rsplit(":", 1)[1])
    serving = next(r for r in replicas if r.port == port)
    return serving, next(r for r in replicas if r is not serving)


def test_edit_in_flight_when_the_serving_replica_is_killed_is_kept(
    cluster: tuple[Nginx, list[Server]], browser: Browser
) -> None:
    proxy, replicas = cluster
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    frames_sent: list[int] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda _: frames_sent.append(1)))
    try:
        serving, other = _open_through(proxy, replicas, page)
        field = page.get_by_role("spinbutton", name="Sale price")
        field.fill("212345.67")

        os.kill(serving.pid, signal.SIGSTOP)  # it can no longer answer anything
        before = len(frames_sent)
        field.press("Tab")  # the commit: the browser sends the edit to the frozen replica
        _until_sent(page, frames_sent, before, "the edit")
        # A second edit in flight, a choice (the browser sends its label, not the code).
        before = len(frames_sent)
        page.get_by_test_id("stRadio").get_by_text("Forgives it (write-off)").click()
        _until_sent(page, frames_sent, before, "the choice")
        serving.proc.kill()  # dies without ever having read either
        serving.proc.wait(timeout=10)

        two._wait(lambda: active_sessions(other.port) >= 1, what="a session on the survivor")
        expect(_metric(page, "Cancelled (forgiven) debt")).to_have_text(
            "$40,154.33", timeout=20_000
        )
        expect(_metric(page, "Deficiency balance")).to_have_text("$40,154.33")
        page.wait_for_url(
            lambda url: "sale_price=212345.67" in url and "action=forgive" in url,
            timeout=10_000,
        )
        assert two._query(page)["state"] == "TX"
        expect(field).to_have_value("212345.67")
    finally:
        context.close()


def test_first_edit_after_a_failover_is_kept(
    cluster: tuple[Nginx, list[Server]], browser: Browser
) -> None:
    proxy, replicas = cluster
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        serving, other = _open_through(proxy, replicas, page)
        serving.stop()
        two._wait(lambda: active_sessions(other.port) >= 1, what="a session on the survivor")
        wait_for_app(page)

        # A choice: the browser sends its label, which only the widget itself can decode.
        page.get_by_test_id("stRadio").get_by_text("Forgives it (write-off)").click()
        expect(_metric(page, "Cancelled (forgiven) debt")).to_have_text(
            "$52,500.00", timeout=15_000
        )
        expect(_metric(page, "You still owe")).to_have_text("$0.00")
        page.wait_for_url(lambda url: "action=forgive" in url, timeout=10_000)
        assert two._query(page)["sale_price"] == "200000"
    finally:
        context.close()


def test_first_edit_after_a_restart_on_the_same_port_is_kept(browser: Browser) -> None:
    port = free_port()
    server = start_server(port=port, extra=two.REPLICA_FLAGS, env=two.REPLICA_ENV)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(server.url + "/" + OPENED)
        wait_for_app(page)
        expect(_metric(page, "Deficiency balance")).to_have_text("$52,500.00")

        server.proc.kill()  # a crash, then the service manager starts it again
        server.proc.wait(timeout=10)
        server.stop()
        server = start_server(port=port, extra=two.REPLICA_FLAGS, env=two.REPLICA_ENV)
        two._wait(lambda: active_sessions(port) >= 1, what="the page reconnected")
        wait_for_app(page)

        # A date typed as text: a string the browser re-sends as it is.
        field = page.locator("input[aria-label='Date of the sale']")
        field.fill("2025-09-15")
        field.press("Tab")
        page.wait_for_url(lambda url: "sale_date=2025-09-15" in url, timeout=15_000)
        expect(field).to_have_value("2025-09-15")
        assert two._query(page)["sale_price"] == "200000"
        expect(_metric(page, "Deficiency balance")).to_have_text("$52,500.00")
    finally:
        context.close()
        server.stop()


def test_edit_in_flight_on_a_deep_page_survives_a_restart(browser: Browser) -> None:
    """The letter check (a page other than the calculator, its keys ``lt_*``): the server is
    killed before it answers an edit, then started again on the same port. The fresh process
    first runs the page in Streamlit's legacy multipage mode and reruns it through
    ``app.py``; the edit must survive that rerun too."""
    port = free_port()
    server = start_server(port=port, extra=two.REPLICA_FLAGS, env=two.REPLICA_ENV)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    frames_sent: list[int] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda _: frames_sent.append(1)))
    try:
        page.goto(server.url + "/letter" + OPENED)
        wait_for_app(page)
        field = page.locator("input[aria-label='Sale proceeds']")
        field.fill("9000")

        os.kill(server.pid, signal.SIGSTOP)
        before = len(frames_sent)
        field.press("Tab")
        _until_sent(page, frames_sent, before, "the edit")
        server.proc.kill()
        server.proc.wait(timeout=10)
        server.stop()
        server = start_server(port=port, extra=two.REPLICA_FLAGS, env=two.REPLICA_ENV)

        page.wait_for_url(lambda url: "lt_proceeds=9000" in url, timeout=20_000)
        expect(field).to_have_value("9000.00")
        assert two._query(page)["sale_price"] == "200000"
    finally:
        context.close()
        server.stop()
