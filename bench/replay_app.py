"""Entry point of the replay floors (:mod:`bench.replay_page`); same frame as ``bare_app``."""

from __future__ import annotations

from bench.one_page import serve

serve("replay_page.py")
