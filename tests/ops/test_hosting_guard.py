"""ui.hosting.HostingGuard, the middleware serve.py puts in front of Streamlit (issue 18).

Its promise: every websocket handshake it lets through passes Streamlit's own same-origin
test, so Streamlit never reaches its external-address lookup; and every HTTP response
carries the anti-framing headers. The first test holds Streamlit to that: for each
handshake the guard lets through, Streamlit 1.67's origin check
(``starlette_websocket._is_origin_allowed``) must accept it with the lookups replaced by
functions that fail the test. If a Streamlit upgrade changes its check, this fails and
names the case (read here only, in a test; the app itself uses only ``st.App``).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from starlette.datastructures import Headers

from ui.hosting import REFUSED, SECURITY_HEADERS, HostingGuard, same_origin

#: (Origin headers, Host header) -> does the guard let it through
CASES: list[tuple[tuple[str, ...], str | None, bool]] = [
    ((), "127.0.0.1:8501", True),  # no Origin: not a browser page
    (("http://127.0.0.1:8501",), "127.0.0.1:8501", True),
    (("https://dashboard.example.org",), "dashboard.example.org", True),  # TLS proxy in front
    (("http://[::1]:8501",), "[::1]:8501", True),
    (("http://evil.example",), "127.0.0.1:8501", False),
    (("null",), "127.0.0.1:8501", False),  # sandboxed frame, file://
    (("http://127.0.0.1:8502",), "127.0.0.1:8501", False),  # another port is another origin
    (("http://localhost:8501",), "127.0.0.1:8501", False),  # Streamlit allows; we need not
    (("http://DASHBOARD.example.org",), "dashboard.example.org", False),
    (("http://127.0.0.1.evil.example:8501",), "127.0.0.1:8501", False),
    (("http://evil.example", "http://127.0.0.1:8501"), "127.0.0.1:8501", False),  # first wins
    (("http://127.0.0.1:8501", "http://evil.example"), "127.0.0.1:8501", True),
    (("http://127.0.0.1:8501",), None, False),
]


def _scope(kind: str, origins: tuple[str, ...], host: str | None) -> dict[str, Any]:
    headers = [(b"origin", o.encode()) for o in origins]
    if host is not None:
        headers.append((b"host", host.encode()))
    return {"type": kind, "path": "/_stcore/stream", "headers": headers}


@pytest.mark.parametrize(("origins", "host", "passes"), CASES)
def test_guard_lets_through_only_what_streamlit_accepts_without_a_lookup(
    origins: tuple[str, ...], host: str | None, passes: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit import net_util
    from streamlit.web.server.starlette import starlette_websocket

    assert same_origin(Headers(scope=_scope("websocket", origins, host))) is passes
    if not passes:
        return

    def lookup() -> str:
        raise AssertionError(f"Streamlit looked the machine up for {origins} / {host}")

    monkeypatch.setattr(net_util, "get_external_ip", lookup)
    monkeypatch.setattr(net_util, "get_internal_ip", lookup)
    headers = Headers(scope=_scope("websocket", origins, host))
    assert starlette_websocket._is_origin_allowed(headers.get("Origin"), headers.get("Host"))


class _Recorder:
    """An inner ASGI app that answers 200 (with or without its own frame header)."""

    def __init__(self, own_header: bool = False) -> None:
        self.calls = 0
        self.own_header = own_header

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.calls += 1
        if scope["type"] == "http":
            headers = [(b"content-type", b"text/plain")]
            if self.own_header:
                headers.append((b"x-frame-options", b"DENY"))
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": b"ok"})


def _run(app: Any, scope: dict[str, Any]) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "websocket.connect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def test_foreign_handshake_is_closed_before_streamlit() -> None:
    inner = _Recorder()
    sent = _run(HostingGuard(inner), _scope("websocket", ("http://evil.example",), "h:1"))
    assert inner.calls == 0
    assert sent == [{"type": "websocket.close", "code": REFUSED, "reason": ""}]
    _run(HostingGuard(inner), _scope("websocket", ("http://h:1",), "h:1"))
    assert inner.calls == 1


def test_every_http_response_gets_the_headers_once() -> None:
    for own_header in (False, True):
        inner = _Recorder(own_header)
        sent = _run(HostingGuard(inner), {"type": "http", "path": "/", "headers": []})
        start = Headers(raw=sent[0]["headers"])
        assert len(start.getlist("x-frame-options")) == 1
        expected = "DENY" if own_header else SECURITY_HEADERS["X-Frame-Options"]
        assert start["x-frame-options"] == expected  # the app's own choice is kept
        assert start["content-security-policy"] == "frame-ancestors 'self'"
        assert sent[1]["body"] == b"ok"
