"""Safe to host publicly: XSRF on, no telemetry, no request off the machine, no script from links.

The configuration is checked twice: in ``.streamlit/config.toml`` (what we ship) and on a
running server (what Streamlit actually does with it: the XSRF cookie and a 403 for an
unsigned upload; ``gather_usage_stats`` false in the session config the server sends the
browser). Then Chromium opens the app, changes an input and visits every page of the
navigation while every request is recorded: any URL whose host is not 127.0.0.1/localhost
fails the test. Last, XSS payloads are placed in every scenario key of the link.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import tomllib
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Browser, expect

from bench.common import LINK, ROOT, Server, Session
from deficiency.core.scenario import SCENARIO_KEYS
from deficiency.counselor.form1099c import FORM_KEYS
from deficiency.counselor.letter import LETTER_KEYS
from tests.ops.conftest import deficiency, wait_for_app

pytestmark = pytest.mark.browser

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _host(url: str) -> str | None:
    """The host a request goes to. A ``blob:`` URL names in-memory data of the page that
    made it (``blob:http://127.0.0.1:port/<uuid>``): its host is that page's own."""
    if url.startswith("blob:"):
        url = url[len("blob:") :]
    return urlsplit(url).hostname


def test_config_file_turns_xsrf_on_and_usage_statistics_off() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableXsrfProtection"] is True
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"].get("enableCORS", True) is True


def test_running_server_enforces_xsrf(server: Server) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(server.url + "/_stcore/health", timeout=10) as response:
        assert response.read() == b"ok"
    assert "_streamlit_xsrf" in {cookie.name for cookie in jar}, "no XSRF cookie: XSRF is off"
    request = urllib.request.Request(
        server.url + "/_stcore/upload_file/no-session/no-file", data=b"x", method="PUT"
    )
    with pytest.raises(urllib.error.HTTPError) as err:
        opener.open(request, timeout=10)
    assert err.value.code == 403  # no X-Xsrftoken header: refused before anything else


def _first_run(server: Server) -> tuple[Session, object]:
    """One websocket session's first run (in its own thread: Playwright's sync API keeps an
    event loop running in this one)."""

    async def go() -> tuple[Session, object]:
        session = Session(server.ws_url, LINK)
        await session.open()
        try:
            return session, await session.run()
        finally:
            await session.close()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, go()).result()


def test_running_server_tells_the_browser_not_to_gather_usage_statistics(server: Server) -> None:
    _, run = _first_run(server)
    assert run.gather_usage_stats is False
    assert run.metrics["Deficiency balance"] == "$50,000.00"


def test_no_request_leaves_the_machine(browser: Browser, server: Server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("websocket", lambda ws: requests.append(ws.url))
    page.goto(f"{server.url}/?{LINK}")
    wait_for_app(page)
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("$50,000.00")
    field = page.get_by_role("spinbutton", name="Sale price")
    field.fill("212345.67")
    field.press("Enter")
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("$37,654.33")
    session, _ = _first_run(server)
    pages = [path for path in session.pages if path]  # every page in the navigation
    assert {"states", "tax", "credit"} <= set(pages)
    for path in pages:
        page.goto(f"{server.url}/{path}?{LINK}&state=CA")
        wait_for_app(page)
        assert page.get_by_test_id("stException").count() == 0
    page.wait_for_timeout(500)
    context.close()
    assert requests, "no request recorded"
    outside = sorted({u for u in requests if _host(u) not in LOOPBACK})
    assert outside == [], f"requests off the machine: {outside}"


#: Each marks what it would inject with data-xss or window.__xss, so a rendered payload is
#: visible in the DOM or the page's globals.
XSS = [
    "<script>window.__xss=1;alert(1)</script>",
    '"><img data-xss src=x onerror="window.__xss=2;alert(2)">',
    "<svg data-xss onload=\"window.__xss=3\"><circle r='9'/></svg>",
    "<b data-xss>bold</b><u data-xss>u</u>",
    "[click](javascript:window.__xss=4)",
    '<a data-xss href="javascript:window.__xss=5">x</a>',
    '<iframe data-xss srcdoc="<script>parent.__xss=6</script>"></iframe>',
    ":red[<span data-xss>x</span>] **<i data-xss>y</i>**",
    "$\\href{javascript:alert(7)}{x}$",
    "javascript:alert(8)",
]

DOM_CHECK = """() => ({
  xss: window.__xss === undefined ? null : String(window.__xss),
  marked: document.querySelectorAll('[data-xss]').length,
  jsLinks: [...document.querySelectorAll('a[href]')]
      .filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript')).length,
  iframes: document.querySelectorAll('iframe[srcdoc]').length,
  imgX: document.querySelectorAll('img[src="x"]').length,
  scripts: [...document.querySelectorAll('script')]
      .filter(s => (s.textContent || '').includes('__xss')).length,
})"""


def test_xss_payloads_in_every_scenario_key_are_shown_as_text(
    browser: Browser, server: Server
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    # The scenario's keys, the lender's letter's and the first 1099-C form's: every key a
    # link can carry (box 4 is free text, kept and shown escaped on the 1099-C page).
    keys = [*SCENARIO_KEYS, *LETTER_KEYS, *(k for k in sorted(FORM_KEYS) if k.startswith("fc_"))]
    for shift in range(len(XSS)):
        # every key gets every payload over the loop; balance stays valid in one of them
        params = {key: XSS[(i + shift) % len(XSS)] for i, key in enumerate(keys)}
        params[XSS[shift]] = "1"  # a payload as an unknown key, too
        query = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in params.items())
        page.goto(f"{server.url}/?v=1&{query}")
        wait_for_app(page)
        warning = page.get_by_test_id("stAlert").first
        expect(warning).to_contain_text("could not be used")
        page.wait_for_timeout(300)
        found = page.evaluate(DOM_CHECK)
        assert found == {
            "xss": None,
            "marked": 0,
            "jsLinks": 0,
            "iframes": 0,
            "imgX": 0,
            "scripts": 0,
        }, f"payload set {shift}: {found}"
        assert page.get_by_test_id("stException").count() == 0
        assert deficiency(page) == "$0.00"  # every amount was refused: the defaults
    # the payload is echoed as text (escaped, never markup)
    alert_text = page.get_by_test_id("stAlert").first.inner_text()
    assert "<script>" in alert_text or "data-xss" in alert_text
    for path in ("/tax", "/credit", "/states", "/letter", "/form1099c", "/compare"):
        page.goto(f"{server.url}{path}?v=1&{query}")
        wait_for_app(page)
        assert page.evaluate(DOM_CHECK)["marked"] == 0
        assert page.evaluate("window.__xss === undefined")
    context.close()
    assert dialogs == []
