"""Hosting entry point: ``streamlit run serve.py`` serves ``app.py`` with the hosting guard.

Why a second entry point: Streamlit has no setting for response headers and no way to stop
its websocket origin check from looking up the machine's external address, but its public
``st.App`` (1.67) takes ASGI middleware. ``streamlit run serve.py`` finds ``app`` below and
serves ``app.py`` exactly as ``streamlit run app.py`` would (same config files, same
pages), with :class:`ui.hosting.HostingGuard` in front: anti-framing headers on every
response, cross-origin websocket handshakes refused before Streamlit's check. The container
image, the systemd unit and the Kubernetes Deployment in ``deploy/`` all run this file;
``make run`` (local development) still runs ``app.py``.
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware

from ui.hosting import HostingGuard

app = st.App("app.py", middleware=[Middleware(HostingGuard)])
