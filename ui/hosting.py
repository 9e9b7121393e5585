"""What the bare server adds for hosting: anti-framing headers and same-origin websockets only.

``serve.py`` wraps the app in :class:`HostingGuard` through Streamlit's public ``st.App``
middleware hook (``streamlit run serve.py``), so a replica is safe even with no proxy in
front, or behind one that cannot add headers (a Kubernetes Ingress without snippets). Why:

* **Framing.** Streamlit sends neither ``X-Frame-Options`` nor a CSP ``frame-ancestors``, and
  has no setting for them: a hostile site could frame the app and trick a reader into typing
  their figures (clickjacking). Every HTTP response gets both, allowing only the app's own
  origin. The app embeds no third-party frame and needs no other CSP.
* **Foreign-origin websockets.** Streamlit 1.67 checks a websocket handshake's ``Origin``
  and, when it is not the request's own host, compares it with the machine's internal and
  external addresses, which it finds by opening a UDP socket towards 8.8.8.8 and by an HTTP
  request to checkip.amazonaws.com (two 1 s timeouts, a failure not cached:
  ``streamlit.web.server.server_util.is_url_from_allowed_origins``). So anyone could make a
  server behind a silent firewall stall about 2 s per handshake, and the server talks to the
  internet. This guard refuses such a handshake before Streamlit sees it, with the same test
  Streamlit applies first (no ``Origin``, or ``Origin``'s host:port equal to ``Host``), so every
  handshake that reaches Streamlit passes its same-origin test and never reaches the lookup.
  The app is never embedded elsewhere (see framing), so no legitimate reader opens a
  cross-origin websocket; this also ignores ``server.corsAllowedOrigins`` for websockets,
  which the app does not use. Reported upstream: ``deploy/UPSTREAM.md``.

Pure ASGI (no Streamlit import): cheap, and testable without a server.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlparse

from starlette.datastructures import Headers, MutableHeaders
from starlette.websockets import WebSocket

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Sent on every HTTP response. ``frame-ancestors 'self'`` is the modern control and
#: ``X-Frame-Options`` the one older browsers know; ``'self'`` rather than ``'none'`` so a
#: page of the app could still frame another (none does today). The nginx, HAProxy and
#: Ingress examples in deploy/ send the same values.
SECURITY_HEADERS: dict[str, str] = {
    "X-Frame-Options": "SAMEORIGIN",
    "Content-Security-Policy": "frame-ancestors 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

#: 1008 = policy violation, what Streamlit itself uses; before ``accept`` the ASGI server
#: answers the handshake with HTTP 403.
REFUSED = 1008


def same_origin(headers: Headers) -> bool:
    """True when Streamlit would accept the handshake without looking anything up.

    Streamlit's ``_is_origin_allowed`` (1.67) reads the first ``Origin`` and ``Host``
    headers, lets a request without ``Origin`` through (non-browser clients), and then
    compares ``urlparse(origin).netloc`` with ``Host``: equal means same origin. Only
    otherwise does it call the lookup. Same inputs, same comparison here: the first values
    (Starlette's ``Headers.get``), and the scheme ignored as Streamlit does (a TLS proxy
    in front makes the browser's ``https`` origin reach the replica over ``http``).
    """
    origin = headers.get("origin")
    if origin is None:
        return True
    return urlparse(origin).netloc == headers.get("host")


class HostingGuard:
    """ASGI middleware: security headers on HTTP responses, cross-origin websockets refused."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and not same_origin(Headers(scope=scope)):
            # Before Streamlit's handler, hence before its external-address lookup.
            await WebSocket(scope, receive, send).close(code=REFUSED)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name.lower() not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
